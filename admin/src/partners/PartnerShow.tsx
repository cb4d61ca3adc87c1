import { EmailField, Show, TabbedShowLayout, TextField, UrlField } from 'react-admin';
import { useCan } from '../auth/useCan';
import { DateField } from '../common/DateField';
import { documentsTab } from '../documents/DocumentsTab';
import { EnumField } from '../common/EnumField';
import { FieldGrid } from '../common/FieldGrid';
import { PluralName } from '../common/PluralName';
import { RelatedList } from '../common/RelatedList';
import { MeasurePartnerTable } from '../measure_partners/MeasurePartnerTable';
import { TransferTable } from '../transfers/TransferTable';

/** A partner, the measures it works in (with its role there) and, for funding readers, what it was passed on. */
export default function PartnerShow() {
  const funding = useCan('transfers');
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.measure_tabs.overview">
          <FieldGrid wide={['notes']}>
            <TextField source="name" />
            <EnumField source="sector" />
            <TextField source="contact_person" emptyText="—" />
            <EmailField source="email" emptyText="—" />
            <TextField source="phone" emptyText="—" />
            <UrlField source="website" emptyText="—" />
            <TextField source="city" emptyText="—" />
            <DateField source="agreement_signed_on" />
            <TextField source="notes" emptyText="—" />
          </FieldGrid>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={<PluralName resource="measures" />} path="massnahmen">
          <RelatedList reference="measure_partners" target="partner_id" creatable>
            <MeasurePartnerTable related="partner_id" />
          </RelatedList>
        </TabbedShowLayout.Tab>
        {funding && (
          <TabbedShowLayout.Tab label={<PluralName resource="transfers" />} path="weiterleitungen">
            <RelatedList reference="transfers" target="partner_id">
              <TransferTable related="partner_id" />
            </RelatedList>
          </TabbedShowLayout.Tab>
        )}
        {documentsTab('partners')}
      </TabbedShowLayout>
    </Show>
  );
}
