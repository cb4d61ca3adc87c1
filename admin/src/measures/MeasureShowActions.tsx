import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button } from '@mui/material';
import { EditButton, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useCan } from '../auth/useCan';

/** The measure page's actions: the one-page profile for committees (PDF), and editing for those who may. */
export function MeasureShowActions() {
  const translate = useTranslate();
  const record = useRecordContext();
  const writable = useCan('measures', 'write');
  return (
    <TopToolbar>
      {record && (
        <Button
          component="a"
          href={`/api/measures/${String(record.id)}/profile.pdf`}
          download
          startIcon={<PictureAsPdfIcon />}
        >
          {translate('app.measures.profile_pdf')}
        </Button>
      )}
      {writable && <EditButton />}
    </TopToolbar>
  );
}
