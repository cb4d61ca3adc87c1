import { Alert, Box, Button, CardContent, Divider, Typography } from '@mui/material';
import LoginIcon from '@mui/icons-material/Login';
import { useEffect, useState } from 'react';
import {
  Form,
  Login,
  PasswordInput,
  required,
  SaveButton,
  TextInput,
  useLogin,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useLocation } from 'react-router';
import { MFA_STEP } from './authProvider';

/** GET /api/auth/config */
interface SignInOptions {
  password_login: boolean;
  oidc: { label: string } | null;
}

const SSO_ERRORS = ['state', 'provider', 'token', 'unverified', 'unknown_user', 'unavailable'];

/**
 * German sign-in: the button of the county's identity provider when single sign-on is configured, e-mail and
 * password (behind a "Notfallzugang" switch when PASSWORD_LOGIN=false), then the authenticator code when the
 * account has a second factor. A refused SSO sign-in comes back here with its reason (sso_error).
 */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const location = useLocation();
  const [options, setOptions] = useState<SignInOptions>();
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetch('/api/auth/config', { credentials: 'include' })
      .then((r) => r.json() as Promise<SignInOptions>)
      .then(setOptions)
      .catch(() => setOptions({ password_login: true, oidc: null }));
  }, []);

  const ssoError = new URLSearchParams(location.search).get('sso_error');
  const passwordVisible = step === 'code' || !options || options.password_login || showPassword;

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      await login(
        step === 'code'
          ? { code: String(values.code ?? '').trim() }
          : { email: values.email, password: values.password },
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : 'ra.auth.sign_in_error';
      if (message === MFA_STEP) setStep('code');
      else notify(message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Login sx={{ backgroundImage: 'linear-gradient(160deg, #00565f 0%, #1d3557 100%)' }}>
      <Box component="header" sx={{ px: 2, pt: 1, textAlign: 'center', maxWidth: 332 }}>
        <Typography component="h1" variant="h6" sx={{ fontWeight: 700 }}>
          {translate('app.title')}
        </Typography>
        <Typography component="h2" variant="subtitle1">
          {translate(step === 'code' ? 'app.mfa.login_title' : 'app.auth.login_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate(step === 'code' ? 'app.mfa.login_hint' : 'app.auth.login_hint')}
        </Typography>
      </Box>
      {ssoError && step === 'password' && (
        <Alert severity="error" sx={{ mx: 2, mt: 2, maxWidth: 300 }}>
          {translate(`app.sso.errors.${SSO_ERRORS.includes(ssoError) ? ssoError : 'token'}`)}
        </Alert>
      )}
      {options?.oidc && step === 'password' && (
        <CardContent sx={{ pb: 0 }}>
          <Button
            variant="contained"
            fullWidth
            startIcon={<LoginIcon />}
            href="/api/auth/oidc/login"
            sx={{ textTransform: 'none' }}
          >
            {options.oidc.label}
          </Button>
          {passwordVisible && (
            <Divider sx={{ mt: 2, typography: 'body2', color: 'text.secondary' }}>
              {translate('app.sso.or_password')}
            </Divider>
          )}
        </CardContent>
      )}
      {passwordVisible ? (
        <Form key={step} onSubmit={submit} noValidate>
          <CardContent sx={{ pb: 0 }}>
            {step === 'password' ? (
              <>
                <TextInput
                  source="email"
                  type="email"
                  label="app.auth.email"
                  autoComplete="username"
                  autoFocus={!options?.oidc}
                  validate={required()}
                  fullWidth
                />
                <PasswordInput
                  source="password"
                  label="app.auth.password"
                  autoComplete="current-password"
                  validate={required()}
                  fullWidth
                />
              </>
            ) : (
              <TextInput
                source="code"
                label="app.mfa.code"
                helperText="app.mfa.code_hint"
                autoComplete="one-time-code"
                inputProps={{ inputMode: 'text', autoCapitalize: 'characters' }}
                autoFocus
                validate={required()}
                fullWidth
              />
            )}
          </CardContent>
          <CardContent>
            <SaveButton
              label={step === 'code' ? 'app.mfa.confirm_login' : 'app.auth.sign_in'}
              icon={<LoginIcon />}
              disabled={busy}
              alwaysEnable={!busy}
              fullWidth
            />
          </CardContent>
        </Form>
      ) : (
        <CardContent>
          <Button size="small" fullWidth onClick={() => setShowPassword(true)}>
            {translate('app.sso.break_glass')}
          </Button>
        </CardContent>
      )}
    </Login>
  );
}
