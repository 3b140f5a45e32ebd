import { UserInputError, UserInputErrors } from '@helhed/errors';
import {
  checkNoOverlap,
  isCurrentEnrolment,
  mayEnrolFamilies,
  validateEnrolment,
  validateEnrolmentEnd,
} from './enrolment';
import { isOverdue, mergeMilestoneChanges, validateMilestone } from './milestone';
import { mergeRiskChanges, riskScore, validateRisk, type RiskInput } from './risk';
import {
  checkPeriodKeepsEnrolments,
  mayManageProjects,
  mergeProjectChanges,
  validateProject,
  type ProjectInput,
} from './project';

/** The field paths of the problems `fn` reports (empty when it accepts). */
const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserInputErrors) return e.problems.map((p) => p.field);
    if (e instanceof UserInputError) return [e.field];
    throw e;
  }
  return [];
};

const here = { municipality: '630', projectLead: { municipalityCode: '630' } };
const project = (over: Partial<ProjectInput> = {}): ProjectInput => ({
  name: ' Helhedsindsats Vejle ',
  startsOn: '2026-01-01',
  endsOn: '2028-06-30',
  projectLeadId: 'lead',
  targetFamilyCount: 60,
  ...over,
});

describe('validateProject', () => {
  it('accepts a project, trims its name and treats a blank description as none', () => {
    expect(validateProject(project({ description: '  ' }), here)).toEqual({
      name: 'Helhedsindsats Vejle',
      startsOn: '2026-01-01',
      endsOn: '2028-06-30',
      projectLeadId: 'lead',
      targetFamilyCount: 60,
      description: null,
    });
  });

  it('accepts a one-day project', () => {
    expect(fieldsOf(() => validateProject(project({ endsOn: '2026-01-01' }), here))).toEqual([]);
  });

  it('reports every problem with its field path', () => {
    expect(
      fieldsOf(() =>
        validateProject(
          project({ name: '', endsOn: '2025-12-31', targetFamilyCount: 0, description: 'x'.repeat(2001) }),
          {
            municipality: '630',
            projectLead: null,
          },
        ),
      ),
    ).toEqual(['input.name', 'input.endsOn', 'input.projectLeadId', 'input.targetFamilyCount', 'input.description']);
  });

  it('refuses a project lead of another municipality and a target above 10000', () => {
    expect(
      fieldsOf(() =>
        validateProject(project({ targetFamilyCount: 10_001 }), {
          municipality: '630',
          projectLead: { municipalityCode: '101' },
        }),
      ),
    ).toEqual(['input.projectLeadId', 'input.targetFamilyCount']);
  });
});

describe('mergeProjectChanges', () => {
  const current = validateProject(project({ description: 'About' }), here);
  it('keeps what is left out or null, and clears the description with null', () => {
    expect(mergeProjectChanges(current, { id: 'p', name: null, endsOn: '2029-01-01' })).toMatchObject({
      name: 'Helhedsindsats Vejle',
      endsOn: '2029-01-01',
      description: 'About',
    });
    expect(mergeProjectChanges(current, { id: 'p', description: null }).description).toBeNull();
  });
});

describe('checkPeriodKeepsEnrolments', () => {
  const period = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
  it('accepts a period around every enrolment, or a project without any', () => {
    expect(
      fieldsOf(() => checkPeriodKeepsEnrolments(period, { firstEnrolledOn: '2026-01-01', lastDay: '2026-12-31' })),
    ).toEqual([]);
    expect(fieldsOf(() => checkPeriodKeepsEnrolments(period, null))).toEqual([]);
  });
  it('refuses a period that leaves enrolments outside it', () => {
    expect(
      fieldsOf(() => checkPeriodKeepsEnrolments(period, { firstEnrolledOn: '2025-12-31', lastDay: '2027-01-01' })),
    ).toEqual(['input.startsOn', 'input.endsOn']);
  });
});

describe('mayManageProjects', () => {
  it('lets project leads and administrators steer the project', () => {
    expect(mayManageProjects(['PROJECT_LEAD'])).toBe(true);
    expect(mayManageProjects(['CASEWORKER', 'ADMIN'])).toBe(true);
    expect(mayManageProjects(['CASEWORKER'])).toBe(false);
  });
});

const period = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
const input = { projectId: 'p', familyId: 'f', enrolledOn: '2026-03-01' };

