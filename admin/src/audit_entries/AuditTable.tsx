import { DataTable } from 'react-admin';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';
import { ChangesField } from './ChangesField';
import { ResourceNameField } from './ResourceNameField';

const TimestampField = () => <DateField source="at" showTime />;
const ChangedFields = () => <ChangesField compact />;

/** Audit entries; on a record's history tab without the resource and record columns. */
export function AuditTable(props: TableProps) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col source="at" field={TimestampField} />
      <DataTable.Col source="user_id" field={RefField} />
      <DataTable.Col source="action" field={EnumField} />
      {!props.related && <DataTable.Col source="resource" field={ResourceNameField} />}
      <DataTable.Col source="record_id" />
      <DataTable.Col source="changes" field={ChangedFields} disableSort />
    </ResourceTable>
  );
}
