import LocationCityIcon from '@mui/icons-material/LocationCity';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./MunicipalityList')),
  create: lazy(() => import('./MunicipalityCreate')),
  edit: lazy(() => import('./MunicipalityEdit')),
  show: lazy(() => import('./MunicipalityShow')),
  icon: LocationCityIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
