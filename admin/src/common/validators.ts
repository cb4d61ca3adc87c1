import { maxLength, maxValue, minValue, required, type Validator } from 'react-admin';
import { fieldOf, type ResourceName } from './declarations';

type Values = Record<string, unknown>;

/** The declared rules of a text field, checked before sending: required on create, and its maximum length. */
export function textValidators(resource: ResourceName, field: string): Validator[] {
  const { kind, required: isMandatory, maxLength: max } = fieldOf(resource, field);
  if (kind !== 'text' || max === undefined) throw new Error(`${resource}.${field} is not a declared text`);
  return isMandatory ? [required(), maxLength(max)] : [maxLength(max)];
}

/** The declared rules of an int or number field: required on create, and its range. */
export function rangeValidators(resource: ResourceName, field: string): Validator[] {
  const { required: isMandatory, min, max } = fieldOf(resource, field);
  if (min === undefined || max === undefined) throw new Error(`${resource}.${field} has no declared range`);
  return [...(isMandatory ? [required()] : []), minValue(min), maxValue(max)];
}

export const isRequired = [required()];

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
