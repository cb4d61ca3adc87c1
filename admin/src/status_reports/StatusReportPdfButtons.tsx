import DownloadIcon from '@mui/icons-material/Download';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { reportPdfUrl } from './issueDefaults';

/** "PDF herunterladen" and "PDF ansehen" (the browser's PDF viewer in a new tab) for the report on screen. */
export function StatusReportPdfButtons() {
  const translate = useTranslate();
  const record = useRecordContext();
  if (!record) return null;
  return (
    <>
      <Button component="a" href={reportPdfUrl(record.id)} download startIcon={<DownloadIcon />}>
        {translate('app.reports.download_pdf')}
      </Button>
      <Button
        component="a"
        href={reportPdfUrl(record.id, true)}
        target="_blank"
        rel="noopener"
        startIcon={<OpenInNewIcon />}
      >
        {translate('app.reports.view_pdf')}
      </Button>
    </>
  );
}
