import NoteAddIcon from '@mui/icons-material/NoteAdd';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useCreate, useLocaleState, useNotify, useRedirect, useTranslate, type HttpError } from 'react-admin';
import { useCan } from '../auth/useCan';
import { DatePickerField } from '../common/DatePickerField';
import { localIsoDate, monthLabel } from './issueDefaults';

/**
 * "Statusbericht erstellen" for cdo and steering: button → confirm dialog with the prefilled title of the current
 * month and today as report date → the report is issued (its snapshot frozen by the API) → its page opens.
 */
export function IssueStatusReportButton() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const canIssue = useCan('status_reports', 'write');
  const [open, setOpen] = useState(false);
  const [reportedOn, setReportedOn] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!canIssue) return null;

  const start = () => {
    const today = localIsoDate(new Date());
    setReportedOn(today);
    setTitle(translate('app.reports.default_title', { month: monthLabel(today, locale) }));
    setErrors({});
    setOpen(true);
  };
  const issue = () =>
    create(
      'status_reports',
      { data: { reported_on: reportedOn, title: title.trim() } },
      {
        onSuccess: (record) => {
          setOpen(false);
          notify('app.reports.issued', { type: 'success' });
          redirect('show', 'status_reports', record.id);
        },
        onError: (error) => {
          const body = (error as HttpError).body as { errors?: Record<string, string> } | undefined;
          setErrors(body?.errors ?? {});
          notify((error as Error).message || 'app.errors.server', { type: 'error' });
        },
      },
    );

  return (
    <>
      <Button variant="contained" startIcon={<NoteAddIcon />} onClick={start}>
        {translate('app.reports.issue_report')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="issue-report-title"
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id="issue-report-title">{translate('app.reports.issue_report')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('app.reports.issue_confirm')}</DialogContentText>
          <Stack spacing={2}>
            <TextField
              label={translate('resources.status_reports.fields.title')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={Boolean(errors.title)}
              helperText={errors.title}
              required
              fullWidth
            />
            <DatePickerField
              label={translate('resources.status_reports.fields.reported_on')}
              value={reportedOn}
              onChange={setReportedOn}
              error={errors.reported_on ? true : undefined}
              helperText={errors.reported_on}
              required
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={issue} disabled={isPending || !title.trim() || !reportedOn}>
            {translate('app.reports.issue_now')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
