import { DataTable } from 'react-admin';
import { MoneyCol } from '../common/columns';
import { DateField } from '../common/DateField';
import { RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';

export function GrantYearTable(props: TableProps) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col source="grant_id" field={RefField} />
      <DataTable.Col source="fiscal_year" />
      <MoneyCol source="approved_cents" />
      <DataTable.Col source="interim_proof_due_on" field={DateField} />
    </ResourceTable>
  );
}
