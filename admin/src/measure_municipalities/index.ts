import PlaceIcon from '@mui/icons-material/Place';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./MeasureMunicipalityList')),
  icon: PlaceIcon,
};
