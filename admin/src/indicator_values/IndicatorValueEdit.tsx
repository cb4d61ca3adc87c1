import { NumberInput, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { ResourceEdit } from '../common/ResourceForms';
import { RefInput } from '../common/RefInput';
import { isRequired, rangeValidators, textValidators } from '../common/validators';

export default function IndicatorValueEdit() {
  return (
    <ResourceEdit>
      <RefInput source="indicator_id" reference="indicators" isRequired />
      <DateInput source="measured_on" validate={isRequired} />
      <NumberInput source="value" validate={rangeValidators('indicator_values', 'value')} />
      <TextInput source="source" validate={textValidators('indicator_values', 'source')} />
      <TextInput source="note" validate={textValidators('indicator_values', 'note')} multiline minRows={2} />
    </ResourceEdit>
  );
}
