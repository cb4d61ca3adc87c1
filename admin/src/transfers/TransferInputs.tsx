import { Grid } from '@mui/material';
import { TextInput, type Validator } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { MoneyInput } from '../common/HundredthsInput';
import { RefInput } from '../common/RefInput';
import { isRequired, notBefore, textValidators } from '../common/validators';

/** Exactly one recipient: a municipality or a partner (as the API demands). */
const oneRecipient: Validator = (_value, all: Record<string, unknown>) =>
  (all.municipality_id == null) === (all.partner_id == null) ? 'app.errors.one_recipient' : undefined;

const recipientRule = [oneRecipient];
const paidRule = [notBefore('contract_on', 'app.errors.paid_before_contract')];
const checkedRule = [notBefore('proof_received_on', 'app.errors.checked_before_received')];

export function TransferInputs() {
  return (
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefInput source="grant_id" reference="grants" isRequired />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefInput source="measure_id" reference="measures" isRequired />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefInput source="municipality_id" reference="municipalities" validate={recipientRule} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefInput source="partner_id" reference="partners" validate={recipientRule} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <MoneyInput source="amount_cents" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="contract_on" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="paid_on" validate={paidRule} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="proof_due_on" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="proof_received_on" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="proof_checked_on" validate={checkedRule} />
      </Grid>
      <Grid size={12}>
        <TextInput source="notes" validate={textValidators('transfers', 'notes')} multiline />
      </Grid>
    </Grid>
  );
}
