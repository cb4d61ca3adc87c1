import { BooleanField, EmailField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { useCan } from '../auth/useCan';
import { EnumField } from '../common/EnumField';
import { DateField } from '../common/DateField';
import { FieldGrid } from '../common/FieldGrid';
import { RefChips } from '../common/RefFields';
import { MfaResetButton } from './MfaResetButton';

export default function UserShow() {
  // The API sends e-mail addresses only to those who manage users (USER_EMAIL_READERS).
  const emails = useCan('users', 'write');
  return (
    <Show>
      <SimpleShowLayout>
        <FieldGrid wide={['municipality_ids']}>
          <TextField source="name" />
          {emails && <EmailField source="email" />}
          <EnumField source="role" />
          <BooleanField source="active" />
          <BooleanField source="break_glass" />
          <DateField source="totp_enabled_at" showTime emptyText="app.mfa.none" />
          <RefChips source="municipality_ids" />
        </FieldGrid>
        <MfaResetButton />
      </SimpleShowLayout>
    </Show>
  );
}
