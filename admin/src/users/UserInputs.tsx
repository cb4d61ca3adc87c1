import {
  BooleanInput,
  email,
  FormDataConsumer,
  minLength,
  PasswordInput,
  required,
  TextInput,
} from 'react-admin';
import { EnumInput } from '../common/EnumInput';
import { RefArrayInput } from '../common/RefInput';
import { isRequired, textValidators } from '../common/validators';

const emailRule = [...textValidators('users', 'email'), email()];
const newPasswordRule = [required(), minLength(12)];
const changedPasswordRule = [minLength(12)];

/**
 * The user form. Creating needs a password; editing takes an optional new one (empty = unchanged).
 * Only guides look after municipalities.
 */
export function UserInputs({ create = false }: { create?: boolean }) {
  return (
    <>
      <TextInput source="name" validate={textValidators('users', 'name')} />
      <TextInput source="email" type="email" validate={emailRule} />
      <EnumInput source="role" validate={isRequired} />
      <BooleanInput source="active" />
      <BooleanInput source="break_glass" helperText="app.users.break_glass_hint" />
      <FormDataConsumer<{ role?: string }>>
        {({ formData }) =>
          formData.role === 'guide' && <RefArrayInput source="municipality_ids" reference="municipalities" />
        }
      </FormDataConsumer>
      <PasswordInput
        source="password"
        label={create ? 'resources.users.fields.password' : 'app.users.new_password'}
        helperText={create ? 'app.users.password_hint' : 'app.users.password_unchanged'}
        autoComplete="new-password"
        validate={create ? newPasswordRule : changedPasswordRule}
      />
    </>
  );
}
