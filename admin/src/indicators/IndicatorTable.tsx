import { DataTable, useRecordContext } from 'react-admin';
import { DateField } from '../common/DateField';
import { RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';
import { withUnit } from './numbers';
import { StateField } from './StateChip';

function ValueWithUnit({ source }: { source: string }) {
  const r = useRecordContext();
  return <>{withUnit(r?.[source] as number | null, r?.unit as string)}</>;
}

/** Indicators with their state, latest value and target. */
export function IndicatorTable(props: TableProps) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col source="measure_id" field={RefField} />
      <DataTable.Col source="name" />
      <DataTable.Col source="state" field={StateField} />
      <DataTable.Col source="latest_value" render={() => <ValueWithUnit source="latest_value" />} />
      <DataTable.Col source="latest_measured_on" field={DateField} />
      <DataTable.Col source="target_value" render={() => <ValueWithUnit source="target_value" />} />
      <DataTable.Col source="target_date" field={DateField} />
    </ResourceTable>
  );
}
