import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useCreate, useRefresh, useTranslate } from 'react-admin';
import { DatePickerField } from '../common/DatePickerField';
import { todayIso } from '../common/dates';

const FIELD_SX = { flex: '1 1 160px', maxWidth: 280 };

/** "Wert erfassen": a measured value for one indicator; the page refreshes its state, chart and table. */
export function ValueForm({ indicatorId }: { indicatorId: number }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [create, { isPending }] = useCreate();
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const number = Number(value.replace(/\./g, '').replace(',', '.'));
    if (!value.trim() || !Number.isFinite(number)) {
      setError(translate('app.indicators.value_invalid'));
      return;
    }
    setError(undefined);
    void create(
      'indicator_values',
      { data: { indicator_id: indicatorId, measured_on: measuredOn, value: number, source: source || null } },
      {
        onSuccess: () => {
          setValue('');
          setSource('');
          refresh();
        },
        onError: (err) => setError(err instanceof Error ? err.message : translate('app.errors.server')),
      },
    );
  };

  return (
    <Stack
      component="form"
      onSubmit={submit}
      spacing={1}
      sx={{ mt: 1 }}
      aria-label={translate('app.indicators.enter_value')}
    >
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
        <DatePickerField
          size="small"
          sx={FIELD_SX}
          label={translate('resources.indicator_values.fields.measured_on')}
          value={measuredOn}
          onChange={setMeasuredOn}
          required
        />
        <TextField
          size="small"
          fullWidth={false}
          sx={FIELD_SX}
          label={translate('resources.indicator_values.fields.value')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          inputMode="decimal"
          required
        />
        <TextField
          size="small"
          fullWidth={false}
          sx={FIELD_SX}
          label={translate('resources.indicator_values.fields.source')}
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
        <Button type="submit" variant="contained" disabled={isPending || !measuredOn}>
          {translate('app.indicators.enter_value')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}
