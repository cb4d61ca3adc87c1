import { DataTable } from 'react-admin';
import { MoneyCol, PercentCol } from '../common/columns';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { EnumInput } from '../common/EnumInput';
import { dateRangeFilters, searchFilter } from '../common/filters';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';
import { PeriodField } from './PeriodField';

const filters = [
  searchFilter,
  <EnumInput key="spend_rule" source="spend_rule" />,
  ...dateRangeFilters('proof_due_on'),
];

export default function GrantList() {
  return (
    <ResourceList filters={filters}>
      <ResourceTable>
        <DataTable.Col source="phase" />
        <DataTable.Col source="file_number" />
        <DataTable.Col source="period_start" label="app.grants.period" field={PeriodField} />
        <PercentCol source="funding_rate_bp" />
        <MoneyCol source="approved_cents" />
        <DataTable.Col source="spend_rule" field={EnumField} />
        <DataTable.Col source="proof_due_on" field={DateField} />
      </ResourceTable>
    </ResourceList>
  );
}
