import { BooleanField, EmailField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { FieldGrid } from '../common/FieldGrid';
import { RefChips } from '../common/RefFields';

export default function UserShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <FieldGrid wide={['municipality_ids']}>
          <TextField source="name" />
          <EmailField source="email" />
          <EnumField source="role" />
          <BooleanField source="active" />
          <RefChips source="municipality_ids" />
        </FieldGrid>
      </SimpleShowLayout>
    </Show>
  );
}
