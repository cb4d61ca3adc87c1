import { DataTable, type RaRecord } from 'react-admin';
import { MoneyCol } from '../common/columns';
import { DateField } from '../common/DateField';
import { overdueRowSx } from '../common/OverdueChip';
import { MeasureCodeField, RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';
import { ProofDueField } from './ProofDueField';
import { RecipientField } from './RecipientField';

const rowSx = (record: RaRecord) => (record.proof_overdue ? overdueRowSx : {});

export function TransferTable(props: TableProps) {
  return (
    <ResourceTable rowSx={rowSx} {...props}>
      <DataTable.Col source="contract_on" field={DateField} />
      <DataTable.Col source="grant_id" field={RefField} />
      <DataTable.Col source="measure_id" field={MeasureCodeField} />
      <DataTable.Col source="recipient" label="app.transfers.recipient" field={RecipientField} disableSort />
      <MoneyCol source="amount_cents" />
      <DataTable.Col source="paid_on" field={DateField} />
      <DataTable.Col source="proof_due_on" field={ProofDueField} />
      <DataTable.Col source="proof_received_on" field={DateField} />
    </ResourceTable>
  );
}
