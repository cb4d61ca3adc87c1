import DeleteIcon from '@mui/icons-material/DeleteOutline';
import DownloadIcon from '@mui/icons-material/Download';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import {
  Box,
  Button,
  IconButton,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  TabbedShowLayout,
  useCanAccess,
  useDelete,
  useGetList,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { DocumentParent } from '../../../api/domain';
import { formatDate } from '../common/dates';
import { dateLocale } from '../i18n';
import { documentsOf, formatSize } from './upload';
import { UploadZone } from './UploadZone';

interface DocumentRecord extends RaRecord {
  title: string;
  kind: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  created_at: string;
}

/** Columns left out on a phone: title, size and the actions stay. */
const WIDE = { display: { xs: 'none', md: 'table-cell' } };

const fileUrl = (id: RaRecord['id'], inline = false) =>
  `/api/documents/${id}/file${inline ? '?disposition=inline' : ''}`;

/**
 * The "Dokumente" tab of a record's detail page (#17): its documents with size and date, download (PDFs also
 * opened in a new tab), delete with confirmation, and, for who may change the record, the upload zone.
 */
export function DocumentsTab({ resource }: { resource: DocumentParent }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { canAccess: mayChange } = useCanAccess({ resource, action: 'edit', record });
  const {
    data = [],
    isPending,
    refetch,
  } = useGetList<DocumentRecord>(
    'documents',
    {
      filter: documentsOf(resource, record?.id),
      sort: { field: 'id', order: 'DESC' },
      pagination: { page: 1, perPage: 200 },
    },
    { enabled: record?.id !== undefined },
  );
  const [doomed, setDoomed] = useState<DocumentRecord>();
  const [remove, { isPending: deleting }] = useDelete();
  if (!record) return null;

  const confirmDelete = () => {
    if (!doomed) return;
    void remove(
      'documents',
      { id: doomed.id, previousData: doomed },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('app.documents.deleted', { type: 'info', messageArgs: { title: doomed.title } });
          setDoomed(undefined);
          void refetch();
        },
        onError: (e) => {
          notify((e as Error).message, { type: 'error' });
          setDoomed(undefined);
        },
      },
    );
  };

  return (
    <Box component="section" sx={{ width: '100%' }} aria-label={translate('app.documents.tab')}>
      {mayChange && <UploadZone resource={resource} recordId={record.id} onUploaded={() => void refetch()} />}
      {!isPending && data.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ my: 2 }}>
          {translate('app.documents.none')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={translate('app.documents.tab')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.documents.fields.title')}</TableCell>
                <TableCell sx={WIDE}>{translate('resources.documents.fields.kind')}</TableCell>
                <TableCell sx={WIDE}>{translate('resources.documents.fields.file_name')}</TableCell>
                <TableCell align="right">{translate('resources.documents.fields.size_bytes')}</TableCell>
                <TableCell sx={WIDE}>{translate('resources.documents.fields.created_at')}</TableCell>
                <TableCell align="right">{translate('app.funding.action')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((d) => (
                <TableRow key={d.id} data-testid="document-row">
                  <TableCell>{d.title}</TableCell>
                  <TableCell sx={WIDE}>{translate(`app.enums.document_kind.${d.kind}`)}</TableCell>
                  <TableCell sx={{ ...WIDE, wordBreak: 'break-all' }}>
                    <Link href={fileUrl(d.id)} download={d.file_name}>
                      {d.file_name}
                    </Link>
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {formatSize(d.size_bytes, locale)}
                  </TableCell>
                  <TableCell sx={{ ...WIDE, whiteSpace: 'nowrap' }}>
                    {formatDate(d.created_at, dateLocale(locale), true)}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Tooltip title={translate('app.documents.download')}>
                      <IconButton
                        component="a"
                        href={fileUrl(d.id)}
                        download={d.file_name}
                        aria-label={`${translate('app.documents.download')}: ${d.title}`}
                      >
                        <DownloadIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    {d.media_type === 'application/pdf' && (
                      <Tooltip title={translate('app.documents.open')}>
                        <IconButton
                          component="a"
                          href={fileUrl(d.id, true)}
                          target="_blank"
                          rel="noopener noreferrer"
                          aria-label={`${translate('app.documents.open')}: ${d.title}`}
                        >
                          <OpenInNewIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    )}
                    {mayChange && (
                      <Tooltip title={translate('ra.action.delete')}>
                        <IconButton
                          color="error"
                          onClick={() => setDoomed(d)}
                          aria-label={`${translate('ra.action.delete')}: ${d.title}`}
                        >
                          <DeleteIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <Confirm
        isOpen={doomed !== undefined}
        loading={deleting}
        title="app.documents.delete_title"
        content="app.documents.delete_content"
        titleTranslateOptions={{ title: doomed?.title ?? '' }}
        confirm="ra.action.delete"
        confirmColor="warning"
        onConfirm={confirmDelete}
        onClose={() => setDoomed(undefined)}
      />
      {isPending && <Button disabled>{translate('ra.page.loading')}</Button>}
    </Box>
  );
}

/** The tab itself, for a detail page's TabbedShowLayout (path "dokumente", as in the address bar). */
export const documentsTab = (resource: DocumentParent) => (
  <TabbedShowLayout.Tab label="app.documents.tab" path="dokumente">
    <DocumentsTab resource={resource} />
  </TabbedShowLayout.Tab>
);
