import type { TextFieldProps } from '@mui/material';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { deDE, enUS } from '@mui/x-date-pickers/locales';
import { format, isValid, parseISO } from 'date-fns';
import { useMemo, useState, type ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { dateLocale } from '../i18n';

const isoDay = /^\d{4}-\d{2}-\d{2}/;

function toDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !isoDay.test(value)) return null;
  const date = parseISO(value.slice(0, 10));
  return isValid(date) ? date : null;
}

const pickerTexts = {
  de: deDE.components.MuiLocalizationProvider.defaultProps.localeText,
  en: enUS.components.MuiLocalizationProvider.defaultProps.localeText,
};

export interface DatePickerFieldProps extends Pick<
  TextFieldProps,
  'id' | 'name' | 'required' | 'size' | 'sx' | 'fullWidth' | 'error' | 'helperText' | 'onBlur' | 'inputRef'
> {
  label: ReactNode;
  /** 'YYYY-MM-DD', or '' for no date. */
  value: string;
  /**
   * 'YYYY-MM-DD' once the typed text is a date, '' otherwise; `typed.invalid` tells an impossible or unfinished
   * date (31.02.2026) from an empty field.
   */
  onChange: (value: string, typed: { invalid: boolean }) => void;
  /** Earliest day ('YYYY-MM-DD') the calendar offers; earlier typed days are marked as errors. */
  minDate?: string;
  disabled?: boolean;
}

/**
 * A calendar date as TT.MM.JJJJ (German) or DD/MM/YYYY (English) whatever language the browser is set to: MUI X's
 * date picker with the date-fns locale of the interface, controlled by a 'YYYY-MM-DD' string. Typing works section
 * by section (arrow keys change a part); the calendar button opens a keyboard-usable calendar. Without `error` and
 * `helperText` of its own, it marks an impossible date and says so below the field.
 */
export function DatePickerField({
  label,
  value,
  onChange,
  minDate,
  disabled,
  error,
  helperText,
  ...textField
}: DatePickerFieldProps) {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  // An impossible date goes out as '' (or the caller's marker for it) but must stay on screen as typed: the picker
  // rebuilds its text from the value it is given, so it keeps getting the typed Date while `value` still matches.
  const [typed, setTyped] = useState<{ date: Date | null; value: string }>({ date: null, value: '' });
  const given = useMemo(() => toDate(value), [value]);
  const date = typed.value === (given ? value.slice(0, 10) : '') ? typed.date : given;
  const impossible = date !== null && !isValid(date);
  const lang = locale === 'en' ? 'en' : 'de';
  return (
    <LocalizationProvider
      dateAdapter={AdapterDateFns}
      adapterLocale={dateLocale(lang)}
      localeText={pickerTexts[lang]}
    >
      <DatePicker
        value={date}
        onChange={(next) => {
          const valid = next !== null && isValid(next);
          const iso = valid ? format(next, 'yyyy-MM-dd') : '';
          setTyped({ date: next, value: iso });
          onChange(iso, { invalid: next !== null && !valid });
        }}
        minDate={toDate(minDate) ?? undefined}
        disabled={disabled}
        enableAccessibleFieldDOMStructure={false}
        label={label}
        slotProps={{
          textField: {
            ...textField,
            error: error ?? (impossible || undefined),
            helperText: helperText ?? (impossible ? translate('app.errors.invalid_date') : undefined),
          },
        }}
      />
    </LocalizationProvider>
  );
}
