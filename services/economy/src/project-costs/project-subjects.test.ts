import { IDENTIFYING_FAMILY_COUNT, projectCostSubjects } from './project-subjects';

const family = (id: string, members: string[] = []) => ({ id, members: members.map((m) => ({ id: m })) });

describe("whose data a project's cost totals are", () => {
  it('a project of one family: that family’s members (the totals are its costs)', () => {
    expect(projectCostSubjects([family('f1', ['p1', 'p2'])])).toEqual({ personIds: ['p1', 'p2'], familyIds: [] });
  });

  it('a family economy knows no member of counts as the family itself', () => {
    expect(projectCostSubjects([family('f1'), family('f2', ['p3'])])).toEqual({ personIds: ['p3'], familyIds: ['f1'] });
  });

  it(`from ${IDENTIFYING_FAMILY_COUNT} families on: no one's (aggregates), and an empty project neither`, () => {
    const many = Array.from({ length: IDENTIFYING_FAMILY_COUNT }, (_, i) => family(`f${i}`, [`p${i}`]));
    expect(projectCostSubjects(many)).toBeNull();
    expect(projectCostSubjects(many.slice(1))).not.toBeNull();
    expect(projectCostSubjects([])).toBeNull();
  });

  it('counts a family enrolled twice once', () => {
    const f = family('f1', ['p1']);
    expect(projectCostSubjects([f, f, f, f, f])).toEqual({ personIds: ['p1'], familyIds: [] });
  });
});
