import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  IconButton,
  InputAdornment,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FocusEvent } from 'react';
import { Confirm, Title, useNotify, useTranslate } from 'react-admin';
import { useRole } from '../auth/useCan';
import { httpClient } from '../providers/httpClient';
import { calendarContents, type TokenAnswer } from './calendarTexts';

const TOKEN_URL = '/api/calendar/token';

/** The personal calendar: what it holds, how to subscribe in Outlook, the secret subscription link, a download. */
export default function CalendarPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const role = useRole();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<TokenAnswer | null>(null);
  const [confirm, setConfirm] = useState<'renew' | 'revoke' | null>(null);

  const status = useQuery({
    queryKey: ['calendar-token'],
    queryFn: async () => (await httpClient(TOKEN_URL)).json as { active: boolean },
  });
  const renew = useMutation({
    mutationFn: async () => (await httpClient(TOKEN_URL, { method: 'POST', body: '{}' })).json as TokenAnswer,
    onSuccess: (answer) => {
      setLink(answer);
      queryClient.setQueryData(['calendar-token'], { active: true });
      notify('app.calendar.created', { type: 'success' });
    },
    onError: (e) => notify((e as Error).message, { type: 'error' }),
  });
  const revoke = useMutation({
    mutationFn: async () => (await httpClient(TOKEN_URL, { method: 'DELETE' })).json as { active: boolean },
    onSuccess: () => {
      setLink(null);
      queryClient.setQueryData(['calendar-token'], { active: false });
      notify('app.calendar.revoked', { type: 'info' });
    },
    onError: (e) => notify((e as Error).message, { type: 'error' }),
  });

  const active = status.data?.active ?? false;
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      notify('app.calendar.copied', { type: 'info' });
    } catch {
      notify('app.calendar.copy_failed', { type: 'warning' });
    }
  };
  const create = () => (active ? setConfirm('renew') : renew.mutate());

  return (
    <Box sx={{ py: 2, maxWidth: 960 }}>
      <Title title="app.menu.calendar" />
      <Card>
        <CardContent>
          <Stack spacing={2}>
            <Typography component="h1" variant="h5">
              {translate('app.calendar.subscribe')}
            </Typography>
            <Typography variant="body1">{translate('app.calendar.intro')}</Typography>
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {calendarContents(role).map((key) => (
                <li key={key}>
                  <Typography variant="body2">{translate(key)}</Typography>
                </li>
              ))}
            </Box>

            <Typography component="h2" variant="h6">
              {translate('app.calendar.link_title')}
            </Typography>
            <Alert severity="info">{translate('app.calendar.url_hint')}</Alert>
            {link ? (
              <TextField
                label={translate('app.calendar.url_label')}
                value={link.url}
                fullWidth
                slotProps={{
                  input: {
                    readOnly: true,
                    endAdornment: (
                      <InputAdornment position="end">
                        <Tooltip title={translate('app.calendar.copy')}>
                          <IconButton onClick={copy} aria-label={translate('app.calendar.copy')} edge="end">
                            <ContentCopyIcon />
                          </IconButton>
                        </Tooltip>
                      </InputAdornment>
                    ),
                  },
                  htmlInput: { onFocus: (e: FocusEvent<HTMLInputElement>) => e.target.select() },
                }}
              />
            ) : (
              <Typography variant="body2" color="text.secondary">
                {translate(active ? 'app.calendar.active_hint' : 'app.calendar.none_yet')}
              </Typography>
            )}
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
              <Button
                variant="contained"
                startIcon={<RefreshIcon />}
                onClick={create}
                disabled={renew.isPending}
              >
                {translate(active ? 'app.calendar.renew_token' : 'app.calendar.create_token')}
              </Button>
              {link && (
                <Button component="a" href={link.webcal_url} variant="outlined">
                  {translate('app.calendar.open_in_app')}
                </Button>
              )}
              {active && (
                <Button color="error" startIcon={<LinkOffIcon />} onClick={() => setConfirm('revoke')}>
                  {translate('app.calendar.revoke')}
                </Button>
              )}
            </Stack>

            <Typography component="h2" variant="h6">
              {translate('app.calendar.outlook_title')}
            </Typography>
            <Box component="ol" sx={{ m: 0, pl: 3 }}>
              {['outlook_step1', 'outlook_step2', 'outlook_step3', 'outlook_step4'].map((k) => (
                <li key={k}>
                  <Typography variant="body2">{translate(`app.calendar.${k}`)}</Typography>
                </li>
              ))}
            </Box>

            <Typography component="h2" variant="h6">
              {translate('app.calendar.download_title')}
            </Typography>
            <Typography variant="body2">{translate('app.calendar.download_hint')}</Typography>
            <Box>
              <Button
                component="a"
                href="/api/calendar.ics"
                download="MYK10-Kalender.ics"
                startIcon={<DownloadIcon />}
              >
                {translate('app.calendar.download')}
              </Button>
            </Box>
          </Stack>
        </CardContent>
      </Card>
      <Confirm
        isOpen={confirm !== null}
        title={confirm === 'revoke' ? 'app.calendar.revoke' : 'app.calendar.renew_token'}
        content={confirm === 'revoke' ? 'app.calendar.revoke_confirm' : 'app.calendar.renew_confirm'}
        onConfirm={() => {
          if (confirm === 'revoke') revoke.mutate();
          else renew.mutate();
          setConfirm(null);
        }}
        onClose={() => setConfirm(null)}
      />
    </Box>
  );
}
