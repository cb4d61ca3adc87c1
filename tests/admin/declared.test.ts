import { ENUM_FIELDS, ENUMS } from '../../admin/src/common/enums';
import { REFERENCE_FIELDS } from '../../admin/src/common/references';
import { DEFAULT_SORTS } from '../../admin/src/common/sorts';
import { can, RESOURCE_NAMES } from '../../admin/src/auth/access';
import { declarations } from '../../api/features/declarations';
import type { ResourceFields } from '../../api/rest/fields';

const DECLARED: ResourceFields[] = Object.values(declarations);
const allFields = (d: ResourceFields) => Object.entries({ ...d.fields, ...d.derived, ...d.inputOnly });

describe('the admin tables derived from api/features/declarations.ts', () => {
  it('one field name references the same resource in every declaration (REFERENCE_FIELDS is keyed by name)', () => {
    const clashes = DECLARED.flatMap((d) =>
      allFields(d)
        .filter(([name, f]) => f.references && REFERENCE_FIELDS[name] !== f.references)
        .map(([name, f]) => `${d.name}.${name} → ${f.references}, not ${REFERENCE_FIELDS[name]}`),
    );
    expect(clashes).toEqual([]);
    expect(REFERENCE_FIELDS.lead_municipality_id).toBe('municipalities');
  });

  it('takes sorts, resource names and enumerations from the declarations', () => {
    expect(RESOURCE_NAMES).toEqual(DECLARED.map((d) => d.name));
    expect(DEFAULT_SORTS.expenditures).toEqual({ field: 'booked_on', order: 'DESC' });
    expect(ENUM_FIELDS.tranches).toEqual({ status: 'tranche_status' });
    expect(ENUM_FIELDS.measures).toEqual({
      target_picture: 'target_picture',
      phase: 'phase',
      status: 'status',
      health: 'health',
    });
    expect(ENUMS.target_picture).toEqual([1, 2, 3]);
  });

  it('grants access by the declared role groups', () => {
    expect(can('funding', 'tranches', 'write')).toBe(true);
    expect(can('guide', 'tranches', 'read')).toBe(false);
    expect(can('steering', 'audit_entries', 'write')).toBe(false);
    expect(can('cdo', 'no_such_resource', 'read')).toBe(false);
  });
});
