import type { RaRecord, ResourceDefinition } from 'react-admin';

/** Fields that hold ids of another resource (single or array), for exports and labels. */
export const REFERENCE_FIELDS: Record<string, string> = {
  measure_id: 'measures',
  measure_ids: 'measures',
  municipality_id: 'municipalities',
  municipality_ids: 'municipalities',
  lead_municipality_id: 'municipalities',
  field_of_action_id: 'fields_of_action',
  owner_id: 'users',
  author_id: 'users',
  user_id: 'users',
  guide_ids: 'users',
  partner_id: 'partners',
  grant_id: 'grants',
  tranche_id: 'tranches',
  milestone_id: 'milestones',
  contact_id: 'contacts',
};

/** A record's representation as plain text (the resources' recordRepresentation functions return strings). */
export function representationText(definition: ResourceDefinition | undefined, record: RaRecord): string {
  const representation = definition?.recordRepresentation;
  if (typeof representation === 'function') return String(representation(record));
  if (typeof representation === 'string') return String(record[representation] ?? record.id);
  return `#${record.id}`;
}
