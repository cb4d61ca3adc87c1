import { DateInput, email, TextInput } from 'react-admin';
import { EnumInput } from '../common/EnumInput';
import { isRequired, optionalText, requiredText } from '../common/validators';

const emailRule = [email(), ...optionalText(254)];

export function PartnerInputs() {
  return (
    <>
      <TextInput source="name" validate={requiredText(200)} />
      <EnumInput source="sector" validate={isRequired} />
      <TextInput source="contact_person" validate={optionalText(120)} />
      <TextInput source="email" type="email" validate={emailRule} />
      <TextInput source="phone" type="tel" validate={optionalText(40)} />
      <TextInput source="website" type="url" validate={optionalText(300)} />
      <TextInput source="city" validate={optionalText(120)} />
      <DateInput source="agreement_signed_on" />
      <TextInput source="notes" validate={optionalText(5000)} multiline minRows={2} />
    </>
  );
}
