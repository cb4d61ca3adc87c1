import { Box, Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';

/** German sign-in with e-mail and password; wrong credentials and lock-outs show as a notification. */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login sx={{ backgroundImage: 'linear-gradient(160deg, #00565f 0%, #1d3557 100%)' }}>
      <Box component="header" sx={{ px: 2, pt: 1, textAlign: 'center', maxWidth: 332 }}>
        <Typography component="h1" variant="h6" sx={{ fontWeight: 700 }}>
          {translate('app.title')}
        </Typography>
        <Typography component="h2" variant="subtitle1">
          {translate('app.auth.login_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.auth.login_hint')}
        </Typography>
      </Box>
      <LoginForm>
        <TextInput
          source="email"
          type="email"
          label="app.auth.email"
          autoComplete="username"
          autoFocus
          validate={required()}
        />
        <PasswordInput
          source="password"
          label="app.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
      </LoginForm>
    </Login>
  );
}
