import { DataTable, EmailField, TextInput } from 'react-admin';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { EnumInput } from '../common/EnumInput';
import { dateRangeFilters, searchFilter } from '../common/filters';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

const filters = [
  searchFilter,
  <EnumInput key="sector" source="sector" />,
  <TextInput key="city" source="city" />,
  ...dateRangeFilters('agreement_signed_on'),
];

export default function PartnerList() {
  return (
    <ResourceList filters={filters}>
      <ResourceTable>
        <DataTable.Col source="name" />
        <DataTable.Col source="sector" field={EnumField} />
        <DataTable.Col source="contact_person" />
        <DataTable.Col source="email" field={EmailField} disableSort />
        <DataTable.Col source="city" />
        <DataTable.Col source="agreement_signed_on" field={DateField} />
      </ResourceTable>
    </ResourceList>
  );
}
