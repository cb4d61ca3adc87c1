/** Enumerations shared by the schema, the API declarations and the admin. */
export const ROLES = ['cdo', 'steering', 'funding', 'guide', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const MUNICIPALITY_KINDS = ['city', 'association'] as const;
export const MEASURE_PHASES = ['strategy', 'implementation'] as const;
export const MEASURE_STATUSES = [
  'idea',
  'planning',
  'implementation',
  'operation',
  'completed',
  'paused',
  'stopped',
] as const;
export const HEALTHS = ['green', 'amber', 'red'] as const;
export const PARTNER_SECTORS = [
  'business',
  'science',
  'civil_society',
  'public',
  'programme_support',
] as const;
export const SPEND_RULES = ['anbest_gk', 'anbest_p'] as const;
export const TRANCHE_STATUSES = ['planned', 'requested', 'received', 'settled'] as const;
export const COST_CATEGORIES = ['personnel', 'material', 'services', 'investment', 'other'] as const;
export const CONTACT_CHANNELS = ['phone', 'email', 'on_site', 'video', 'event'] as const;
export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;

/** Ids are PostgreSQL integers (increments()); a larger one can only be a wrong one. */
export const MAX_ID = 2_147_483_647;

/** Impact indicators (#20): which way is better, and the states of ./features/indicators/stateSql.ts. */
export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export const INDICATOR_STATES = ['on_track', 'behind', 'off_track', 'stale'] as const;
export type IndicatorState = (typeof INDICATOR_STATES)[number];
/** The largest magnitude of an indicator's baseline, target or measured value (numeric(18, 4) columns). */
export const INDICATOR_VALUE_LIMIT = 1e12;

/** Reminders (#16): the rules, one key each (api/features/reminders/rules.ts), and how a user wants to hear of one. */
export const REMINDER_RULES = [
  'spend_deadline',
  'interim_proof',
  'final_proof',
  'transfer_proof_overdue',
  'tranche_not_received',
  'milestone_due',
  'milestone_overdue',
  'follow_up',
  'measure_red',
  'weekly_digest',
] as const;
export type ReminderRuleKey = (typeof REMINDER_RULES)[number];
/** app: in the app only; email: in the app and by e-mail; off: not at all. */
export const REMINDER_CHANNELS = ['app', 'email', 'off'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
/** Documents (#17): their kinds, and the resources a document can be attached to (with the column that links it). */
export const DOCUMENT_KINDS = [
  'notice',
  'amendment',
  'drawdown',
  'receipt',
  'contract',
  'proof',
  'profile',
  'minutes',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_PARENTS = {
  grants: 'grant_id',
  tranches: 'tranche_id',
  expenditures: 'expenditure_id',
  transfers: 'transfer_id',
  measures: 'measure_id',
  partners: 'partner_id',
  contacts: 'contact_id',
} as const;
export type DocumentParent = keyof typeof DOCUMENT_PARENTS;
