import type { FieldErrors } from '../errors';
import type { Row } from './resource';

/** Field error when `later` lies before `earlier` (both optional dates). */
export function dateOrder(
  r: Row,
  earlier: string,
  later: string,
  message = 'Darf nicht vor dem Startdatum liegen',
): FieldErrors | undefined {
  const [a, b] = [r[earlier], r[later]];
  return typeof a === 'string' && typeof b === 'string' && b < a ? { [later]: message } : undefined;
}
