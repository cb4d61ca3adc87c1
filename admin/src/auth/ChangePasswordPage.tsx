import { Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  HttpError,
  minLength,
  required,
  PasswordInput,
  SaveButton,
  Title,
  Toolbar,
  useNotify,
  useTranslate,
} from 'react-admin';
import { httpClient } from '../providers/httpClient';

interface PasswordForm {
  current_password: string;
  new_password: string;
  repeat_password: string;
}

const MIN_LENGTH = 12;

const sameAsNew = (value: string, all: PasswordForm) =>
  value && value !== all.new_password ? 'app.auth.passwords_differ' : undefined;

/** POST /api/auth/password; the server's field errors (wrong current password, weak new one) land at their fields. */
export default function ChangePasswordPage() {
  const translate = useTranslate();
  const notify = useNotify();
  // A new form after a change, so no password stays in the fields.
  const [formKey, setFormKey] = useState(0);
  const submit = async (values: Record<string, unknown>) => {
    const { current_password, new_password } = values as unknown as PasswordForm;
    try {
      await httpClient('/api/auth/password', {
        method: 'POST',
        body: JSON.stringify({ current_password, new_password }),
      });
      notify('app.auth.password_changed', { type: 'success' });
      setFormKey((k) => k + 1);
      return undefined;
    } catch (error) {
      if (error instanceof HttpError && error.body?.errors)
        return error.body.errors as Record<string, string>;
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 520 }}>
      <Title title="app.auth.change_password" />
      <Form key={formKey} onSubmit={submit} noValidate>
        <CardContent>
          <Typography component="h1" variant="h6" gutterBottom>
            {translate('app.auth.change_password')}
          </Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('app.auth.password_rules', { min: MIN_LENGTH })}
          </Typography>
          <PasswordInput
            source="current_password"
            label="app.auth.current_password"
            autoComplete="current-password"
            validate={required()}
            fullWidth
          />
          <PasswordInput
            source="new_password"
            label="app.auth.new_password"
            autoComplete="new-password"
            validate={[required(), minLength(MIN_LENGTH)]}
            fullWidth
          />
          <PasswordInput
            source="repeat_password"
            label="app.auth.repeat_password"
            autoComplete="new-password"
            validate={[required(), sameAsNew]}
            fullWidth
          />
        </CardContent>
        <Toolbar>
          <SaveButton label="app.auth.change_password" alwaysEnable />
        </Toolbar>
      </Form>
    </Card>
  );
}
