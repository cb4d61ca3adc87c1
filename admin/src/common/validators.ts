import { maxLength, maxValue, minValue, required, type Validator } from 'react-admin';

type Values = Record<string, unknown>;

/** The server's rules, checked before sending: a required text with its maximum length. */
export const requiredText = (max: number): Validator[] => [required(), maxLength(max)];
export const optionalText = (max: number): Validator[] => [maxLength(max)];
export const isRequired = [required()];
export const percentRange = [required(), minValue(0), maxValue(100)];

/** A date that may not lie before another field's date (end ≥ start). */
export const notBefore =
  (other: string, message = 'app.errors.date_order'): Validator =>
  (value: unknown, all: Values) => {
    const earlier = all[other];
    return typeof value === 'string' && typeof earlier === 'string' && value < earlier ? message : undefined;
  };

/** An amount that may not exceed another field's amount (received ≤ requested). */
export const notAbove =
  (other: string, message: string): Validator =>
  (value: unknown, all: Values) => {
    const limit = all[other];
    return typeof value === 'number' && typeof limit === 'number' && value > limit ? message : undefined;
  };

/** Basis points between 0 and 100 %. */
export const basisPoints: Validator[] = [
  required(),
  (value: unknown) =>
    typeof value === 'number' && value > 10_000
      ? { message: 'app.validation.max_value', args: { max: '100,00 %' } }
      : undefined,
];

/** A fiscal year as the API accepts it. */
export const fiscalYear: Validator[] = [required(), minValue(2000), maxValue(2100)];
