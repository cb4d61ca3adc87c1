import type { COST_CATEGORIES, DocumentKind, HEALTHS, MEASURE_STATUSES, MUNICIPALITY_KINDS } from './domain';

/** German labels of the enumerations, as the server writes them into PDFs, spreadsheets, CSV and calendar texts. */

export const HEALTH_LABELS: Record<(typeof HEALTHS)[number], string> = {
  green: 'Grün',
  amber: 'Gelb',
  red: 'Rot',
};

export const MEASURE_STATUS_LABELS: Record<(typeof MEASURE_STATUSES)[number], string> = {
  idea: 'Idee',
  planning: 'in Planung',
  implementation: 'in Umsetzung',
  operation: 'im Betrieb',
  completed: 'abgeschlossen',
  paused: 'pausiert',
  stopped: 'gestoppt',
};

export const COST_CATEGORY_LABELS: Record<(typeof COST_CATEGORIES)[number], string> = {
  personnel: 'Personalkosten',
  material: 'Sachkosten',
  services: 'Dienstleistungen',
  investment: 'Investitionen',
  other: 'Sonstiges',
};

/** Financing-plan groups of the cost categories (receipt list, funding report). */
export const COST_GROUP_LABELS = {
  personnel: 'Personalkosten',
  material_services: 'Sach- und Dienstleistungskosten',
  investment: 'Investitionen',
} as const;

/** The short form before a municipality's name ("Stadt Mayen", "VG Maifeld"). */
export const MUNICIPALITY_KIND_PREFIXES: Record<(typeof MUNICIPALITY_KINDS)[number], string> = {
  city: 'Stadt',
  association: 'VG',
};

/** 'YYYY-MM-DD' (or an ISO instant's date part) → '26.11.2026'; calendar dates, no time zone involved. */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** The label of a measure's health_note, the same on screen (admin catalogue) and in every PDF. */
export const HEALTH_NOTE_LABEL = 'Begründung der Ampel';

/** Document kinds (#17): also the folder names of the proof-of-use pack. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  notice: 'Bescheid',
  amendment: 'Änderungsbescheid',
  drawdown: 'Mittelabruf',
  receipt: 'Beleg',
  contract: 'Vertrag',
  proof: 'Nachweis',
  profile: 'Projektsteckbrief',
  minutes: 'Protokoll',
  other: 'Sonstiges',
};
