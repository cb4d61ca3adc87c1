import { BooleanInput, DateInput, TextInput } from 'react-admin';
import { RefInput } from '../common/RefInput';
import { isRequired, optionalText, requiredText } from '../common/validators';

/** The milestone form; a changed forecast date is recorded for the trend analysis by the API. */
export function MilestoneInputs() {
  return (
    <>
      <RefInput source="measure_id" reference="measures" isRequired />
      <TextInput source="title" validate={requiredText(200)} />
      <DateInput source="baseline_date" validate={isRequired} />
      <DateInput source="due_date" validate={isRequired} />
      <DateInput source="completed_on" />
      <BooleanInput source="is_final" />
      <TextInput source="notes" validate={optionalText(5000)} multiline minRows={2} />
    </>
  );
}