describe('validateEnrolment', () => {
  it('accepts a family enrolled within the period, on its first and last day too', () => {
    for (const enrolledOn of ['2026-01-01', '2026-03-01', '2026-12-31']) {
      expect(
        fieldsOf(() => validateEnrolment({ ...input, enrolledOn }, { project: period, family: { status: 'ACTIVE' } })),
      ).toEqual([]);
    }
  });

  it('refuses a day outside the period', () => {
    for (const enrolledOn of ['2025-12-31', '2027-01-01']) {
      expect(
        fieldsOf(() => validateEnrolment({ ...input, enrolledOn }, { project: period, family: { status: 'INTAKE' } })),
      ).toEqual(['input.enrolledOn']);
    }
  });

  it('reports an unknown project and family together, and refuses a closed family', () => {
    expect(fieldsOf(() => validateEnrolment(input, { project: null, family: null }))).toEqual([
      'input.projectId',
      'input.familyId',
    ]);
    expect(fieldsOf(() => validateEnrolment(input, { project: period, family: { status: 'CLOSED' } }))).toEqual([
      'input.familyId',
    ]);
  });
});

describe('checkNoOverlap', () => {
  it('refuses a second open enrolment', () => {
    expect(fieldsOf(() => checkNoOverlap([{ enrolledOn: '2026-01-01', endedOn: null }], '2026-05-01'))).toEqual([
      'input.familyId',
    ]);
  });
  it('refuses a start inside an earlier enrolment, and accepts one from its end day', () => {
    const ended = [{ enrolledOn: '2026-01-01', endedOn: '2026-04-01' }];
    expect(fieldsOf(() => checkNoOverlap(ended, '2026-03-31'))).toEqual(['input.enrolledOn']);
    expect(fieldsOf(() => checkNoOverlap(ended, '2025-12-01'))).toEqual(['input.enrolledOn']);
    expect(fieldsOf(() => checkNoOverlap(ended, '2026-04-01'))).toEqual([]);
  });
});

describe('validateEnrolmentEnd', () => {
  const open = { enrolledOn: '2026-03-01', endedOn: null };
  const end = { enrolmentId: 'e', endedOn: '2026-06-30', reason: ' Moved away ' };
  it('accepts an end within the period with a reason', () => {
    expect(validateEnrolmentEnd(end, { enrolment: open, project: period })).toEqual({
      endedOn: '2026-06-30',
      reason: 'Moved away',
    });
  });
  it('refuses an end before the enrolment, after the project, without a reason, or twice', () => {
    expect(
      fieldsOf(() =>
        validateEnrolmentEnd({ ...end, endedOn: '2026-02-28', reason: ' ' }, { enrolment: open, project: period }),
      ),
    ).toEqual(['input.endedOn', 'input.reason']);
    expect(
      fieldsOf(() => validateEnrolmentEnd({ ...end, endedOn: '2027-01-01' }, { enrolment: open, project: period })),
    ).toEqual(['input.endedOn']);
    expect(
      fieldsOf(() => validateEnrolmentEnd(end, { enrolment: { ...open, endedOn: '2026-05-01' }, project: period })),
    ).toEqual(['input.enrolmentId']);
    expect(fieldsOf(() => validateEnrolmentEnd(end, { enrolment: null, project: null }))).toEqual([
      'input.enrolmentId',
    ]);
  });
});

