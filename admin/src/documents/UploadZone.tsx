import CloseIcon from '@mui/icons-material/Close';
import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  IconButton,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useRef, useState, type DragEvent } from 'react';
import { useNotify, useTranslate, type Identifier } from 'react-admin';
import { DOCUMENT_KINDS, type DocumentKind, type DocumentParent } from '../../../api/domain';
import { DEFAULT_KIND, titleOf, uploadDocument } from './upload';

interface Pending {
  key: number;
  file: File;
  kind: DocumentKind;
  title: string;
  progress: number;
  state: 'ready' | 'uploading' | 'failed';
  message?: string;
}

let nextKey = 0;

/**
 * Drop files here (or choose them), set kind and title per file, upload all with a progress bar each. A file the
 * API refuses stays in the list with its German reason; uploaded ones leave the list for the table below.
 */
export function UploadZone(props: {
  resource: DocumentParent;
  recordId: Identifier;
  onUploaded: () => void;
}) {
  const { resource, recordId, onUploaded } = props;
  const translate = useTranslate();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [pending, setPending] = useState<Pending[]>([]);
  const busy = pending.some((p) => p.state === 'uploading');

  const add = (files: FileList | null) => {
    if (!files?.length) return;
    const added = [...files].map((file) => ({
      key: nextKey++,
      file,
      kind: DEFAULT_KIND[resource],
      title: titleOf(file.name),
      progress: 0,
      state: 'ready' as const,
    }));
    setPending((p) => [...p, ...added]);
  };
  const change = (key: number, patch: Partial<Pending>) =>
    setPending((p) => p.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  const uploadAll = async () => {
    let done = 0;
    for (const p of pending.filter((x) => x.state !== 'uploading')) {
      change(p.key, { state: 'uploading', progress: 0, message: undefined });
      const result = await uploadDocument(
        { resource, record_id: recordId, kind: p.kind, title: p.title.trim() || titleOf(p.file.name) },
        p.file,
        (progress) => change(p.key, { progress }),
      );
      if (result.ok) {
        done++;
        setPending((list) => list.filter((x) => x.key !== p.key));
        onUploaded();
      } else
        change(p.key, {
          state: 'failed',
          message: result.message ?? translate('app.documents.failed'),
        });
    }
    if (done) notify('app.documents.uploaded', { type: 'info', messageArgs: { smart_count: done } });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  };

  return (
    <Box sx={{ mb: 2 }}>
      <Box
        data-testid="document-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        sx={{
          border: '2px dashed',
          borderColor: over ? 'primary.main' : 'divider',
          bgcolor: over ? 'action.hover' : 'transparent',
          borderRadius: 1,
          p: 2,
          textAlign: 'center',
        }}
      >
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('app.documents.drop')}
        </Typography>
        <Button variant="outlined" startIcon={<UploadIcon />} onClick={() => input.current?.click()}>
          {translate('app.documents.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label={translate('app.documents.choose')}
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods,.msg,.eml"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
        <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.documents.accepted')}
        </Typography>
      </Box>
      {pending.length > 0 && (
        <Stack spacing={1.5} sx={{ mt: 2 }}>
          {pending.map((p) => (
            <Box key={p.key} data-testid="document-pending">
              <Stack
                direction={{ xs: 'column', sm: 'row' }}
                spacing={1}
                sx={{ alignItems: { sm: 'center' } }}
              >
                <Typography variant="body2" sx={{ flex: '1 1 30%', wordBreak: 'break-all' }}>
                  {p.file.name}
                </Typography>
                <TextField
                  select
                  size="small"
                  label={translate('resources.documents.fields.kind')}
                  value={p.kind}
                  disabled={p.state === 'uploading'}
                  onChange={(e) => change(p.key, { kind: e.target.value as DocumentKind })}
                  sx={{ width: { sm: 200 }, flex: 'none' }}
                >
                  {DOCUMENT_KINDS.map((k) => (
                    <MenuItem key={k} value={k}>
                      {translate(`app.enums.document_kind.${k}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  size="small"
                  label={translate('resources.documents.fields.title')}
                  value={p.title}
                  disabled={p.state === 'uploading'}
                  onChange={(e) => change(p.key, { title: e.target.value })}
                  slotProps={{ htmlInput: { maxLength: 200 } }}
                  sx={{ flex: '1 1 45%' }}
                />
                <IconButton
                  aria-label={`${translate('app.documents.remove')}: ${p.file.name}`}
                  disabled={p.state === 'uploading'}
                  onClick={() => setPending((list) => list.filter((x) => x.key !== p.key))}
                >
                  <CloseIcon fontSize="small" />
                </IconButton>
              </Stack>
              {p.state === 'uploading' && (
                <LinearProgress
                  variant="determinate"
                  value={Math.round(p.progress * 100)}
                  aria-label={translate('app.documents.progress', { name: p.file.name })}
                  sx={{ mt: 0.5 }}
                />
              )}
              {p.state === 'failed' && (
                <Alert severity="error" sx={{ mt: 0.5 }}>
                  {p.message}
                </Alert>
              )}
            </Box>
          ))}
          <Box>
            <Button variant="contained" disabled={busy} onClick={() => void uploadAll()}>
              {translate('app.documents.upload_all', { smart_count: pending.length })}
            </Button>
          </Box>
        </Stack>
      )}
    </Box>
  );
}
