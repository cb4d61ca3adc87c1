import { DOCUMENT_KINDS, ROLES, type Role } from '../../domain';
import { CONTACT_READERS, FUNDING_READERS } from '../access';
import { enumOf, int, ref, text, type ResourceFields } from '../../rest/fields';

/** A link to the parent record; visible (and filterable) only to roles that may read that kind of record. */
const parent = (resource: string, readRoles?: readonly Role[]) =>
  ref(resource, { filter: true, readOnly: true, ...(readRoles ? { readRoles } : {}) });

/**
 * Documents attached to a record (#17). Served by the feature's own routes (./routes.ts), not the generic ones:
 * the upload is multipart, and every right follows the parent record (./rights.ts), so the role group here lets
 * every role in and the row rules decide.
 */
export default {
  name: 'documents',
  description:
    'Dokumente an Bescheiden, Mittelabrufen, Ausgaben, Weiterleitungen, Maßnahmen, Partnern und Kontakten. Lesen und Anhängen folgen den Rechten am Datensatz.',
  fields: {
    grant_id: parent('grants', FUNDING_READERS),
    tranche_id: parent('tranches', FUNDING_READERS),
    expenditure_id: parent('expenditures', FUNDING_READERS),
    transfer_id: parent('transfers', FUNDING_READERS),
    measure_id: parent('measures'),
    partner_id: parent('partners'),
    contact_id: parent('contacts', CONTACT_READERS),
    kind: enumOf(DOCUMENT_KINDS, { enumName: 'document_kind', required: true, filter: true, sort: true }),
    title: text(200, { required: true, sort: true }),
    file_name: text(255, { readOnly: true, sort: true }),
    media_type: text(100, { readOnly: true, filter: true }),
    size_bytes: int(0, 2_147_483_647, { readOnly: true, sort: true }),
    sha256: text(64, { readOnly: true, filter: true }),
    uploaded_by: ref('users', { readOnly: true, filter: true }),
  },
  defaultSort: ['id', 'DESC'],
  updatable: false,
  access: { read: ROLES, write: ROLES },
} satisfies ResourceFields;
