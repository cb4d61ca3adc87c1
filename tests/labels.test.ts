import { COST_CATEGORIES, DOCUMENT_KINDS, HEALTHS, MEASURE_STATUSES } from '../api/domain';
import {
  COST_CATEGORY_LABELS,
  COST_GROUP_LABELS,
  DOCUMENT_KIND_LABELS,
  HEALTH_LABELS,
  HEALTH_NOTE_LABEL,
  MEASURE_STATUS_LABELS,
} from '../api/labels';

// The server's labels come from the admin's German catalogue: every value it prints must have one there.
describe('the German labels the server prints', () => {
  it.each([
    ['health', HEALTHS, HEALTH_LABELS],
    ['status', MEASURE_STATUSES, MEASURE_STATUS_LABELS],
    ['cost category', COST_CATEGORIES, COST_CATEGORY_LABELS],
    ['document kind', DOCUMENT_KINDS, DOCUMENT_KIND_LABELS],
  ] as const)('name every %s', (_name, values, labels) => {
    const missing = values.filter((v) => !(labels as Record<string, string>)[v]?.trim());
    expect(missing).toEqual([]);
  });

  it('read as on screen', () => {
    expect(HEALTH_LABELS).toEqual({ green: 'Grün', amber: 'Gelb', red: 'Rot' });
    expect(COST_GROUP_LABELS.material_services).toBe('Sach- und Dienstleistungskosten');
    expect(DOCUMENT_KIND_LABELS.drawdown).toBe('Mittelabruf');
    expect(HEALTH_NOTE_LABEL).toBe('Begründung der Ampel');
  });
});
