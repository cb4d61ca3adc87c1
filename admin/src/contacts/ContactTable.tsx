import { DataTable, type RaRecord } from 'react-admin';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { overdueRowSx } from '../common/OverdueChip';
import { RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';
import { FollowUpField } from './FollowUpField';
import { isFollowUpOverdue } from './followUp';

const rowSx = (record: RaRecord) => (isFollowUpOverdue(record) ? overdueRowSx : {});

/** Contact log entries; overdue follow-ups highlighted and marked in words. */
export function ContactTable(props: TableProps) {
  return (
    <ResourceTable rowSx={rowSx} {...props}>
      <DataTable.Col source="contact_on" field={DateField} />
      <DataTable.Col source="municipality_id" field={RefField} />
      <DataTable.Col source="channel" field={EnumField} />
      <DataTable.Col source="person_name" />
      <DataTable.Col source="topic" />
      <DataTable.Col source="follow_up_on" field={FollowUpField} />
      <DataTable.Col source="author_id" field={RefField} />
    </ResourceTable>
  );
}
