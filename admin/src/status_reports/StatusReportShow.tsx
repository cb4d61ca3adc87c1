import {
  ArrayField,
  DataTable,
  ResourceContextProvider,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { FieldGrid } from '../common/FieldGrid';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { HealthLight } from '../common/HealthLight';
import { RecordTitle } from '../common/RecordTitle';
import { ProgressBar } from '../common/ProgressBar';
import { RefField } from '../common/RefFields';
import { NextMilestonesField } from './NextMilestonesField';
import { StatusReportActions } from './StatusReportActions';
import { StatusReportComparison } from './StatusReportComparison';

/** A status report with the measures as they stood when it was issued (labels from the measures). */
export default function StatusReportShow() {
  return (
    <Show actions={<StatusReportActions />} title={<RecordTitle />}>
      <SimpleShowLayout>
        <FieldGrid>
          <DateField source="reported_on" />
          <TextField source="title" />
          <RefField source="author_id" />
          <StatusReportComparison label={false} />
        </FieldGrid>
        <ArrayField source="snapshot" perPage={1000}>
          <ResourceContextProvider value="measures">
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="code" />
              <DataTable.Col source="title" />
              <DataTable.Col source="field_of_action" label="resources.measures.fields.field_of_action_id" />
              <DataTable.Col source="health" field={HealthLight} />
              <DataTable.Col source="status" field={EnumField} />
              <DataTable.Col source="progress" field={ProgressBar} />
              <DataTable.Col source="health_note" />
              <DataTable.Col
                source="next_milestones"
                label="app.reports.next_milestones"
                field={NextMilestonesField}
                disableSort
              />
            </DataTable>
          </ResourceContextProvider>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
}
