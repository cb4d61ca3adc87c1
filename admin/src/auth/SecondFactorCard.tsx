import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { HttpError, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { dateLocale } from '../i18n';
import { httpClient } from '../providers/httpClient';
import type { MfaState } from './authProvider';

interface Setup {
  secret: string;
  otpauth_url: string;
  qr_svg: string;
}

const messageOf = (error: unknown): string =>
  error instanceof HttpError
    ? (Object.values((error.body as { errors?: Record<string, string> })?.errors ?? {})[0] ?? error.message)
    : 'ra.notification.http_error';

async function post(url: string, body: unknown, method = 'POST') {
  return (await httpClient(url, { method, body: JSON.stringify(body) })).json as Record<string, unknown>;
}

/** The recovery codes, shown once right after they were made. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  const translate = useTranslate();
  return (
    <Alert severity="warning" sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{translate('app.mfa.recovery_title')}</Typography>
      <Typography variant="body2">{translate('app.mfa.recovery_hint')}</Typography>
      <Box
        component="ol"
        aria-label={translate('app.mfa.recovery_title')}
        sx={{ fontFamily: 'monospace', fontSize: '1.05rem', columns: 2, pl: 5, mb: 0 }}
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </Box>
    </Alert>
  );
}

/**
 * The "Zweiter Faktor" part of the "Sicherheit" page: set up TOTP (QR code drawn by the server, the secret for typing in, confirm with a first code),
 * new recovery codes, remove it with the password. After single sign-on the provider's own factor applies.
 */
export function SecondFactorCard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [state, setState] = useState<MfaState>();
  const [setup, setSetup] = useState<Setup>();
  const [codes, setCodes] = useState<string[]>();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');

  // Bumped after every change, so the state is fetched again.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void httpClient('/api/auth/mfa').then(({ json }) => {
      if (live) setState(json as MfaState);
    });
    return () => {
      live = false;
    };
  }, [version]);

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
      setCode('');
      setPassword('');
      setVersion((v) => v + 1);
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    }
  };

  const begin = () => run(async () => setSetup((await post('/api/auth/mfa/totp', {})) as unknown as Setup));
  const confirm = () =>
    run(async () => {
      const answer = await post('/api/auth/mfa/totp/confirm', { code: code.trim() });
      setCodes(answer.recovery_codes as string[]);
      setSetup(undefined);
      notify('app.mfa.enabled', { type: 'success' });
    });
  const renew = () =>
    run(async () => {
      const answer = await post('/api/auth/mfa/recovery_codes', { code: code.trim() });
      setCodes(answer.recovery_codes as string[]);
    });
  const remove = () =>
    run(async () => {
      await post('/api/auth/mfa/totp', { password }, 'DELETE');
      setCodes(undefined);
      notify('app.mfa.removed', { type: 'info' });
    });

  const codeField = (
    <TextField
      label={translate('app.mfa.code')}
      value={code}
      onChange={(e) => setCode(e.target.value)}
      autoComplete="one-time-code"
      inputProps={{ inputMode: 'numeric', maxLength: 6 }}
      size="small"
    />
  );

  return (
    <Card sx={{ maxWidth: 720 }}>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate('app.mfa.title')}
        </Typography>
        {state?.setup_required && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.mfa.required')}
          </Alert>
        )}
        {state?.sso && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.mfa.sso')}
          </Alert>
        )}
        {state && !state.totp && !setup && (
          <>
            <Typography variant="body2" gutterBottom>
              {translate('app.mfa.intro')}
            </Typography>
            <Button variant="contained" onClick={() => void begin()}>
              {translate('app.mfa.begin')}
            </Button>
          </>
        )}
        {setup && (
          <Stack spacing={2}>
            <Typography variant="body2">{translate('app.mfa.scan')}</Typography>
            <Box
              component="img"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qr_svg)}`}
              alt={translate('app.mfa.qr_alt')}
              sx={{ width: 220, height: 220, border: 1, borderColor: 'divider' }}
            />
            <Typography variant="body2">
              {translate('app.mfa.manual')}{' '}
              <Box component="code" sx={{ wordBreak: 'break-all' }} data-testid="totp-secret">
                {setup.secret}
              </Box>
            </Typography>
            <Stack direction="row" spacing={1} alignItems="center">
              {codeField}
              <Button
                variant="contained"
                onClick={() => void confirm()}
                disabled={!/^\d{6}$/.test(code.trim())}
              >
                {translate('app.mfa.confirm')}
              </Button>
            </Stack>
          </Stack>
        )}
        {state?.totp && (
          <Stack spacing={2}>
            <Alert severity="success">
              {translate('app.mfa.active', {
                since: formatDate(state.enabled_at, dateLocale(locale), true),
                left: state.recovery_codes_left,
              })}
            </Alert>
            <Typography variant="subtitle2">{translate('app.mfa.renew_title')}</Typography>
            <Stack direction="row" spacing={1} alignItems="center">
              {codeField}
              <Button variant="outlined" onClick={() => void renew()} disabled={!/^\d{6}$/.test(code.trim())}>
                {translate('app.mfa.renew')}
              </Button>
            </Stack>
            <Typography variant="subtitle2">{translate('app.mfa.remove_title')}</Typography>
            <Stack direction="row" spacing={1} alignItems="center">
              <TextField
                label={translate('app.auth.password')}
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="current-password"
                size="small"
              />
              <Button color="error" variant="outlined" onClick={() => void remove()} disabled={!password}>
                {translate('app.mfa.remove')}
              </Button>
            </Stack>
          </Stack>
        )}
        {codes && <RecoveryCodes codes={codes} />}
      </CardContent>
    </Card>
  );
}
