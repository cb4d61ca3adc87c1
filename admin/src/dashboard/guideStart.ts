import { daysBetween } from '../common/dates';

export interface MunicipalityRow {
  id: number;
  name: string;
  last_contact_on?: string | null;
}

export interface FollowUpRow {
  municipality_id: number;
  follow_up_on: string;
}

export interface RankedMunicipality {
  id: number;
  name: string;
  /** Days since the last contact; null when there never was one. */
  daysSinceContact: number | null;
  openFollowUps: number;
  overdueFollowUps: number;
}

/**
 * The guide's municipalities in the order she should look at them: overdue follow-ups first,
 * then never contacted, then the longest without contact.
 */
export function rankMunicipalities(
  municipalities: MunicipalityRow[],
  openFollowUps: FollowUpRow[],
  today: string,
): RankedMunicipality[] {
  const rows = municipalities.map((m) => {
    const mine = openFollowUps.filter((f) => f.municipality_id === m.id);
    return {
      id: m.id,
      name: m.name,
      daysSinceContact: m.last_contact_on ? daysBetween(m.last_contact_on, today) : null,
      openFollowUps: mine.length,
      overdueFollowUps: mine.filter((f) => f.follow_up_on < today).length,
    };
  });
  const staleness = (r: RankedMunicipality) => r.daysSinceContact ?? Number.POSITIVE_INFINITY;
  return rows.sort(
    (a, b) =>
      b.overdueFollowUps - a.overdueFollowUps ||
      staleness(b) - staleness(a) ||
      a.name.localeCompare(b.name, 'de'),
  );
}
