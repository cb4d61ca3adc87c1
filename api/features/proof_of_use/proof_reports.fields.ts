import { ACCESS } from '../access';
import { date, enumOf, int, json, ref, text, type ResourceFields } from '../../rest/fields';

export const PROOF_KINDS = ['interim', 'final'] as const;
export const PROOF_STATUSES = ['draft', 'issued'] as const;

export default {
  name: 'proof_reports',
  description:
    'Verwendungsnachweise (Zwischennachweis je Haushaltsjahr, Verwendungsnachweis je Bescheid) in Versionen: ein Entwurf hält Einleitung und Schluss des Sachberichts; status "issued" friert den ganzen Nachweis ein, danach ändert sich nichts mehr (eine neue Version kann ausgestellt werden).',
  fields: {
    grant_id: ref('grants', { required: true, filter: true, sort: true }),
    kind: enumOf(PROOF_KINDS, { enumName: 'proof_kind', required: true, filter: true, sort: true }),
    fiscal_year: int(2000, 2100, { filter: true, sort: true }),
    version_no: { ...int(1, 10_000, { filter: true, sort: true }), readOnly: true },
    status: enumOf(PROOF_STATUSES, { enumName: 'proof_status', filter: true, sort: true, nullable: false }),
    introduction: text(20_000),
    conclusion: text(20_000),
    issued_on: { ...date({ filter: true, sort: true }), readOnly: true },
    issued_by: { ...ref('users', { filter: true }), readOnly: true },
    snapshot: { ...json(), readOnly: true },
  },
  defaultSort: ['id', 'DESC'],
  access: ACCESS.funding,
} satisfies ResourceFields;
