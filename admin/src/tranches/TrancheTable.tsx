import { DataTable } from 'react-admin';
import { MoneyCol } from '../common/columns';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';

/** Tranches (Mittelabrufe) with what was requested, received and is still to be spent by when (the measure, rarely set, is on the detail page). */
export function TrancheTable(props: TableProps) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col source="number" />
      <DataTable.Col source="fiscal_year" />
      <DataTable.Col source="grant_id" field={RefField} />
      <DataTable.Col source="status" field={EnumField} />
      <MoneyCol source="requested_cents" />
      <MoneyCol source="received_cents" />
      <DataTable.Col source="spend_deadline" field={DateField} />
      <MoneyCol source="unspent_cents" />
    </ResourceTable>
  );
}
