import { DataTable } from 'react-admin';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';
import { ChangesField } from './ChangesField';
import { RecordLabelField } from './RecordLabelField';
import { ResourceNameField } from './ResourceNameField';

const TimestampField = () => <DateField source="at" showTime />;
const ChangedFields = () => <ChangesField compact />;

/**
 * Audit entries with the record named; on a record's history tab (`related`) without the resource column, unless
 * the history spans several resources (a measure's: its milestones, partners and links too).
 */
export function AuditTable({ mixed = false, ...props }: TableProps & { mixed?: boolean }) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col source="at" field={TimestampField} />
      <DataTable.Col source="user_id" field={RefField} />
      <DataTable.Col source="action" field={EnumField} />
      {(!props.related || mixed) && <DataTable.Col source="resource" field={ResourceNameField} />}
      <DataTable.Col source="record_label" field={RecordLabelField} />
      <DataTable.Col source="changes" field={ChangedFields} disableSort />
    </ResourceTable>
  );
}
