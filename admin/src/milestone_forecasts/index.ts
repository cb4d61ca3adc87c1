import TimelineIcon from '@mui/icons-material/Timeline';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./MilestoneForecastList')),
  icon: TimelineIcon,
};
