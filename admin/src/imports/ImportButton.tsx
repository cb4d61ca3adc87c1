import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, useCanAccess, useResourceContext } from 'react-admin';
import { Link } from 'react-router';
import { IMPORTABLE } from './importable';

/** "Importieren" on a list that has a spreadsheet import, for roles that may create its records. */
export function ImportButton() {
  const resource = useResourceContext() ?? '';
  const importable = IMPORTABLE.has(resource);
  const { canAccess } = useCanAccess({ resource, action: 'create', enabled: importable });
  if (!importable || !canAccess) return null;
  return (
    <Button component={Link} to={`/import/${resource}`} label="app.imports.button">
      <UploadFileIcon />
    </Button>
  );
}
