import {
  Button,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Confirm, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { dateLocale } from '../i18n';
import { httpClient } from '../providers/httpClient';

/** GET /api/auth/sessions */
interface ListedSession {
  handle: string;
  created_at: string;
  last_seen_at: string;
  method: 'password' | 'oidc';
  device: string | null;
  current: boolean;
}

/** What the confirmation dialog is asked for: one other session, or all of them. */
type Ending = { session: ListedSession } | 'others';

/**
 * "Angemeldete Geräte": the user’s own sessions with this device marked; any other one, or all others,
 * can be signed out (after a confirmation). This device signs out with the user menu's "Abmelden".
 */
export function SessionsCard() {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [sessions, setSessions] = useState<ListedSession[]>();
  const [ending, setEnding] = useState<Ending>();

  // Bumped after every change, so the list is fetched again.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void httpClient('/api/auth/sessions').then(({ json }) => {
      if (live) setSessions(json as ListedSession[]);
    });
    return () => {
      live = false;
    };
  }, [version]);

  const confirm = async () => {
    const target = ending;
    setEnding(undefined);
    if (!target) return;
    try {
      const url =
        target === 'others' ? '/api/auth/sessions/others' : `/api/auth/sessions/${target.session.handle}`;
      await httpClient(url, { method: 'DELETE' });
      notify(target === 'others' ? 'app.security.others_ended' : 'app.security.ended', { type: 'info' });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
    setVersion((v) => v + 1);
  };

  const when = (iso: string) => formatDate(iso, dateLocale(locale), true);
  const deviceOf = (s: ListedSession) => s.device ?? translate('app.security.unknown_device');
  const others = sessions?.filter((s) => !s.current) ?? [];

  return (
    <Card sx={{ maxWidth: 720 }}>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate('app.security.sessions_title')}
        </Typography>
        <Typography variant="body2" gutterBottom>
          {translate('app.security.sessions_intro')}
        </Typography>
        <List aria-label={translate('app.security.sessions_title')} dense>
          {sessions?.map((s) => (
            <ListItem
              key={s.handle}
              divider
              secondaryAction={
                s.current ? undefined : (
                  <Button
                    color="warning"
                    onClick={() => setEnding({ session: s })}
                    aria-label={translate('app.security.end_named', { device: deviceOf(s) })}
                  >
                    {translate('app.security.end')}
                  </Button>
                )
              }
            >
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} alignItems="center" component="span">
                    <span>{deviceOf(s)}</span>
                    {s.current && (
                      <Chip
                        component="span"
                        size="small"
                        color="primary"
                        label={translate('app.security.this_device')}
                      />
                    )}
                  </Stack>
                }
                secondary={translate('app.security.session_times', {
                  method: translate(`app.security.method_${s.method}`),
                  created: when(s.created_at),
                  last_seen: when(s.last_seen_at),
                })}
              />
            </ListItem>
          ))}
        </List>
        <Button
          variant="outlined"
          color="warning"
          sx={{ mt: 2 }}
          disabled={!others.length}
          onClick={() => setEnding('others')}
        >
          {translate('app.security.end_others')}
        </Button>
        <Confirm
          isOpen={!!ending}
          title={ending === 'others' ? 'app.security.end_others' : 'app.security.end'}
          content={
            ending === 'others'
              ? translate('app.security.end_others_confirm', { smart_count: others.length })
              : ending
                ? translate('app.security.end_confirm', {
                    device: deviceOf(ending.session),
                    last_seen: when(ending.session.last_seen_at),
                  })
                : ''
          }
          onConfirm={() => void confirm()}
          onClose={() => setEnding(undefined)}
        />
      </CardContent>
    </Card>
  );
}
