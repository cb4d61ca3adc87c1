import { NumberInput, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { isRequired, rangeValidators } from '../common/validators';

/** The rate in basis points (−88 = −0,88 %): negative base rates exist, which the percent input does not take. */
export function BaseRateInputs() {
  return (
    <>
      <DateInput source="valid_from" validate={isRequired} />
      <NumberInput
        source="rate_bp"
        helperText="app.proof.rate_bp_help"
        validate={rangeValidators('base_rates', 'rate_bp')}
      />
      <TextInput source="note" fullWidth />
    </>
  );
}
