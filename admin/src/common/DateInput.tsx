import type { ReactNode } from 'react';
import { FieldTitle, InputHelperText, useInput, type InputProps, type Validator } from 'react-admin';
import { DatePickerField } from './DatePickerField';

/** What the field holds while the typed text is no date (TT.MM.JJJJ incomplete or impossible). */
const INVALID = 'invalid-date';

/** A typed date that is not a date fails here, before any other rule (and never reaches the API). */
const realDate: Validator = (value: unknown) => (value === INVALID ? 'app.errors.invalid_date' : undefined);

interface Props extends Omit<InputProps, 'label'> {
  label?: ReactNode;
}

/**
 * The shared German date field (see DatePickerField) inside a react-admin form. The form holds 'YYYY-MM-DD' like
 * react-admin's DateInput, so it replaces it one for one.
 */
export function DateInput({ label, helperText, validate, ...props }: Props) {
  const rules = [realDate, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  const { id, field, fieldState, isRequired } = useInput({ ...props, validate: rules });
  const error = fieldState.error?.message;
  const showError = !!error && (fieldState.isTouched || fieldState.invalid);
  return (
    <DatePickerField
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(value, { invalid }) => field.onChange(invalid ? INVALID : value || null)}
      label={
        label !== false && (
          <FieldTitle label={label} source={props.source} resource={props.resource} isRequired={isRequired} />
        )
      }
      id={id}
      name={field.name}
      onBlur={field.onBlur}
      inputRef={field.ref}
      fullWidth
      error={showError}
      helperText={<InputHelperText error={showError ? error : undefined} helperText={helperText} />}
    />
  );
}
