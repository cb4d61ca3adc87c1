import type { RaRecord } from 'react-admin';

/** After saving a milestone: back to its measure's milestones tab (the milestone's own page without a measure). */
export const backToMeasure = (_resource?: string, id?: RaRecord['id'], data?: Partial<RaRecord>): string =>
  data?.measure_id
    ? `/measures/${String(data.measure_id)}/show/meilensteine`
    : `/milestones/${String(id)}/show`;
