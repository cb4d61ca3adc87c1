/**
 * What can be imported: one small declaration per resource. Everything else (fields, kinds, enumerations,
 * references, validation, rights, row rules, audit) comes from the resource's own declaration and the generic
 * write engine, so a new importable resource (e.g. budget_lines) is one more entry here.
 */
export interface ImportSpec {
  /** The resource (api/features/*), its name everywhere. */
  resource: string;
  /** Template columns in order: writable stored fields and link fields; a file may hold any subset. */
  columns: readonly string[];
  /** The natural key: these fields identify a record across imports (text compared without case and spaces). */
  key: readonly string[];
  /** Key fields a row may leave empty; any other empty key field is a row error (it could never be matched again). */
  keyMayBeEmpty?: readonly string[];
  /** 0–100 fields a file may write as 65 %, 65 or 0,65. */
  percent?: readonly string[];
  /** The field a row rule of the role refers to (a guide's municipality): where a refused row shows its error. */
  scopeField?: string;
  /** More header names of a field, as other systems write them (a finance export's "Buchungsdatum"). */
  aliases?: Record<string, readonly string[]>;
  /**
   * Columns that are no field of the resource but let the server fill fields a row leaves empty
   * (api/features/imports/complete.ts), each with its header names: a finance export's cost object and account.
   */
  helpers?: Record<string, readonly string[]>;
  /** The fields the server fills from helper columns: key fields among them need not be columns of the file. */
  completes?: readonly string[];
  /** The money field a sum line ("Summe") below the rows totals: that line is not imported but checked. */
  sumField?: string;
  /** More lines for the template's notes sheet (what the helper columns do). */
  notes?: readonly string[];
}

export const IMPORTS: readonly ImportSpec[] = [
  {
    resource: 'measures',
    columns: [
      'code',
      'title',
      'summary',
      'field_of_action_id',
      'target_picture',
      'phase',
      'status',
      'health',
      'health_note',
      'progress',
      'owner_id',
      'lead_municipality_id',
      'municipality_ids',
      'start_date',
      'end_date',
      'budget_cents',
      'cost_object',
    ],
    key: ['code'],
    percent: ['progress'],
  },
  {
    resource: 'milestones',
    columns: ['measure_id', 'title', 'baseline_date', 'due_date', 'completed_on', 'is_final', 'notes'],
    key: ['measure_id', 'title'],
  },
  {
    resource: 'partners',
    columns: [
      'name',
      'sector',
      'contact_person',
      'email',
      'phone',
      'website',
      'city',
      'agreement_signed_on',
      'notes',
    ],
    key: ['name'],
  },
  {
    resource: 'contacts',
    columns: [
      'municipality_id',
      'contact_on',
      'channel',
      'person_name',
      'person_role',
      'topic',
      'notes',
      'follow_up_on',
      'follow_up_done',
      'measure_ids',
    ],
    key: ['municipality_id', 'contact_on', 'topic', 'person_name'],
    keyMayBeEmpty: ['person_name'],
    scopeField: 'municipality_id',
  },
  {
    resource: 'tranches',
    columns: [
      'grant_id',
      'number',
      'fiscal_year',
      'measure_id',
      'is_final',
      'status',
      'requested_on',
      'requested_cents',
      'received_on',
      'received_cents',
      'justification',
      'notes',
    ],
    key: ['grant_id', 'number'],
  },
  {
    resource: 'expenditures',
    columns: [
      'grant_id',
      'receipt_no',
      'measure_id',
      'tranche_id',
      'booked_on',
      'paid_on',
      'amount_cents',
      'cost_category',
      'payee',
      'description',
      'eligible',
    ],
    key: ['grant_id', 'receipt_no'],
    // The monthly booking export of the county's finance system (../shared/reference/finance-export.md).
    aliases: {
      booked_on: ['Buchungsdatum', 'Buchungstag'],
      payee: ['Kreditorname', 'Kreditor Name', 'Lieferant', 'Empfänger'],
      description: ['Buchungstext'],
      amount_cents: ['Betrag (EUR)', 'Betrag EUR', 'Betrag in EUR', 'Betrag (€)'],
      receipt_no: ['Belegnr.', 'Beleg-Nr.'],
    },
    helpers: {
      cost_object: ['Kostenträger', 'Investitionsnummer', 'Innenauftrag'],
      ledger_account: ['Sachkonto', 'Konto'],
    },
    completes: ['measure_id', 'grant_id', 'cost_category'],
    sumField: 'amount_cents',
    notes: [
      'Buchungsexport der Finanzbuchhaltung: Statt „Maßnahme“ genügt die Spalte „Kostenträger“ (bei der Maßnahme eingetragen), statt „Kostenart“ die Spalte „Sachkonto“ (Zuordnung unter Förderung → Sachkonten; es gilt der längste passende Kontenanfang).',
      'Ohne Spalte „Zuwendungsbescheid“ gilt der Bescheid der Maßnahme, dessen Förderzeitraum das Buchungsdatum enthält. Titelzeilen über der Kopfzeile und eine Summenzeile („Summe“) am Ende sind erlaubt; eine Gutschrift ist ein negativer Betrag.',
    ],
  },
];

export const importSpec = (resource: string): ImportSpec | undefined =>
  IMPORTS.find((s) => s.resource === resource);
