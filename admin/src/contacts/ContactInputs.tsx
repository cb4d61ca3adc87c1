import { Grid } from '@mui/material';
import { BooleanInput, TextInput, useGetIdentity } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { EnumInput } from '../common/EnumInput';
import { RefArrayInput, RefInput } from '../common/RefInput';
import { isRequired, textValidators } from '../common/validators';

/** A guide records contacts only for her own municipalities (the API refuses others). */
function useMunicipalityFilter(): Record<string, unknown> | undefined {
  const { identity } = useGetIdentity();
  return identity?.role === 'guide' ? { id: identity.municipality_ids } : undefined;
}

const half = { xs: 12, sm: 6 } as const;

/**
 * The contact form. `quick` is the guide's short form on her start page (phone-sized: one column,
 * full-width inputs); the full form adds the person's role and the follow-up state.
 */
export function ContactInputs({ quick = false }: { quick?: boolean }) {
  const municipalityFilter = useMunicipalityFilter();
  const size = quick ? 12 : half;
  return (
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={size}>
        <RefInput
          source="municipality_id"
          reference="municipalities"
          filter={municipalityFilter}
          isRequired
        />
      </Grid>
      <Grid size={size}>
        <DateInput source="contact_on" validate={isRequired} />
      </Grid>
      <Grid size={size}>
        <EnumInput source="channel" validate={isRequired} />
      </Grid>
      <Grid size={size}>
        <TextInput source="person_name" validate={textValidators('contacts', 'person_name')} />
      </Grid>
      {!quick && (
        <Grid size={size}>
          <TextInput source="person_role" validate={textValidators('contacts', 'person_role')} />
        </Grid>
      )}
      <Grid size={size}>
        <TextInput source="topic" validate={textValidators('contacts', 'topic')} />
      </Grid>
      <Grid size={12}>
        <TextInput
          source="notes"
          validate={textValidators('contacts', 'notes')}
          multiline
          minRows={quick ? 2 : 3}
        />
      </Grid>
      <Grid size={size}>
        <DateInput source="follow_up_on" />
      </Grid>
      {!quick && (
        <Grid size={size}>
          <BooleanInput source="follow_up_done" />
        </Grid>
      )}
      <Grid size={12}>
        <RefArrayInput source="measure_ids" reference="measures" />
      </Grid>
    </Grid>
  );
}
