import { Grid } from '@mui/material';
import { BooleanInput, FormDataConsumer, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { EnumInput } from '../common/EnumInput';
import { MoneyInput } from '../common/HundredthsInput';
import { RefInput } from '../common/RefInput';
import { DEFAULT_SORTS } from '../common/sorts';
import { isRequired, textValidators } from '../common/validators';

/** Tranches have no text search: a select, limited to the chosen grant's tranches. */
function TrancheSelect() {
  return (
    <FormDataConsumer<{ grant_id?: number }>>
      {({ formData }) => (
        <ReferenceInput
          source="tranche_id"
          reference="tranches"
          filter={formData.grant_id ? { grant_id: formData.grant_id } : {}}
          sort={DEFAULT_SORTS.tranches}
          perPage={100}
        >
          <SelectInput emptyText="app.common.none" />
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
        <MoneyInput source="amount_cents" validate={isRequired} />
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
