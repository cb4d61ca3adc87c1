import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateField } from '../common/DateField';
import { FieldGrid } from '../common/FieldGrid';
import { MoneyField } from '../common/MoneyField';
import { RefField } from '../common/RefFields';

export default function GrantYearShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <FieldGrid>
          <RefField source="grant_id" />
          <TextField source="fiscal_year" />
          <MoneyField source="approved_cents" />
          <DateField source="interim_proof_due_on" />
        </FieldGrid>
      </SimpleShowLayout>
    </Show>
  );
}
