import { useCallback } from 'react';
import { HttpError, useNotify } from 'react-admin';

/**
 * onError of a pessimistic save: a stale version (409) gets a notification that stays until closed, and the
 * form keeps what was typed; field errors from the server are already shown at their fields.
 */
export function useSaveErrorHandler() {
  const notify = useNotify();
  return useCallback(
    (error: unknown) => {
      if (error instanceof HttpError && error.status === 409) {
        notify('app.errors.conflict', { type: 'error', autoHideDuration: null });
        return;
      }
      const fieldErrors =
        error instanceof HttpError ? (error.body as { errors?: object } | null)?.errors : undefined;
      if (fieldErrors && Object.keys(fieldErrors).length) return;
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    [notify],
  );
}
