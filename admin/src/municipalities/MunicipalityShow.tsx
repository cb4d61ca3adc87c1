import { NumberField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { useCan } from '../auth/useCan';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { FieldGrid } from '../common/FieldGrid';
import { PluralName } from '../common/PluralName';
import { RefChips } from '../common/RefFields';
import { RelatedList } from '../common/RelatedList';
import { ContactTable } from '../contacts/ContactTable';
import { MeasureTable } from '../measures/MeasureTable';

/** A municipality: its guides, last contact and open follow-ups, the measures there and the contact history. */
export default function MunicipalityShow() {
  const contacts = useCan('contacts');
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.measure_tabs.overview">
          <FieldGrid>
            <TextField source="name" />
            <EnumField source="kind" />
            <TextField source="official_key" />
            <TextField source="seat" />
            <NumberField source="population" />
            <NumberField source="area_km2" />
            <RefChips source="guide_ids" />
            {contacts && <DateField source="last_contact_on" />}
            {contacts && <NumberField source="open_follow_ups" />}
          </FieldGrid>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={<PluralName resource="measures" />} path="massnahmen">
          <RelatedList reference="measures" target="municipality_ids">
            <MeasureTable related="municipality_ids" />
          </RelatedList>
        </TabbedShowLayout.Tab>
        {contacts && (
          <TabbedShowLayout.Tab label="app.measure_tabs.contacts" path="kontakte">
            <RelatedList reference="contacts" target="municipality_id" creatable>
              <ContactTable related="municipality_id" />
            </RelatedList>
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
}