describe('isCurrentEnrolment', () => {
  it('counts from the enrolment day up to (not including) the end day', () => {
    const e = { enrolledOn: '2026-03-01', endedOn: '2026-06-30' };
    expect(['2026-02-28', '2026-03-01', '2026-06-29', '2026-06-30'].map((d) => isCurrentEnrolment(e, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(isCurrentEnrolment({ enrolledOn: '2026-03-01', endedOn: null }, '2030-01-01')).toBe(true);
  });
});

describe('mayEnrolFamilies', () => {
  it('lets project leads, administrators and the family department enrol families', () => {
    expect(mayEnrolFamilies({ roles: ['PROJECT_LEAD'], department: 'JOBCENTER' })).toBe(true);
    expect(mayEnrolFamilies({ roles: ['CASEWORKER'], department: 'FAMILY' })).toBe(true);
    expect(mayEnrolFamilies({ roles: ['CASEWORKER'], department: 'HEALTH' })).toBe(false);
  });
});

describe('validateMilestone', () => {
  const today = '2026-11-22';
  const milestone = { title: ' All families have a plan ', dueOn: '2026-06-30' };
  it('starts PLANNED, or DONE when the day it was done is given', () => {
    expect(validateMilestone(milestone, today)).toEqual({
      title: 'All families have a plan',
      description: null,
      dueOn: '2026-06-30',
      doneOn: null,
      status: 'PLANNED',
    });
    expect(validateMilestone({ ...milestone, doneOn: '2026-06-01' }, today).status).toBe('DONE');
  });
  it('refuses DONE without a day, a day without DONE, a future day, an empty title and an unknown project', () => {
    expect(fieldsOf(() => validateMilestone({ ...milestone, title: '', status: 'DONE' }, today))).toEqual([
      'input.title',
      'input.doneOn',
    ]);
    expect(
      fieldsOf(() => validateMilestone({ ...milestone, status: 'IN_PROGRESS', doneOn: '2026-01-01' }, today)),
    ).toEqual(['input.status']);
    expect(fieldsOf(() => validateMilestone({ ...milestone, doneOn: '2026-11-23' }, today))).toEqual(['input.doneOn']);
    expect(fieldsOf(() => validateMilestone(milestone, today, { projectFound: false }))).toEqual(['input.projectId']);
  });
  it('merges changes: doneOn alone marks it DONE, leaving DONE clears doneOn', () => {
    const current = validateMilestone({ ...milestone, description: 'About' }, today);
    const done = mergeMilestoneChanges(current, { id: 'm', doneOn: '2026-07-02' });
    expect(done).toMatchObject({ status: 'DONE', doneOn: '2026-07-02', description: 'About' });
    const reopened = mergeMilestoneChanges(validateMilestone(done, today), { id: 'm', status: 'IN_PROGRESS' });
    expect(reopened).toMatchObject({ status: 'IN_PROGRESS', doneOn: null });
    expect(mergeMilestoneChanges(current, { id: 'm', description: null }).description).toBeNull();
  });
  it('is overdue after its due day until it is done, whatever status is registered', () => {
    expect(isOverdue({ dueOn: '2026-11-21', status: 'PLANNED' }, today)).toBe(true);
    expect(isOverdue({ dueOn: '2026-11-21', status: 'IN_PROGRESS' }, today)).toBe(true);
    expect(isOverdue({ dueOn: '2026-11-22', status: 'PLANNED' }, today)).toBe(false);
    expect(isOverdue({ dueOn: '2026-11-21', status: 'DONE' }, today)).toBe(false);
  });
});

describe('validateRisk', () => {
  const risk: Omit<RiskInput, 'projectId'> = {
    description: 'Families drop out in the first phase',
    likelihood: 3,
    impact: 4,
    ownerId: 'owner',
  };
  const facts = { municipality: '630', owner: { municipalityCode: '630' } };
  it('starts OPEN and scores likelihood × impact', () => {
    const valid = validateRisk(risk, facts);
    expect(valid).toMatchObject({ status: 'OPEN', mitigation: null });
    expect(riskScore(valid)).toBe(12);
  });
  it('refuses likelihood and impact outside 1-5, and an owner unknown or of another municipality', () => {
    expect(fieldsOf(() => validateRisk({ ...risk, likelihood: 0, impact: 6 }, { ...facts, owner: null }))).toEqual([
      'input.likelihood',
      'input.impact',
      'input.ownerId',
    ]);
    expect(fieldsOf(() => validateRisk(risk, { ...facts, owner: { municipalityCode: '101' } }))).toEqual([
      'input.ownerId',
    ]);
    expect(fieldsOf(() => validateRisk(risk, { ...facts, projectFound: false }))).toEqual(['input.projectId']);
  });
  it('merges changes, keeping what is left out and clearing the mitigation with null', () => {
    const current = validateRisk({ ...risk, mitigation: 'Weekly calls' }, facts);
    expect(mergeRiskChanges(current, { id: 'r', impact: 5, status: 'MITIGATED' })).toMatchObject({
      likelihood: 3,
      impact: 5,
      mitigation: 'Weekly calls',
      status: 'MITIGATED',
    });
    expect(mergeRiskChanges(current, { id: 'r', mitigation: null }).mitigation).toBeNull();
  });
});
