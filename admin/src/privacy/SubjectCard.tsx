import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import DownloadIcon from '@mui/icons-material/Download';
import SearchIcon from '@mui/icons-material/Search';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { downloadExport, eraseSubject, searchSubject, type Row, type SubjectFindings } from './api';

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '–' : String(v));

function FoundTable({ title, rows, columns }: { title: string; rows: Row[]; columns: [string, string][] }) {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate(title, { count: rows.length })}
      </Typography>
      {rows.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              {columns.map(([, label]) => (
                <TableCell key={label}>{translate(label)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={`${String(r.id)}-${i}`}>
                {columns.map(([key]) => (
                  <TableCell key={key}>{key.endsWith('_on') ? formatDate(r[key]) : show(r[key])}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

/** Art. 15 and 17: find a person, export what is stored, anonymise it with a reason. */
export function SubjectCard() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<SubjectFindings>();
  const [error, setError] = useState<string>();
  const [confirm, setConfirm] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const total = found
    ? found.contacts.length + found.partners.length + found.users.length + found.occurrences.length
    : 0;
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => setFound(await searchSubject(q)));
  };
  const erase = () =>
    run(async () => {
      const result = await eraseSubject(found!.query, reason);
      const count = Object.values(result.counts).reduce((a, b) => a + b, 0);
      notify(translate('app.privacy.erase_done', { count }), { type: 'success' });
      setConfirm(false);
      setReason('');
      setFound(await searchSubject(found!.query));
      await queryClient.invalidateQueries({ queryKey: ['privacy'] });
    });

  return (
    <Card>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate('app.privacy.subject_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
          {translate('app.privacy.subject_intro')}
        </Typography>
        <Stack component="form" direction="row" spacing={1} onSubmit={search} sx={{ alignItems: 'center' }}>
          <TextField
            size="small"
            label={translate('app.privacy.search_label')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            sx={{ width: 360 }}
          />
          <Button
            type="submit"
            variant="contained"
            startIcon={<SearchIcon />}
            disabled={busy || q.trim().length < 3}
          >
            {translate('app.privacy.search')}
          </Button>
        </Stack>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {found && (
          <Box data-testid="subject-findings">
            {total === 0 && (
              <Alert severity="success" sx={{ mt: 2 }}>
                {translate('app.privacy.nothing_found', { q: found.query })}
              </Alert>
            )}
            <FoundTable
              title="app.privacy.found_contacts"
              rows={found.contacts}
              columns={[
                ['contact_on', 'app.privacy.col_date'],
                ['municipality', 'app.privacy.col_municipality'],
                ['person_name', 'app.privacy.col_person'],
                ['topic', 'app.privacy.col_topic'],
              ]}
            />
            <FoundTable
              title="app.privacy.found_partners"
              rows={found.partners}
              columns={[
                ['name', 'app.privacy.col_partner'],
                ['contact_person', 'app.privacy.col_person'],
                ['email', 'app.privacy.col_email'],
              ]}
            />
            <FoundTable
              title="app.privacy.found_users"
              rows={found.users}
              columns={[
                ['name', 'app.privacy.col_name'],
                ['email', 'app.privacy.col_email'],
                ['role', 'app.privacy.col_role'],
              ]}
            />
            <FoundTable
              title="app.privacy.found_other"
              rows={found.occurrences.map((o) => ({ ...o, where: `${o.table} #${o.id}` }))}
              columns={[
                ['where', 'app.privacy.col_where'],
                ['column', 'app.privacy.col_field'],
                ['value', 'app.privacy.col_value'],
              ]}
            />
            {total > 0 && (
              <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }}>
                <Button
                  variant="outlined"
                  startIcon={<DownloadIcon />}
                  disabled={busy}
                  onClick={() => void run(() => downloadExport(found.query, 'pdf'))}
                >
                  {translate('app.privacy.export_pdf')}
                </Button>
                <Button
                  variant="outlined"
                  startIcon={<DownloadIcon />}
                  disabled={busy}
                  onClick={() => void run(() => downloadExport(found.query, 'json'))}
                >
                  {translate('app.privacy.export_json')}
                </Button>
                <Button
                  variant="outlined"
                  color="error"
                  startIcon={<DeleteForeverIcon />}
                  disabled={busy}
                  onClick={() => setConfirm(true)}
                >
                  {translate('app.privacy.erase')}
                </Button>
              </Stack>
            )}
          </Box>
        )}
      </CardContent>
      <Dialog open={confirm} onClose={() => setConfirm(false)} aria-labelledby="erase-title">
        <DialogTitle id="erase-title">{translate('app.privacy.erase_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.privacy.erase_confirm', { count: total, q: found?.query ?? '' })}
          </Typography>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            label={translate('app.privacy.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            disabled={busy || reason.trim().length < 5}
            onClick={() => void erase()}
          >
            {translate('app.privacy.erase_confirm_button')}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}
