import { Show, TabbedShowLayout, TextField } from 'react-admin';
import { documentsTab } from '../documents/DocumentsTab';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { FieldGrid } from '../common/FieldGrid';
import { RefChips, RefField } from '../common/RefFields';
import { FollowUpField } from './FollowUpField';

export default function ContactShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.measure_tabs.overview">
          <FieldGrid wide={['notes', 'measure_ids']}>
            <DateField source="contact_on" />
            <RefField source="municipality_id" />
            <EnumField source="channel" />
            <TextField source="person_name" emptyText="—" />
            <TextField source="person_role" emptyText="—" />
            <TextField source="topic" />
            <TextField source="notes" emptyText="—" />
            <FollowUpField source="follow_up_on" />
            <RefChips source="measure_ids" />
            <RefField source="author_id" />
          </FieldGrid>
        </TabbedShowLayout.Tab>
        {documentsTab('contacts')}
      </TabbedShowLayout>
    </Show>
  );
}
