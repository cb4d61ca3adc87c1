import { de } from '../admin/src/i18n/de';
import type { COST_CATEGORIES, DocumentKind, HEALTHS, MEASURE_STATUSES, MUNICIPALITY_KINDS } from './domain';

/**
 * German labels as the server writes them into PDFs, spreadsheets, CSV and calendar texts: taken from the admin's
 * German catalogue, so a label is written once and reads the same on screen and on paper.
 */

type Texts = Record<string, string>;
const catalogue = de as unknown as {
  app: { enums: Record<string, Texts>; funding: { groups: Texts } };
  resources: { measures: { fields: Texts } };
};
const enumLabels = <K extends string>(name: string) => catalogue.app.enums[name] as Record<K, string>;

export const HEALTH_LABELS = enumLabels<(typeof HEALTHS)[number]>('health');
export const MEASURE_STATUS_LABELS = enumLabels<(typeof MEASURE_STATUSES)[number]>('status');
export const COST_CATEGORY_LABELS = enumLabels<(typeof COST_CATEGORIES)[number]>('cost_category');
export const DOCUMENT_KIND_LABELS = enumLabels<DocumentKind>('document_kind');

/** Financing-plan groups of the cost categories (receipt list, funding report). */
export const COST_GROUP_LABELS = catalogue.app.funding.groups as Record<
  'personnel' | 'material_services' | 'investment',
  string
>;

/** The label of a measure's health_note, the same on screen and in every PDF. */
export const HEALTH_NOTE_LABEL = catalogue.resources.measures.fields.health_note!;

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
