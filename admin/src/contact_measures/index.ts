import LinkIcon from '@mui/icons-material/Link';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ContactMeasureList')),
  icon: LinkIcon,
};
