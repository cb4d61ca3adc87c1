import { DOCUMENT_KINDS, ROLES } from '../../domain';
import { enumOf, int, ref, text, type ResourceFields } from '../../rest/fields';

const parent = (resource: string) => ref(resource, { filter: true, readOnly: true });

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
    grant_id: parent('grants'),
    tranche_id: parent('tranches'),
    expenditure_id: parent('expenditures'),
    transfer_id: parent('transfers'),
    measure_id: parent('measures'),
    partner_id: parent('partners'),
    contact_id: parent('contacts'),
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
