import { TextInput } from 'react-admin';
import { RefInput } from '../common/RefInput';
import { textValidators } from '../common/validators';

export function MeasurePartnerInputs() {
  return (
    <>
      <RefInput source="measure_id" reference="measures" isRequired />
      <RefInput source="partner_id" reference="partners" isRequired />
      <TextInput source="role" validate={textValidators('measure_partners', 'role')} />
    </>
  );
}
