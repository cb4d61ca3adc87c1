import { ROLES, type Role } from '../domain';

/** The role matrix of DESIGN.md §5, one entry per resource group. */
export const ACCESS = {
  reference: { read: ROLES, write: ['cdo'] },
  portfolio: { read: ROLES, write: ['cdo', 'steering'] },
  funding: { read: ['cdo', 'steering', 'funding', 'viewer'], write: ['cdo', 'funding'] },
  contacts: { read: ['cdo', 'steering', 'guide'], write: ['cdo', 'guide'] },
  users: { read: ROLES, write: ['cdo'] },
  statusReports: { read: ROLES, write: ['cdo', 'steering'] },
  // Every role may be a measure's owner, who enters its indicator values; the row rule lies in indicator_values.ts.
  indicatorValues: { read: ROLES, write: ROLES },
  audit: { read: ['cdo', 'steering', 'funding'], write: [] },
  // Every role reads her own notifications (the row rule lies in notifications.ts); they change only by marking read.
  notifications: { read: ROLES, write: [] },
  // The mails of the reminders, to everyone: the CDO alone sees them ("Postausgang").
  outbox: { read: ['cdo'], write: [] },
} as const satisfies Record<string, { read: readonly Role[]; write: readonly Role[] }>;

/** Users' e-mail addresses: only for those who manage the accounts (everyone sees her own via /api/auth/me). */
export const USER_EMAIL_READERS = ACCESS.users.write;

/** Data-subject requests, retention and backups: the CDO alone (she answers to the data protection officer). */
export const DATA_STEWARDS = ['cdo'] as const satisfies readonly Role[];

export type AccessGroup = keyof typeof ACCESS;

/** Whether a role may read the resources of a group (and the reports built on them). */
export const mayRead = (group: AccessGroup, role: Role): boolean =>
  (ACCESS[group].read as readonly Role[]).includes(role);

/** Money figures (funding resources, spending, deadlines) are shown only to these roles. */
export const FUNDING_READERS = ACCESS.funding.read;
export const CONTACT_READERS = ACCESS.contacts.read;
export const canSeeMoney = (role: Role): boolean => mayRead('funding', role);
export const canSeeContacts = (role: Role): boolean => mayRead('contacts', role);

/** Roles that write every indicator value; any other role only those of the measures she owns. */
export const INDICATOR_VALUE_EDITORS = ACCESS.portfolio.write;
