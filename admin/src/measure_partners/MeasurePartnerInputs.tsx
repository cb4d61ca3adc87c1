import { TextInput } from 'react-admin';
import { useCan } from '../auth/useCan';
import { RefInput } from '../common/RefInput';
import { PartnerQuickCreate } from '../partners/PartnerQuickCreate';
import { textValidators } from '../common/validators';

/** The partner picker can create a partner on the spot, for those who may. */
export function MeasurePartnerInputs() {
  const mayCreatePartner = useCan('partners', 'write');
  return (
    <>
      <RefInput source="measure_id" reference="measures" isRequired />
      <RefInput
        source="partner_id"
        reference="partners"
        isRequired
        create={mayCreatePartner ? <PartnerQuickCreate /> : undefined}
      />
      <TextInput source="role" validate={textValidators('measure_partners', 'role')} />
    </>
  );
}
