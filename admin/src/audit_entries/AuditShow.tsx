import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { FieldGrid } from '../common/FieldGrid';
import { RefField } from '../common/RefFields';
import { ChangesField } from './ChangesField';
import { RecordLabelField } from './RecordLabelField';
import { ResourceNameField } from './ResourceNameField';

export default function AuditShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <FieldGrid wide={['changes']}>
          <DateField source="at" showTime />
          <RefField source="user_id" emptyText="—" />
          <EnumField source="action" />
          <ResourceNameField source="resource" />
          <RecordLabelField source="record_label" />
          <TextField source="record_id" />
          <ChangesField source="changes" />
        </FieldGrid>
      </SimpleShowLayout>
    </Show>
  );
}
