import { BooleanField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { documentsTab } from '../documents/DocumentsTab';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { FieldGrid } from '../common/FieldGrid';
import { MoneyField } from '../common/MoneyField';
import { RefField } from '../common/RefFields';

export default function ExpenditureShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.measure_tabs.overview">
          <FieldGrid wide={['description']}>
            <RefField source="measure_id" />
            <RefField source="grant_id" />
            <RefField source="tranche_id" emptyText="—" />
            <DateField source="booked_on" />
            <DateField source="paid_on" emptyText="—" />
            <MoneyField source="amount_cents" />
            <EnumField source="cost_category" />
            <TextField source="payee" />
            <TextField source="receipt_no" emptyText="—" />
            <TextField source="description" emptyText="—" />
            <BooleanField source="eligible" />
          </FieldGrid>
        </TabbedShowLayout.Tab>
        {documentsTab('expenditures')}
      </TabbedShowLayout>
    </Show>
  );
}
