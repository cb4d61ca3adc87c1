import { Grid } from '@mui/material';
import { NumberInput, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { EnumInput } from '../common/EnumInput';
import { MoneyInput } from '../common/HundredthsInput';
import { RefArrayInput, RefInput } from '../common/RefInput';
import { isRequired, notBefore, rangeValidators, textValidators } from '../common/validators';

const endRule = [notBefore('start_date')];

/** The measure form, shared by create and edit (rules as in api/features/measures/measures.ts). */
export function MeasureInputs() {
  return (
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, sm: 3 }}>
        <TextInput source="code" validate={textValidators('measures', 'code')} helperText="z. B. M-07" />
      </Grid>
      <Grid size={{ xs: 12, sm: 9 }}>
        <TextInput source="title" validate={textValidators('measures', 'title')} />
      </Grid>
      <Grid size={12}>
        <TextInput source="summary" validate={textValidators('measures', 'summary')} multiline minRows={2} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefInput source="field_of_action_id" reference="fields_of_action" isRequired />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <EnumInput source="target_picture" emptyText="app.common.none" />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <EnumInput source="phase" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <EnumInput source="status" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <EnumInput source="health" validate={isRequired} />
      </Grid>
      <Grid size={12}>
        <TextInput source="health_note" validate={textValidators('measures', 'health_note')} multiline />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <NumberInput source="progress" validate={rangeValidators('measures', 'progress')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <RefInput source="owner_id" reference="users" />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <MoneyInput source="budget_cents" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefInput source="lead_municipality_id" reference="municipalities" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefArrayInput
          source="municipality_ids"
          reference="municipalities"
          helperText="app.measures.county_wide_hint"
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="start_date" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="end_date" validate={endRule} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput
          source="cost_object"
          validate={textValidators('measures', 'cost_object')}
          helperText="app.ledger.cost_object_help"
        />
      </Grid>
    </Grid>
  );
}
