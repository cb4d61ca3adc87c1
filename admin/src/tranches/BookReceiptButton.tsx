import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate, useUpdate, type RaRecord } from 'react-admin';
import { DatePickerField } from '../common/DatePickerField';
import { todayIso } from '../common/dates';
import { formatEuro } from '../common/money';

interface Tranche extends RaRecord {
  status: string;
  requested_on: string | null;
  requested_cents: number;
}

/** "1.234,56" / "1234.56" → cents, or null when it is no amount. */
function parseEuro(text: string): number | null {
  const normal = text
    .trim()
    .replace(/\s|€/g, '')
    .replace(/\.(?=\d{3}(\D|$))/g, '')
    .replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return null;
  return Math.round(Number(normal) * 100);
}

/**
 * "Eingang buchen" on a requested tranche: date and amount received in one step. The API applies the lifecycle
 * rules (receipt not before the request, not above the requested amount) and the version check.
 */
export function BookReceiptButton() {
  const record = useRecordContext<Tranche>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayIso());
  const [amount, setAmount] = useState('');
  if (!record || record.status !== 'requested') return null;
  const cents = parseEuro(amount);
  const start = (e: React.MouseEvent) => {
    e.stopPropagation();
    setDate(todayIso());
    setAmount(formatEuro(record.requested_cents).replace(/\s?€/, ''));
    setOpen(true);
  };
  const save = () => {
    if (cents === null) return;
    void update(
      'tranches',
      {
        id: record.id,
        data: { ...record, status: 'received', received_on: date, received_cents: cents },
        previousData: record,
      },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          notify('app.funding.receipt_booked', { type: 'success' });
          refresh();
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  };
  return (
    <>
      <Button size="small" variant="outlined" onClick={start} sx={{ whiteSpace: 'nowrap' }}>
        {translate('app.funding.book_receipt')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()}>
        <DialogTitle>
          {translate('app.funding.book_receipt')}: {translate('resources.tranches.name', { smart_count: 1 })}{' '}
          Nr. {String(record.number)} ({String(record.fiscal_year)})
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <DatePickerField
              label={translate('resources.tranches.fields.received_on')}
              value={date}
              onChange={setDate}
              minDate={record.requested_on ?? undefined}
            />
            <TextField
              label={translate('resources.tranches.fields.received_cents')}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={amount !== '' && cents === null}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={save} disabled={isPending || cents === null || !date}>
            {translate('app.funding.book_receipt')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
