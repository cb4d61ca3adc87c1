import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { deDE, enUS } from '@mui/x-date-pickers/locales';
import { format, isValid, parseISO } from 'date-fns';
import type { ReactNode } from 'react';
import {
  FieldTitle,
  InputHelperText,
  useInput,
  useLocaleState,
  type InputProps,
  type Validator,
} from 'react-admin';
import { dateLocale } from '../i18n';

/** What the field holds while the typed text is no date (TT.MM.JJJJ incomplete or impossible). */
const INVALID = 'invalid-date';

const isoDay = /^\d{4}-\d{2}-\d{2}/;

/** A typed date that is not a date fails here, before any other rule (and never reaches the API). */
const realDate: Validator = (value: unknown) => (value === INVALID ? 'app.errors.invalid_date' : undefined);

function toDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !isoDay.test(value)) return null;
  const date = parseISO(value.slice(0, 10));
  return isValid(date) ? date : null;
}

const pickerTexts = {
  de: deDE.components.MuiLocalizationProvider.defaultProps.localeText,
  en: enUS.components.MuiLocalizationProvider.defaultProps.localeText,
};

interface Props extends Omit<InputProps, 'label'> {
  label?: ReactNode;
}

/**
 * A calendar date as TT.MM.JJJJ (German) or DD/MM/YYYY (English) whatever language the browser is set to: MUI X's
 * date picker with the date-fns locale of the interface. The form holds 'YYYY-MM-DD' like react-admin's DateInput,
 * so it replaces it one for one. Typing works section by section (arrow keys change a part); the calendar button
 * opens a keyboard-usable calendar.
 */
export function DateInput({ label, helperText, validate, ...props }: Props) {
  const [locale] = useLocaleState();
  const rules = [realDate, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  const { id, field, fieldState, isRequired } = useInput({ ...props, validate: rules });
  const error = fieldState.error?.message;
  const showError = !!error && (fieldState.isTouched || fieldState.invalid);
  const lang = locale === 'en' ? 'en' : 'de';
  return (
    <LocalizationProvider
      dateAdapter={AdapterDateFns}
      adapterLocale={dateLocale(lang)}
      localeText={pickerTexts[lang]}
    >
      <DatePicker
        value={toDate(field.value)}
        onChange={(date) =>
          field.onChange(date === null ? null : isValid(date) ? format(date, 'yyyy-MM-dd') : INVALID)
        }
        enableAccessibleFieldDOMStructure={false}
        label={
          label !== false && (
            <FieldTitle
              label={label}
              source={props.source}
              resource={props.resource}
              isRequired={isRequired}
            />
          )
        }
        slotProps={{
          textField: {
            id,
            name: field.name,
            onBlur: field.onBlur,
            inputRef: field.ref,
            fullWidth: true,
            error: showError,
            helperText: <InputHelperText error={showError ? error : undefined} helperText={helperText} />,
          },
        }}
      />
    </LocalizationProvider>
  );
}
