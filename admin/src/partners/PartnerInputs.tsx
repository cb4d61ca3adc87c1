import { email, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { EnumInput } from '../common/EnumInput';
import { isRequired, textValidators } from '../common/validators';

const emailRule = [email(), ...textValidators('partners', 'email')];

export function PartnerInputs() {
  return (
    <>
      <TextInput source="name" validate={textValidators('partners', 'name')} />
      <EnumInput source="sector" validate={isRequired} />
      <TextInput source="contact_person" validate={textValidators('partners', 'contact_person')} />
      <TextInput source="email" type="email" validate={emailRule} />
      <TextInput source="phone" type="tel" validate={textValidators('partners', 'phone')} />
      <TextInput source="website" type="url" validate={textValidators('partners', 'website')} />
      <TextInput source="city" validate={textValidators('partners', 'city')} />
      <DateInput source="agreement_signed_on" />
      <TextInput source="notes" validate={textValidators('partners', 'notes')} multiline minRows={2} />
    </>
  );
}
