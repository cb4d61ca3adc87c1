import {
  AUDIT_ACTIONS,
  CONTACT_CHANNELS,
  COST_CATEGORIES,
  HEALTHS,
  MEASURE_PHASES,
  MEASURE_STATUSES,
  MUNICIPALITY_KINDS,
  PARTNER_SECTORS,
  ROLES,
  SPEND_RULES,
  TRANCHE_STATUSES,
} from '../../../api/domain';

/** The enumerations of api/domain.ts under their catalogue names (labels: app.enums.<name>.<value>). */
export const ENUMS = {
  role: ROLES,
  municipality_kind: MUNICIPALITY_KINDS,
  phase: MEASURE_PHASES,
  status: MEASURE_STATUSES,
  health: HEALTHS,
  sector: PARTNER_SECTORS,
  spend_rule: SPEND_RULES,
  tranche_status: TRANCHE_STATUSES,
  cost_category: COST_CATEGORIES,
  channel: CONTACT_CHANNELS,
  audit_action: AUDIT_ACTIONS,
  target_picture: [1, 2, 3],
} as const;

export type EnumName = keyof typeof ENUMS;

/** Which field of which resource holds which enumeration: EnumField, EnumInput and the CSV export look it up. */
export const ENUM_FIELDS: Record<string, Record<string, EnumName>> = {
  municipalities: { kind: 'municipality_kind' },
  measures: { phase: 'phase', status: 'status', health: 'health', target_picture: 'target_picture' },
  partners: { sector: 'sector' },
  grants: { spend_rule: 'spend_rule' },
  tranches: { status: 'tranche_status' },
  expenditures: { cost_category: 'cost_category' },
  contacts: { channel: 'channel' },
  users: { role: 'role' },
  audit_entries: { action: 'audit_action' },
};

export function enumOf(resource: string | undefined, source: string): EnumName {
  const name = resource ? ENUM_FIELDS[resource]?.[source] : undefined;
  if (!name) throw new Error(`No enumeration declared for ${resource}.${source}`);
  return name;
}

export const enumLabelKey = (name: EnumName, value: unknown) => `app.enums.${name}.${String(value)}`;

/** Choices for a SelectInput; react-admin translates the names. */
export const enumChoices = (name: EnumName) =>
  ENUMS[name].map((value) => ({ id: value, name: enumLabelKey(name, value) }));
