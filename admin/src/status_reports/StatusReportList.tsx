import { DataTable, ExportButton, FilterButton, TopToolbar } from 'react-admin';
import { DateField } from '../common/DateField';
import { EmptyState } from '../common/EmptyState';
import { dateRangeFilters } from '../common/filters';
import { RefField } from '../common/RefFields';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';
import { IssueStatusReportButton } from './IssueStatusReportButton';

const filters = [...dateRangeFilters('reported_on')];

/** "Statusbericht erstellen" right on the list (for cdo and steering), besides filter and export. */
const actions = (
  <TopToolbar>
    <FilterButton />
    <IssueStatusReportButton />
    <ExportButton />
  </TopToolbar>
);

export default function StatusReportList() {
  return (
    <ResourceList
      filters={filters}
      actions={actions}
      empty={<EmptyState action={<IssueStatusReportButton />} />}
    >
      <ResourceTable>
        <DataTable.Col source="reported_on" field={DateField} />
        <DataTable.Col source="title" />
        <DataTable.Col source="author_id" field={RefField} />
      </ResourceTable>
    </ResourceList>
  );
}
