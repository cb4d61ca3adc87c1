import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateField } from '../common/DateField';
import { FieldGrid } from '../common/FieldGrid';
import { RefField } from '../common/RefFields';
import { RelatedList } from '../common/RelatedList';
import { MilestoneForecastTable } from '../milestone_forecasts/MilestoneForecastTable';
import { SlipField } from './SlipField';

export default function MilestoneShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <FieldGrid wide={['notes']}>
          <RefField source="measure_id" />
          <TextField source="title" />
          <DateField source="baseline_date" />
          <DateField source="due_date" />
          <SlipField label="app.milestones.slip" />
          <DateField source="completed_on" />
          <BooleanField source="is_final" />
          <TextField source="notes" emptyText="—" />
        </FieldGrid>
        <RelatedList title="app.milestones.forecasts" reference="milestone_forecasts" target="milestone_id">
          <MilestoneForecastTable related="milestone_id" />
        </RelatedList>
      </SimpleShowLayout>
    </Show>
  );
}
