import { InputAdornment } from '@mui/material';
import { useRef } from 'react';
import { TextInput, type TextInputProps, type Validator } from 'react-admin';
import { formatHundredths, parseHundredths } from './money';

/** Text the user typed that is not an amount stays in the form as a string, so validation can name it. */
const validAmount: Validator = (value) =>
  typeof value === 'string' ? 'app.errors.invalid_money' : undefined;

type Props = Omit<TextInputProps, 'format' | 'parse'> & {
  unit: string;
  /** Negative values allowed (an expenditure's credit note). */
  signed?: boolean;
};

/**
 * An integer stored in hundredths (cents, basis points) shown and typed in German notation: '1.234,56'.
 * While typing, the text stays as typed; a value set from elsewhere is shown formatted.
 */
export function HundredthsInput({ unit, signed, validate, ...props }: Props) {
  const typed = useRef<{ text: string; value: unknown }>(undefined);
  const parse = (text: string) => {
    const parsed = parseHundredths(text, signed);
    const value = parsed === undefined ? text : parsed;
    typed.current = { text, value };
    return value;
  };
  const format = (value: unknown) => {
    if (typed.current && typed.current.value === value) return typed.current.text;
    if (typeof value === 'number') return formatHundredths(value);
    return typeof value === 'string' ? value : '';
  };
  const validators = [validAmount, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  return (
    <TextInput
      {...props}
      format={format}
      parse={parse}
      validate={validators}
      slotProps={{
        htmlInput: { inputMode: 'decimal' },
        input: { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> },
      }}
    />
  );
}

/** Euros in German notation, stored as integer cents. */
export const MoneyInput = (props: Omit<Props, 'unit'>) => <HundredthsInput unit="€" {...props} />;

/** A percentage with two decimals, stored as basis points (65,00 % ↔ 6500). */
export const PercentInput = (props: Omit<Props, 'unit'>) => <HundredthsInput unit="%" {...props} />;
