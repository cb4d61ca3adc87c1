import { BooleanField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { documentsTab } from '../documents/DocumentsTab';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { FieldGrid } from '../common/FieldGrid';
import { MoneyField } from '../common/MoneyField';
import { RefField } from '../common/RefFields';
import { RelatedList } from '../common/RelatedList';
import { ExpenditureTable } from '../expenditures/ExpenditureTable';
import { BookReceiptButton } from './BookReceiptButton';

export default function TrancheShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.measure_tabs.overview">
          <BookReceiptButton />
          <FieldGrid wide={['justification', 'notes']}>
            <RefField source="grant_id" />
            <RefField source="measure_id" emptyText="—" />
            <TextField source="fiscal_year" />
            <TextField source="number" />
            <EnumField source="status" />
            <BooleanField source="is_final" />
            <DateField source="requested_on" />
            <MoneyField source="requested_cents" />
            <DateField source="received_on" />
            <MoneyField source="received_cents" />
            <DateField source="spend_deadline" />
            <MoneyField source="unspent_cents" />
            <TextField source="justification" emptyText="—" />
            <TextField source="notes" emptyText="—" />
          </FieldGrid>
          <RelatedList title="resources.expenditures.name" reference="expenditures" target="tranche_id">
            <ExpenditureTable related="tranche_id" />
          </RelatedList>
        </TabbedShowLayout.Tab>
        {documentsTab('tranches')}
      </TabbedShowLayout>
    </Show>
  );
}
