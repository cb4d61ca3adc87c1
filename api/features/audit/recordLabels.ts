/**
 * SQL for what an audit entry is about, in words and by measure, so a history reads "Meilenstein „Vergabe
 * erteilt“ (M-05)" instead of "milestones #412". Correlated subqueries on `audit_entries` (one statement for the
 * whole page, no query per row).
 *
 * A label is built from the live record; for a deleted one from the entry's own changes (a create holds the new
 * values, a delete the old ones). Labels use only names, titles and codes: fields every role that may read the
 * resource may see (the audit log lists an entry only for such roles, see audit_entries.ts). Never a person's
 * name from a contact, never money.
 */

const A = 'audit_entries';

/** A column of the entry's record: the live value, else the value the entry itself recorded. */
const col = (column: string, cast = 'text') =>
  `coalesce(t.${column}::${cast}, (${A}.changes->'${column}'->>1)::${cast}, (${A}.changes->'${column}'->>0)::${cast})`;

/** The label of a record of `table`, `expr` over the live row `t` (left-joined) and further joins. */
const labelOf = (table: string, expr: string, joins = '') =>
  `(select ${expr} from (select 1) one left join ${table} t on t.id = ${A}.record_id ${joins})`;

const measureJoin = `left join measures m on m.id = ${col('measure_id', 'int')}`;
/** " (M-05)" after a child record's own name, when its measure is known. */
const ofMeasure = `coalesce(' (' || m.code || ')', '')`;

const LABELS: Record<string, string> = {
  measures: labelOf('measures', `${col('code')} || ' ' || ${col('title')}`),
  milestones: labelOf('milestones', `${col('title')} || ${ofMeasure}`, measureJoin),
  measure_partners: labelOf(
    'measure_partners',
    `p.name || ${ofMeasure}`,
    `${measureJoin} left join partners p on p.id = ${col('partner_id', 'int')}`,
  ),
  measure_municipalities: labelOf(
    'measure_municipalities',
    `mu.name || ${ofMeasure}`,
    `${measureJoin} left join municipalities mu on mu.id = ${col('municipality_id', 'int')}`,
  ),
  contact_measures: labelOf(
    'contact_measures',
    `c.topic || ${ofMeasure}`,
    `${measureJoin} left join contacts c on c.id = ${col('contact_id', 'int')}`,
  ),
  partners: labelOf('partners', col('name')),
  municipalities: labelOf('municipalities', col('name')),
  fields_of_action: labelOf('fields_of_action', col('name')),
  users: labelOf('users', col('name')),
  contacts: labelOf('contacts', col('topic')),
  status_reports: labelOf('status_reports', col('title')),
  grants: labelOf('grants', `${col('programme')} || ' (' || ${col('file_number')} || ')'`),
  grant_years: labelOf(
    'grant_years',
    `g.file_number || ' · ' || ${col('fiscal_year')}`,
    `left join grants g on g.id = ${col('grant_id', 'int')}`,
  ),
  tranches: labelOf(
    'tranches',
    `g.file_number || ' · Nr. ' || ${col('number')}`,
    `left join grants g on g.id = ${col('grant_id', 'int')}`,
  ),
  expenditures: labelOf('expenditures', `${col('payee')} || coalesce(' · ' || ${col('receipt_no')}, '')`),
  transfers: labelOf(
    'transfers',
    `coalesce(mu.name, p.name) || ${ofMeasure}`,
    `${measureJoin} left join municipalities mu on mu.id = ${col('municipality_id', 'int')}
     left join partners p on p.id = ${col('partner_id', 'int')}`,
  ),
};

const cases = (map: Record<string, string>) =>
  Object.entries(map)
    .map(([resource, sql]) => `when '${resource}' then ${sql}`)
    .join('\n');

/** The record's name in words (null when it cannot be told, e.g. an update of a since deleted record). */
export const RECORD_LABEL_SQL = `(case ${A}.resource\n${cases(LABELS)}\nend)`;

/** Resources whose records belong to one measure (its milestones, partners and links): their history is the measure's. */
export const MEASURE_PARTS = ['milestones', 'measure_partners', 'measure_municipalities', 'contact_measures'];

/**
 * The measure an entry belongs to: the measure itself, or the measure of a milestone, partner or link — from the
 * live record, else from the entry's changes, else (an update of a since deleted record) from its delete entry.
 */
export const MEASURE_ID_SQL = `(case ${A}.resource
  when 'measures' then ${A}.record_id
  ${MEASURE_PARTS.map(
    (table) => `when '${table}' then coalesce(
      (select t.measure_id from ${table} t where t.id = ${A}.record_id),
      (${A}.changes->'measure_id'->>1)::int, (${A}.changes->'measure_id'->>0)::int,
      (select (d.changes->'measure_id'->>0)::int from ${A} d
       where d.resource = '${table}' and d.record_id = ${A}.record_id and d.action = 'delete' limit 1))`,
  ).join('\n  ')}
end)`;
