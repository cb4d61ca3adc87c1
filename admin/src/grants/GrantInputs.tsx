import { Grid } from '@mui/material';
import { required, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { EnumInput } from '../common/EnumInput';
import { MoneyInput, PercentInput } from '../common/HundredthsInput';
import { basisPoints, isRequired, notBefore, textValidators } from '../common/validators';

const periodEndRule = [required(), notBefore('period_start')];

export function GrantInputs() {
  return (
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="programme" validate={textValidators('grants', 'programme')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="funder" validate={textValidators('grants', 'funder')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="file_number" validate={textValidators('grants', 'file_number')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="phase" validate={textValidators('grants', 'phase')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <DateInput source="committed_on" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <DateInput source="period_start" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <DateInput source="period_end" validate={periodEndRule} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <MoneyInput source="eligible_cents" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <PercentInput source="funding_rate_bp" validate={basisPoints} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <MoneyInput source="approved_cents" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <EnumInput source="spend_rule" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="proof_due_on" />
      </Grid>
      <Grid size={12}>
        <TextInput source="notes" validate={textValidators('grants', 'notes')} multiline minRows={2} />
      </Grid>
    </Grid>
  );
}
