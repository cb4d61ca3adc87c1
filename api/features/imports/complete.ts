import type { Knex } from 'knex';
import type { FieldErrors } from '../../errors';
import { germanDate } from '../../labels';
import type { Row } from '../../rest/resource';
import { cleanText, isEmpty, normalise, type RawCell } from './cells';

/**
 * Fills the fields a row leaves empty from its helper columns (ImportSpec.helpers), adding row errors where it
 * cannot; loaded once per import, in bulk, so a row costs no query.
 */
export type Completer = (values: Row, helpers: Record<string, RawCell>, errors: FieldErrors) => void;

interface Measure {
  id: number;
  code: string;
  cost_object: string | null;
}

interface MeasureGrant {
  measure_id: number;
  grant_id: number;
  file_number: string;
  period_start: string;
  period_end: string;
}

interface LedgerAccount {
  account: string;
  cost_category: string;
}

/** The cost category of a general-ledger account: the mapping with the longest matching prefix. */
export function costCategoryOf(accounts: readonly LedgerAccount[], account: string): string | undefined {
  let best: LedgerAccount | undefined;
  for (const a of accounts)
    if (account.startsWith(a.account) && (!best || a.account.length > best.account.length)) best = a;
  return best?.cost_category;
}

/**
 * The grants a measure is funded from: those of its financing plan, its tranches and its bookings so far. A
 * booking without a grant column goes to the one whose period holds its booking date.
 */
const MEASURE_GRANTS_SQL = `
select distinct l.measure_id, g.id as grant_id, g.file_number,
  to_char(g.period_start, 'YYYY-MM-DD') as period_start, to_char(g.period_end, 'YYYY-MM-DD') as period_end
from (select measure_id, grant_id from budget_lines
      union select measure_id, grant_id from tranches where measure_id is not null
      union select measure_id, grant_id from expenditures) l
join grants g on g.id = l.grant_id
order by g.file_number`;

/**
 * A booking of the finance system's export (../shared/reference/finance-export.md): the measure by its cost
 * object (Kostenträger) when the file names no measure, the cost category by the office's ledger accounts
 * (Sachkonten), the grant by the measure's grant whose period holds the booking date when the file names none.
 */
async function financeBookings(db: Knex.Transaction): Promise<Completer> {
  const [measures, accounts, { rows: grants }] = await Promise.all([
    db('measures').select('id', 'code', 'cost_object') as Promise<Measure[]>,
    db('ledger_accounts').select('account', 'cost_category') as Promise<LedgerAccount[]>,
    db.raw(MEASURE_GRANTS_SQL) as Promise<{ rows: MeasureGrant[] }>,
  ]);
  const byCostObject = new Map(
    measures.filter((m) => m.cost_object).map((m) => [normalise(m.cost_object!), m.id]),
  );
  const codes = new Map(measures.map((m) => [m.id, m.code]));
  const grantsOf = new Map<number, MeasureGrant[]>();
  for (const g of grants) {
    const list = grantsOf.get(g.measure_id) ?? [];
    list.push(g);
    grantsOf.set(g.measure_id, list);
  }
  const text = (raw: RawCell) => (isEmpty(raw) ? undefined : cleanText(String(raw)));
  const missing = (v: unknown) => v === null || v === undefined;

  return (values, helpers, errors) => {
    const costObject = text(helpers.cost_object ?? null);
    if (missing(values.measure_id) && !errors.measure_id && costObject !== undefined) {
      const id = byCostObject.get(normalise(costObject));
      if (id === undefined)
        errors.measure_id = `Kostenträger "${costObject}" gehört zu keiner Maßnahme (bei der Maßnahme als Kostenträger eintragen)`;
      else values.measure_id = id;
    }
    const account = text(helpers.ledger_account ?? null);
    if (missing(values.cost_category) && !errors.cost_category && account !== undefined) {
      const category = costCategoryOf(accounts, account);
      // Excel drops leading zeros of a number ("0821000" → 821000) unless the column is text or zero-padded.
      const zeroHint =
        typeof helpers.ledger_account === 'number'
          ? '; fehlt eine führende Null? Excel lässt sie bei Zahlen weg: die Spalte „Sachkonto“ als Text formatieren'
          : '';
      if (category === undefined)
        errors.cost_category = `Sachkonto "${account}" ist keiner Kostenart zugeordnet (unter Sachkonten eintragen)${zeroHint}`;
      else values.cost_category = category;
    }
    if (!missing(values.grant_id) || errors.grant_id || missing(values.measure_id)) return;
    const code = codes.get(values.measure_id as number)!;
    const candidates = grantsOf.get(values.measure_id as number) ?? [];
    const day = values.booked_on as string | null | undefined;
    const fitting = day ? candidates.filter((g) => g.period_start <= day && day <= g.period_end) : candidates;
    const named = (gs: MeasureGrant[]) => gs.map((g) => `"${g.file_number}"`).join(', ');
    if (fitting.length === 1) values.grant_id = fitting[0]!.grant_id;
    else if (!candidates.length)
      errors.grant_id = `Die Maßnahme ${code} hat noch keinen Zuwendungsbescheid (Finanzierungsplan, Mittelabruf oder Ausgabe); bitte den Bescheid in einer Spalte angeben`;
    else if (!fitting.length)
      errors.grant_id = `Kein Zuwendungsbescheid der Maßnahme ${code} (${named(candidates)}) umfasst den ${germanDate(day!)}`;
    else
      errors.grant_id = `Mehrdeutig: Die Maßnahme ${code} hat mehrere Zuwendungsbescheide${day ? ` am ${germanDate(day)}` : ''} (${named(fitting)}); bitte den Bescheid in einer Spalte angeben`;
  };
}

/** The resources whose imports fill fields from helper columns, and how. */
export const COMPLETERS: Record<string, (db: Knex.Transaction) => Promise<Completer>> = {
  expenditures: financeBookings,
};
