import { NumberInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { MoneyInput } from '../common/HundredthsInput';
import { RefInput } from '../common/RefInput';
import { isRequired, rangeValidators } from '../common/validators';

export function GrantYearInputs() {
  return (
    <>
      <RefInput source="grant_id" reference="grants" isRequired />
      <NumberInput source="fiscal_year" validate={rangeValidators('grant_years', 'fiscal_year')} />
      <MoneyInput source="approved_cents" validate={isRequired} />
      <DateInput source="interim_proof_due_on" />
    </>
  );
}
