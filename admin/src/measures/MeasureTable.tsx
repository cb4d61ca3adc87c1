import { DataTable } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { HealthLight } from '../common/HealthLight';
import { ProgressBar } from '../common/ProgressBar';
import { MunicipalityChips, RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';
import { NextMilestoneField } from './NextMilestoneField';

const Municipalities = () => <MunicipalityChips max={3} />;

/** Measures as a table: in the list and on the pages of a municipality or a field of action. */
export function MeasureTable(props: TableProps) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col source="code" />
      <DataTable.Col source="title" />
      <DataTable.Col source="health" field={HealthLight} />
      <DataTable.Col source="status" field={EnumField} />
      <DataTable.Col source="progress" field={ProgressBar} />
      <DataTable.Col source="owner_id" field={RefField} />
      <DataTable.Col source="field_of_action_id" field={RefField} />
      <DataTable.Col source="municipality_ids" field={Municipalities} disableSort />
      <DataTable.Col source="next_milestone_due" field={NextMilestoneField} />
    </ResourceTable>
  );
}
