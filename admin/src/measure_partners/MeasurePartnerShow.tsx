import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { FieldGrid } from '../common/FieldGrid';
import { RefField } from '../common/RefFields';

export default function MeasurePartnerShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <FieldGrid>
          <RefField source="measure_id" />
          <RefField source="partner_id" />
          <TextField source="role" emptyText="—" />
        </FieldGrid>
      </SimpleShowLayout>
    </Show>
  );
}
