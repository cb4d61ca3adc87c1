import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Box } from '@mui/material';
import { useTranslate, type RaRecord } from 'react-admin';

/** The narrow column of the paper clips (the lists are full at 1366 px). */
export const CLIP_SX = { px: 0, whiteSpace: 'nowrap' } as const;

/** A paper clip with the number of a record's documents in a list; nothing when it has none. */
export function PaperClip({ record }: { record: RaRecord }) {
  const translate = useTranslate();
  const count = Number(record.document_count ?? 0);
  if (!count) return null;
  return (
    <Box
      component="span"
      title={translate('app.documents.count', { smart_count: count })}
      aria-label={translate('app.documents.count', { smart_count: count })}
      sx={{ display: 'inline-flex', alignItems: 'center', whiteSpace: 'nowrap', color: 'text.secondary' }}
    >
      <AttachFileIcon sx={{ fontSize: 14 }} aria-hidden />
      {count}
    </Box>
  );
}

/** The column head of the paper clips: the icon alone (the word would widen the list), named for screen readers. */
export function PaperClipHead() {
  const translate = useTranslate();
  return (
    <AttachFileIcon
      sx={{ fontSize: 16, verticalAlign: 'middle' }}
      aria-label={translate('app.documents.tab')}
      titleAccess={translate('app.documents.tab')}
    />
  );
}
