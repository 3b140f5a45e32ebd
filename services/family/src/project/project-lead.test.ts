import type { Identity } from '@helhed/identity';
import { leadsProjectOfFamily } from './project-lead';

const lead = (roles: Identity['roles'] = ['PROJECT_LEAD'], municipality = '630'): Identity => ({
  userId: 'lead-1',
  municipality,
  department: 'FAMILY',
  roles,
});
const project = (id: string, projectLeadId = 'lead-1') => ({ id, municipalityCode: '630', projectLeadId });

describe('the project lead of a family', () => {
  it('leads a project the family is or was enrolled in', () => {
    expect(leadsProjectOfFamily(lead(), [{ projectId: 'p1' }], [project('p1')])).toBe(true);
    expect(
      leadsProjectOfFamily(lead(), [{ projectId: 'p2' }, { projectId: 'p1' }], [project('p2', 'x'), project('p1')]),
    ).toBe(true);
  });

  it('is not the lead of another project, a caller without the role, or one of another municipality', () => {
    expect(leadsProjectOfFamily(lead(), [{ projectId: 'p1' }], [project('p1', 'someone-else')])).toBe(false);
    expect(leadsProjectOfFamily(lead(), [], [])).toBe(false);
    expect(leadsProjectOfFamily(lead(['CASEWORKER']), [{ projectId: 'p1' }], [project('p1')])).toBe(false);
    expect(leadsProjectOfFamily(lead(['PROJECT_LEAD'], '101'), [{ projectId: 'p1' }], [project('p1')])).toBe(false);
    expect(leadsProjectOfFamily(lead(), [{ projectId: 'p1' }], [null])).toBe(false);
  });
});
