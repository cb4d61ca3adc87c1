import {
  Card,
  CardContent,
  FormControlLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { REMINDER_CHANNELS, type ReminderChannel } from '../../../api/domain';
import { httpClient } from '../providers/httpClient';

interface Setting {
  rule: string;
  channel: ReminderChannel;
}

const KEY = ['reminders', 'settings'];

/** Each user's own choice per reminder: in the app, app and e-mail, or off; the weekly digest as a switch. */
export default function ReminderSettingsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { data, isPending } = useQuery({
    queryKey: KEY,
    queryFn: async () => (await httpClient('/api/reminders/settings')).json as Setting[],
  });
  // A choice shows at once and stays until the server answered it. (Written into the query cache instead, it would
  // reach the page a tick later, and the controlled radio would snap back to the old choice in between.)
  const [sent, setSent] = useState<Partial<Record<string, ReminderChannel>>>({});
  const answered = (s: Setting) =>
    setSent((open) => {
      if (open[s.rule] !== s.channel) return open;
      const rest = { ...open };
      delete rest[s.rule];
      return rest;
    });
  const save = useMutation({
    mutationFn: async (s: Setting) =>
      (
        await httpClient('/api/reminders/settings', {
          method: 'PUT',
          body: JSON.stringify({ settings: { [s.rule]: s.channel } }),
        })
      ).json as Setting[],
    onSuccess: (settings, s) => {
      queryClient.setQueryData(KEY, settings);
      answered(s);
      notify('app.reminders.settings_saved', { type: 'success' });
    },
    onError: async (e, s) => {
      notify(e.message, { type: 'error' });
      answered(s);
      await queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const choose = (rule: string, channel: ReminderChannel) => {
    setSent((open) => ({ ...open, [rule]: channel }));
    save.mutate({ rule, channel });
  };
  const shown = data?.map((s) => ({ ...s, channel: sent[s.rule] ?? s.channel }));
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.menu.reminder_settings" />
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          {translate('app.menu.reminder_settings')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 800 }}>
          {translate('app.reminders.settings_intro')}
        </Typography>
        {(isPending || save.isPending) && <LinearProgress />}
        <Table size="small" sx={{ maxWidth: 900 }}>
          <TableBody>
            {shown?.map((s) => (
              <TableRow key={s.rule}>
                <TableCell component="th" scope="row" id={`rule-${s.rule}`}>
                  {translate(`app.enums.reminder_rule.${s.rule}`)}
                </TableCell>
                <TableCell>
                  {s.rule === 'weekly_digest' ? (
                    <FormControlLabel
                      control={
                        <Switch
                          checked={s.channel !== 'off'}
                          onChange={(e) => choose(s.rule, e.target.checked ? 'email' : 'off')}
                        />
                      }
                      label={translate('app.reminders.digest')}
                    />
                  ) : (
                    <RadioGroup
                      row
                      aria-labelledby={`rule-${s.rule}`}
                      value={s.channel}
                      onChange={(e) => choose(s.rule, e.target.value as ReminderChannel)}
                    >
                      {REMINDER_CHANNELS.map((c) => (
                        <FormControlLabel
                          key={c}
                          value={c}
                          control={<Radio size="small" />}
                          label={translate(`app.reminders.channel.${c}`)}
                        />
                      ))}
                    </RadioGroup>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
