import { Show, TabbedShowLayout, TextField } from 'react-admin';
import { documentsTab } from '../documents/DocumentsTab';
import { DateField } from '../common/DateField';
import { FieldGrid } from '../common/FieldGrid';
import { MoneyField } from '../common/MoneyField';
import { RefField } from '../common/RefFields';
import { ProofDueField } from './ProofDueField';

export default function TransferShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.measure_tabs.overview">
          <FieldGrid wide={['notes']}>
            <RefField source="grant_id" />
            <RefField source="measure_id" />
            <RefField source="municipality_id" emptyText="—" />
            <RefField source="partner_id" emptyText="—" />
            <MoneyField source="amount_cents" />
            <DateField source="contract_on" />
            <DateField source="paid_on" />
            <ProofDueField source="proof_due_on" />
            <DateField source="proof_received_on" />
            <DateField source="proof_checked_on" />
            <TextField source="notes" emptyText="—" />
          </FieldGrid>
        </TabbedShowLayout.Tab>
        {documentsTab('transfers')}
      </TabbedShowLayout>
    </Show>
  );
}
