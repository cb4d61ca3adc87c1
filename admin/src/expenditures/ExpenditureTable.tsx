import { BooleanField, DataTable } from 'react-admin';
import { MoneyCol } from '../common/columns';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { MeasureCodeField, RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';

export function ExpenditureTable(props: TableProps) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col source="booked_on" field={DateField} />
      <DataTable.Col source="paid_on" field={DateField} />
      <DataTable.Col source="measure_id" field={MeasureCodeField} />
      <DataTable.Col source="tranche_id" field={RefField} />
      <DataTable.Col source="cost_category" field={EnumField} />
      <DataTable.Col source="payee" />
      <DataTable.Col source="receipt_no" />
      <MoneyCol source="amount_cents" />
      <DataTable.Col source="eligible" field={BooleanField} />
    </ResourceTable>
  );
}
