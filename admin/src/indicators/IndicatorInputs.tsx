import { NumberInput, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { EnumInput } from '../common/EnumInput';
import { RefInput } from '../common/RefInput';
import { isRequired, rangeValidators, textValidators } from '../common/validators';

/** The indicator form: the line runs from the baseline to the target. */
export function IndicatorInputs() {
  return (
    <>
      <RefInput source="measure_id" reference="measures" isRequired />
      <TextInput source="name" validate={textValidators('indicators', 'name')} />
      <TextInput source="unit" validate={textValidators('indicators', 'unit')} />
      <EnumInput source="direction" validate={isRequired} />
      <NumberInput source="baseline_value" validate={rangeValidators('indicators', 'baseline_value')} />
      <DateInput source="baseline_date" validate={isRequired} />
      <NumberInput source="target_value" validate={rangeValidators('indicators', 'target_value')} />
      <DateInput source="target_date" validate={isRequired} />
      <TextInput source="method" validate={textValidators('indicators', 'method')} multiline minRows={2} />
      <TextInput source="reported_by" validate={textValidators('indicators', 'reported_by')} />
    </>
  );
}
