import { DataTable, NumberField } from 'react-admin';
import { useCan } from '../auth/useCan';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { EnumInput } from '../common/EnumInput';
import { searchFilter } from '../common/filters';
import { RefChips } from '../common/RefFields';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

const filters = [searchFilter, <EnumInput key="kind" source="kind" />];

/** The ten municipalities; contact figures only for roles that read contacts. */
export default function MunicipalityList() {
  const contacts = useCan('contacts');
  return (
    <ResourceList filters={filters}>
      <ResourceTable>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind" field={EnumField} />
        <DataTable.Col source="seat" />
        <DataTable.NumberCol source="population" />
        <DataTable.Col source="guide_ids" field={RefChips} disableSort />
        {contacts && <DataTable.Col source="last_contact_on" field={DateField} />}
        {contacts && <DataTable.NumberCol source="open_follow_ups" field={NumberField} />}
      </ResourceTable>
    </ResourceList>
  );
}
