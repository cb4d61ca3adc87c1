import { Grid } from '@mui/material';
import {
  BooleanInput,
  FormDataConsumer,
  ReferenceInput,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { DateInput } from '../common/DateInput';
import { formatEuro } from '../common/money';
import { EnumInput } from '../common/EnumInput';
import { MoneyInput } from '../common/HundredthsInput';
import { RefInput } from '../common/RefInput';
import { DEFAULT_SORTS } from '../common/sorts';
import { isRequired, textValidators } from '../common/validators';

/** "Nr. 13 (2026) – offen 1.234,56 €": a received tranche with the money it still holds. */
function TrancheChoice() {
  const record = useRecordContext<
    RaRecord & { number: number; fiscal_year: number; unspent_cents: number }
  >();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>
      Nr. {record.number} ({record.fiscal_year}) –{' '}
      {translate('app.funding.open_amount', { amount: formatEuro(record.unspent_cents) })}
    </span>
  );
}

/**
 * Tranches have no text search: a select of the chosen grant's received (not yet settled) tranches, each with its
 * open amount; without a grant there is nothing to choose.
 */
function TrancheSelect() {
  return (
    <FormDataConsumer<{ grant_id?: number }>>
      {({ formData }) => (
        <ReferenceInput
          source="tranche_id"
          reference="tranches"
          filter={{ grant_id: formData.grant_id ?? 0, status: 'received' }}
          sort={DEFAULT_SORTS.tranches}
          perPage={100}
        >
          <SelectInput
            emptyText="app.common.none"
            optionText={<TrancheChoice />}
            disabled={!formData.grant_id}
          />
        </ReferenceInput>
      )}
    </FormDataConsumer>
  );
}

export function ExpenditureInputs() {
  return (
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefInput source="measure_id" reference="measures" isRequired />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <RefInput source="grant_id" reference="grants" isRequired />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TrancheSelect />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="booked_on" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="paid_on" helperText="app.funding.paid_on_hint" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <MoneyInput
          source="amount_cents"
          validate={isRequired}
          signed
          helperText="app.ledger.credit_note_help"
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <EnumInput source="cost_category" validate={isRequired} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="payee" validate={textValidators('expenditures', 'payee')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="receipt_no" validate={textValidators('expenditures', 'receipt_no')} />
      </Grid>
      <Grid size={12}>
        <TextInput source="description" validate={textValidators('expenditures', 'description')} multiline />
      </Grid>
      <Grid size={12}>
        <BooleanInput source="eligible" />
      </Grid>
    </Grid>
  );
}
