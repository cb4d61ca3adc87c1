import type { FieldErrors } from '../../errors';
import { defineResource, type Row } from '../../rest/resource';
import plain from './indicators.fields';
import { indicatorStateSql, latestValueSql } from './stateSql';

const latest = (column: string) => `(select x.${column} from (${latestValueSql('indicators')}) x)`;

/** The line needs a slope: the target after the baseline, and beyond it in the better direction. */
export function lineErrors(r: Row): FieldErrors | undefined {
  const errors: FieldErrors = {};
  if (String(r.target_date) <= String(r.baseline_date))
    errors.target_date = 'Der Zieltermin muss nach dem Datum des Ausgangswerts liegen';
  const [baseline, target] = [Number(r.baseline_value), Number(r.target_value)];
  if (r.direction === 'higher' && !(target > baseline))
    errors.target_value = 'Bei „höher ist besser“ muss der Zielwert über dem Ausgangswert liegen';
  if (r.direction === 'lower' && !(target < baseline))
    errors.target_value = 'Bei „niedriger ist besser“ muss der Zielwert unter dem Ausgangswert liegen';
  return Object.keys(errors).length ? errors : undefined;
}

export default defineResource({
  ...plain,
  derived: {
    state: { ...plain.derived.state, sql: indicatorStateSql('indicators') },
    latest_value: { ...plain.derived.latest_value, sql: latest('value') },
    latest_measured_on: { ...plain.derived.latest_measured_on, sql: latest('measured_on') },
  },
  validate: lineErrors,
});
