import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { DataTable, useRecordContext, type RaRecord } from 'react-admin';
import { DateField } from '../common/DateField';
import { OverdueChip, overdueRowSx } from '../common/OverdueChip';
import { RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';
import { SlipField } from './SlipField';

function TitleWithOverdue() {
  const record = useRecordContext();
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}
    >
      {String(record?.title ?? '')}
      {record?.overdue === true && <OverdueChip />}
    </Box>
  );
}

const rowSx = (record: RaRecord) => (record.overdue ? overdueRowSx : {});

/** Milestones with baseline, forecast and slip; overdue ones highlighted and marked in words; `children`: extra columns. */
export function MilestoneTable({ children, ...props }: TableProps & { children?: ReactNode }) {
  return (
    <ResourceTable rowSx={rowSx} {...props}>
      <DataTable.Col source="measure_id" field={RefField} />
      <DataTable.Col source="title" field={TitleWithOverdue} />
      <DataTable.Col source="baseline_date" field={DateField} />
      <DataTable.Col source="due_date" field={DateField} />
      <DataTable.Col source="slip" label="app.milestones.slip" field={SlipField} disableSort />
      <DataTable.Col source="completed_on" field={DateField} />
      {children}
    </ResourceTable>
  );
}
