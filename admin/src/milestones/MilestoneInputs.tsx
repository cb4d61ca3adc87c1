import { BooleanInput, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { RefInput } from '../common/RefInput';
import { isRequired, textValidators } from '../common/validators';
import { ForecastFollowsBaseline } from './ForecastFollowsBaseline';

/**
 * The milestone form; a changed forecast date is recorded for the trend analysis by the API. `inline`: on the
 * measure's page, where the measure is given.
 */
export function MilestoneInputs({ inline = false }: { inline?: boolean }) {
  return (
    <>
      <ForecastFollowsBaseline />
      {!inline && <RefInput source="measure_id" reference="measures" isRequired />}
      <TextInput source="title" validate={textValidators('milestones', 'title')} />
      <DateInput source="baseline_date" validate={isRequired} />
      <DateInput
        source="due_date"
        validate={isRequired}
        helperText="app.milestones.due_defaults_to_baseline"
      />
      <DateInput source="completed_on" />
      <BooleanInput source="is_final" />
      <TextInput source="notes" validate={textValidators('milestones', 'notes')} multiline minRows={2} />
    </>
  );
}
