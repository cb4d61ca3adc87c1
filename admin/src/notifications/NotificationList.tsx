import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  TopToolbar,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useNavigate } from 'react-router';
import { ResourceList } from '../common/ResourceList';
import { useMarkRead } from './useUnreadCount';

interface Notification extends RaRecord {
  rule: string;
  title: string;
  body: string;
  link: string | null;
  due_on: string;
  read_at: string | null;
  created_at: string;
}

const germanDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

function Actions() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const mark = useMarkRead();
  return (
    <TopToolbar>
      <Button
        startIcon={<DoneAllIcon />}
        onClick={async () => {
          await mark.all();
          notify('app.reminders.all_read_done', { type: 'success' });
          refresh();
        }}
      >
        {translate('app.reminders.all_read')}
      </Button>
    </TopToolbar>
  );
}

/** One card per notification: unread ones bold with a chip; "Öffnen" marks it read and goes to its record. */
function Entries() {
  const { data, isPending } = useListContext<Notification>();
  const translate = useTranslate();
  const navigate = useNavigate();
  const refresh = useRefresh();
  const mark = useMarkRead();
  if (isPending) return null;
  if (!data?.length) return <Typography sx={{ p: 2 }}>{translate('app.reminders.empty')}</Typography>;
  return (
    <Stack spacing={1} sx={{ p: 1 }} data-testid="notification-list">
      {data.map((n) => (
        <Card
          key={n.id}
          variant="outlined"
          data-testid="notification"
          data-unread={n.read_at ? 'false' : 'true'}
        >
          <CardContent sx={{ pb: '12px !important' }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              {!n.read_at && <Chip size="small" color="error" label={translate('app.reminders.unread')} />}
              <Typography component="h2" variant="subtitle1" sx={{ fontWeight: n.read_at ? 400 : 700 }}>
                {n.title}
              </Typography>
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line', mt: 0.5 }}>
              {n.body}
            </Typography>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
              <Typography variant="caption" color="text.secondary" sx={{ mr: 'auto' }}>
                {translate(`app.enums.reminder_rule.${n.rule}`)} · {germanDate(n.created_at)}
              </Typography>
              {n.link && (
                <Button
                  size="small"
                  variant="contained"
                  onClick={async () => {
                    if (!n.read_at) await mark.one(n.id as number);
                    navigate(n.link!);
                  }}
                >
                  {translate('app.reminders.open')}
                </Button>
              )}
              {!n.read_at && (
                <Button
                  size="small"
                  onClick={async () => {
                    await mark.one(n.id as number);
                    refresh();
                  }}
                >
                  {translate('app.reminders.mark_read')}
                </Button>
              )}
            </Box>
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
}

export default function NotificationList() {
  return (
    <ResourceList
      filters={[<BooleanInput key="unread" source="unread" alwaysOn />]}
      actions={<Actions />}
      exporter={false}
      phoneList={false}
      empty={false}
    >
      <Entries />
    </ResourceList>
  );
}
