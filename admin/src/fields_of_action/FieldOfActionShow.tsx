import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { FieldGrid } from '../common/FieldGrid';
import { RelatedList } from '../common/RelatedList';
import { MeasureTable } from '../measures/MeasureTable';
import { ColourField } from './ColourField';

export default function FieldOfActionShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <FieldGrid>
          <TextField source="name" />
          <ColourField source="colour" />
        </FieldGrid>
        <RelatedList title="resources.measures.name" reference="measures" target="field_of_action_id">
          <MeasureTable related="field_of_action_id" />
        </RelatedList>
      </SimpleShowLayout>
    </Show>
  );
}
