import { Button } from '@mui/material';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import { useState } from 'react';
import { Confirm, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useRole } from '../auth/useCan';
import { httpClient } from '../providers/httpClient';

/** The CDO resets a user's second factor (lost phone): audited by the API, and the user's sessions end. */
export function MfaResetButton() {
  const record = useRecordContext<{ id: number; name: string; totp_enabled_at?: string | null }>();
  const role = useRole();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (role !== 'cdo' || !record?.totp_enabled_at) return null;
  const reset = async () => {
    setOpen(false);
    try {
      await httpClient(`/api/users/${record.id}/mfa_reset`, { method: 'POST', body: '{}' });
      notify('app.mfa.reset_done', { type: 'success', messageArgs: { name: record.name } });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <>
      <Button color="warning" startIcon={<PhonelinkEraseIcon />} onClick={() => setOpen(true)}>
        {translate('app.mfa.reset')}
      </Button>
      <Confirm
        isOpen={open}
        title="app.mfa.reset"
        content={translate('app.mfa.reset_confirm', { name: record.name })}
        onConfirm={() => void reset()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
