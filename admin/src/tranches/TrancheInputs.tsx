import { Grid } from '@mui/material';
import { BooleanInput, maxValue, minValue, NumberInput, required, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { EnumInput } from '../common/EnumInput';
import { MoneyInput } from '../common/HundredthsInput';
import { RefInput } from '../common/RefInput';
import { isRequired, notAbove, notBefore, rangeValidators, textValidators } from '../common/validators';
import { TrancheUsagePanel } from '../funding/TrancheUsagePanel';

const numberRule = [required(), minValue(1), maxValue(10_000)];
const receivedOnRule = [notBefore('requested_on', 'app.errors.received_before_requested')];
const receivedRule = [notAbove('requested_cents', 'app.errors.received_exceeds_requested')];

/** The tranche form; the API also checks the status rules and the year's remaining budget. */
export function TrancheInputs() {
  return (
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefInput source="grant_id" reference="grants" isRequired />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefInput source="measure_id" reference="measures" />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <NumberInput source="fiscal_year" validate={rangeValidators('tranches', 'fiscal_year')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <NumberInput source="number" validate={numberRule} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <EnumInput source="status" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="requested_on" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <MoneyInput source="requested_cents" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="received_on" validate={receivedOnRule} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <MoneyInput source="received_cents" validate={receivedRule} />
      </Grid>
      <Grid size={12}>
        <BooleanInput source="is_final" />
      </Grid>
      <Grid size={12}>
        <TrancheUsagePanel />
      </Grid>
      <Grid size={12}>
        <TextInput source="justification" validate={textValidators('tranches', 'justification')} multiline />
      </Grid>
      <Grid size={12}>
        <TextInput source="notes" validate={textValidators('tranches', 'notes')} multiline />
      </Grid>
    </Grid>
  );
}
