import CheckIcon from '@mui/icons-material/Check';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useState, type DragEvent } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router';
import { ENUM_FIELDS } from '../common/enums';
import { formatValue } from '../common/formatValue';
import { formatEuro } from '../common/money';
import { IMPORTABLE, PERCENT_FIELDS, uploadType, type ImportAction, type ImportReport } from './importable';

const ACTION_COLOURS: Record<ImportAction, 'success' | 'info' | 'default' | 'error'> = {
  create: 'success',
  update: 'info',
  unchanged: 'default',
  error: 'error',
};

async function send(resource: string, file: File, dryRun: boolean): Promise<ImportReport> {
  const query = new URLSearchParams({ file_name: file.name, ...(dryRun ? { dry_run: 'true' } : {}) });
  const res = await fetch(`/api/imports/${resource}?${query}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': uploadType(file) },
    body: file,
  });
  const body = (await res.json().catch(() => ({}))) as ImportReport & { message?: string };
  // 422: the report of a refused apply, shown like a dry run.
  if (!res.ok && !(res.status === 422 && body.rows)) throw new Error(body.message ?? res.statusText);
  return body;
}

/**
 * The spreadsheet import of one resource: choose or drop a file, see the dry run (per row the action, the changed
 * fields old → new, errors at the cell), then "Übernehmen", which stays disabled while any row has an error.
 */
export default function ImportPage() {
  const { resource = '' } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [applied, setApplied] = useState(false);
  const [dragging, setDragging] = useState(false);
  const plural = translate(`resources.${resource}.name`, { smart_count: 2 });
  const label = (field: string) =>
    field === '_row'
      ? translate('app.imports.row')
      : translate(`resources.${resource}.fields.${field}`, { _: field });
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const shown = (field: string, value: unknown) =>
    value === null || value === undefined || value === ''
      ? '—'
      : PERCENT_FIELDS.has(`${resource}.${field}`)
        ? `${String(value).replace('.', ',')} %`
        : formatValue(field, value, {
            translate,
            hundredths: formatEuro,
            enumName: ENUM_FIELDS[resource]?.[field],
          });

  const run = async (chosen: File, dryRun: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await send(resource, chosen, dryRun);
      setReport(result);
      if (!dryRun && !result.summary.error) {
        setApplied(true);
        notify('app.imports.applied', {
          type: 'success',
          messageArgs: { create: result.summary.create, update: result.summary.update },
        });
      }
    } catch (e) {
      setReport(undefined);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setApplied(false);
    void run(chosen, true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };

  if (!IMPORTABLE.has(resource))
    return <Alert severity="error">{translate('app.imports.not_importable')}</Alert>;
  const s = report?.summary;
  const toDo = s ? s.create + s.update : 0;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.imports.title', { name: plural })} />
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          {translate('app.imports.title', { name: plural })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
          {translate('app.imports.intro')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
          <Button startIcon={<DownloadIcon />} href={`/api/imports/templates/${resource}.xlsx`} download>
            {translate('app.imports.template')}
          </Button>
          <Button component={Link} to={`/${resource}`}>
            {translate('app.imports.back', { name: plural })}
          </Button>
        </Box>
        <Box
          component="label"
          data-testid="import-drop"
          onDragOver={(e: DragEvent) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          sx={{
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            gap: 1,
            p: 3,
            mb: 2,
            border: 2,
            borderStyle: 'dashed',
            borderColor: dragging ? 'primary.main' : 'divider',
            borderRadius: 2,
            cursor: 'pointer',
            textAlign: 'center',
          }}
        >
          <UploadFileIcon color="primary" fontSize="large" />
          <Typography>{file ? file.name : translate('app.imports.choose')}</Typography>
          <Typography variant="caption" color="text.secondary">
            {translate('app.imports.formats')}
          </Typography>
          <input
            type="file"
            hidden
            accept=".xlsx,.csv,.txt"
            onChange={(e) => {
              choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </Box>
        {busy && <LinearProgress sx={{ mb: 2 }} aria-label={translate('app.imports.working')} />}
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {report && s && (
          <>
            <Alert
              severity={s.error ? 'error' : applied ? 'success' : 'info'}
              sx={{ mb: 2 }}
              data-testid="import-summary"
            >
              {translate(applied ? 'app.imports.summary_applied' : 'app.imports.summary', { ...s })}
              {s.error ? ` ${translate('app.imports.fix_errors')}` : ''}
            </Alert>
            {report.warnings.map((w) => (
              <Alert key={w} severity="warning" sx={{ mb: 1 }}>
                {w}
              </Alert>
            ))}
            {!applied && (
              <Button
                variant="contained"
                startIcon={<CheckIcon />}
                disabled={busy || s.error > 0 || toDo === 0 || !file}
                onClick={() => file && void run(file, false)}
                sx={{ mb: 2 }}
              >
                {translate('app.imports.apply')}
              </Button>
            )}
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" data-testid="import-rows">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.imports.row')}</TableCell>
                    <TableCell>{translate('app.imports.action')}</TableCell>
                    {!phone && <TableCell>{translate('app.imports.key')}</TableCell>}
                    <TableCell>{translate('app.imports.details')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.rows.map((r) => (
                    <TableRow key={r.row} data-action={r.action}>
                      <TableCell>{r.row}</TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          color={ACTION_COLOURS[r.action]}
                          label={translate(`app.imports.actions.${r.action}`)}
                        />
                      </TableCell>
                      {!phone && <TableCell sx={{ wordBreak: 'break-word' }}>{r.key}</TableCell>}
                      <TableCell sx={{ wordBreak: 'break-word' }}>
                        {phone && (
                          <Typography variant="body2" sx={{ fontWeight: 500, mb: 0.5 }}>
                            {r.key}
                          </Typography>
                        )}
                        {Object.entries(r.errors).map(([field, message]) => (
                          <Typography key={field} variant="body2" color="error">
                            <strong>{label(field)}:</strong> {message}
                          </Typography>
                        ))}
                        {r.action !== 'error' &&
                          Object.entries(r.changes).map(([field, [before, after]]) => (
                            <Typography key={field} variant="body2">
                              <strong>{label(field)}:</strong>{' '}
                              {r.action === 'create'
                                ? shown(field, after)
                                : `${shown(field, before)} → ${shown(field, after)}`}
                            </Typography>
                          ))}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
}
