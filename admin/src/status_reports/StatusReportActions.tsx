import { TopToolbar } from 'react-admin';
import { IssueStatusReportButton } from './IssueStatusReportButton';
import { StatusReportPdfButtons } from './StatusReportPdfButtons';

/** The report buttons of the status report page: the PDF (download, view) and issuing the next report. */
export function StatusReportActions() {
  return (
    <TopToolbar>
      <StatusReportPdfButtons />
      <IssueStatusReportButton />
    </TopToolbar>
  );
}
