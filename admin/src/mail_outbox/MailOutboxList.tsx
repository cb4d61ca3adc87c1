import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ReplayIcon from '@mui/icons-material/Replay';
import { Alert, Button } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DataTable,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../common/EnumField';
import { EnumInput } from '../common/EnumInput';
import { ResourceList } from '../common/ResourceList';
import { httpClient } from '../providers/httpClient';

interface Status {
  smtp: boolean;
  reminder_time: string;
  last_run: { run_on: string } | null;
}

const format = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});
/** A timestamp as "04.12.2026, 06:00" (Berlin). */
const fmt = (v: unknown) => (typeof v === 'string' && v ? format.format(new Date(v)) : '');
const germanDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

/** Whether mail goes out at all, and the last daily run. */
function StatusAlert() {
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['reminders', 'status'],
    queryFn: async () => (await httpClient('/api/reminders/status')).json as Status,
  });
  if (!data) return null;
  return (
    <Alert severity={data.smtp ? 'success' : 'info'} sx={{ m: 1 }} data-testid="smtp-status">
      {translate(data.smtp ? 'app.reminders.smtp_on' : 'app.reminders.smtp_off')}{' '}
      {data.last_run
        ? translate('app.reminders.last_run', {
            date: germanDate(data.last_run.run_on),
            time: data.reminder_time,
          })
        : translate('app.reminders.no_run', { time: data.reminder_time })}
    </Alert>
  );
}

/** "Regeln jetzt ausführen": the run as the daily one would do it. */
function Actions() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: async () =>
      (await httpClient('/api/reminders/run', { method: 'POST', body: '{}' })).json as {
        notifications: number;
        mails: number;
      },
    onSuccess: async (r) => {
      notify('app.reminders.run_done', { type: 'success', messageArgs: { ...r } });
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
      await queryClient.invalidateQueries({ queryKey: ['reminders'] });
      refresh();
    },
    onError: (e) => notify(e.message, { type: 'error' }),
  });
  return (
    <TopToolbar>
      <Button
        variant="contained"
        startIcon={<PlayArrowIcon />}
        disabled={run.isPending}
        onClick={() => run.mutate()}
      >
        {translate('app.reminders.run_now')}
      </Button>
    </TopToolbar>
  );
}

function RetryButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || record.status === 'sent' || record.status === 'sending') return null;
  return (
    <Button
      size="small"
      startIcon={<ReplayIcon />}
      onClick={async (e) => {
        e.stopPropagation();
        await httpClient(`/api/mail_outbox/${record.id}/retry`, { method: 'POST', body: '{}' });
        notify('app.reminders.retry_done', { type: 'success' });
        refresh();
      }}
    >
      {translate('app.reminders.retry')}
    </Button>
  );
}

/** "Postausgang" (CDO only): every reminder mail with status, attempts, next attempt and the last error. */
export default function MailOutboxList() {
  return (
    <ResourceList
      filters={[<EnumInput key="status" source="status" alwaysOn />]}
      actions={<Actions />}
      empty={false}
      phoneList={false}
    >
      <StatusAlert />
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="created_at" render={(r) => fmt(r.created_at)} />
        <DataTable.Col source="recipient" field={TextField} />
        <DataTable.Col source="subject" field={TextField} />
        <DataTable.Col source="status" field={EnumField} />
        <DataTable.Col source="attempts" />
        <DataTable.Col
          source="next_attempt_at"
          render={(r) => (r.status === 'pending' ? fmt(r.next_attempt_at) : '')}
        />
        <DataTable.Col source="sent_at" render={(r) => fmt(r.sent_at)} />
        <DataTable.Col source="last_error" field={TextField} />
        <DataTable.Col label="" render={() => <RetryButton />} />
      </DataTable>
    </ResourceList>
  );
}
