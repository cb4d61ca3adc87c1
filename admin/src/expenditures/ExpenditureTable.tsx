import { BooleanField, DataTable, type RaRecord } from 'react-admin';
import { CLIP_SX, PaperClip, PaperClipHead } from '../documents/PaperClip';
import { MoneyCol } from '../common/columns';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { MeasureCodeField, RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';

/** Long payee names wrap, so two dates (booked, paid) fit beside them at 1366 px. */
const PAYEE_SX = () => ({ maxWidth: 140, overflowWrap: 'anywhere' as const });

export function ExpenditureTable(props: TableProps) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col source="booked_on" field={DateField} />
      <DataTable.Col source="paid_on" label="app.funding.paid_on_short" field={DateField} />
      <DataTable.Col source="measure_id" field={MeasureCodeField} />
      <DataTable.Col source="tranche_id" field={RefField} />
      <DataTable.Col source="cost_category" field={EnumField} />
      <DataTable.Col source="payee" cellSx={PAYEE_SX} />
      <DataTable.Col source="receipt_no" />
      <MoneyCol source="amount_cents" />
      <DataTable.Col source="eligible" field={BooleanField} />
      <DataTable.Col
        source="document_count"
        label={<PaperClipHead />}
        padding="none"
        sx={CLIP_SX}
        disableSort
        render={(r: RaRecord) => <PaperClip record={r} />}
      />
    </ResourceTable>
  );
}
