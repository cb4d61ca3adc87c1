import {
  CreateButton,
  ExportButton,
  FilterButton,
  TopToolbar,
  useFilterContext,
  useListContext,
  useResourceDefinition,
} from 'react-admin';
import { ImportButton } from './ImportButton';

/** react-admin's list actions (filter, create, export) plus "Importieren" where the list has an import. */
export function ImportListActions() {
  const { exporter, total } = useListContext();
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      {filters && <FilterButton />}
      {hasCreate && <CreateButton />}
      {exporter !== false && <ExportButton disabled={total === 0} />}
      <ImportButton />
    </TopToolbar>
  );
}
