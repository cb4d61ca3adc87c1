import { Alert, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface Props {
  title: string;
  isPending?: boolean;
  error?: unknown;
  /** Shown instead of the children when there is nothing to list. */
  emptyText?: string;
  isEmpty?: boolean;
  children: ReactNode;
}

/** A card of the start page (a named region) with its loading, error and empty states. */
export function StartCard({ title, isPending, error, emptyText, isEmpty, children }: Props) {
  const translate = useTranslate();
  const headingId = useId();
  return (
    <Card component="section" aria-labelledby={headingId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography id={headingId} component="h2" variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        {isPending ? (
          <LinearProgress aria-label={translate('app.common.loading')} />
        ) : error ? (
          <Alert severity="error">
            {error instanceof Error ? error.message : translate('app.errors.server')}
          </Alert>
        ) : isEmpty && emptyText ? (
          <Typography variant="body2" color="text.secondary">
            {translate(emptyText)}
          </Typography>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}
