import { identity, useClock } from '@helhed/testing';
import { demoCaseworker, loadDemoData } from './demo-data';
import { startTestStack, type TestStack } from './test-stack';

/** `npm run seed` loads a demo a caseworker can work with, through the graph, and loading it again adds nothing. */
let stack: TestStack;
// The demo data is written for a day in December 2026 (teams from 1 November, follow-ups due since): the clock
// is pinned there, so the file passes whatever day it runs.
useClock('2026-12-07T10:00:00+01:00');

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('demo data', () => {
  it('loads once and is idempotent', async () => {
    const first = await loadDemoData(stack.graph);
    expect(first).toEqual({
      caseworkers: 5,
      families: 3,
      prices: 5,
      plans: 2,
      activities: 5,
      projects: 1,
      jobcenter: 1,
      health: 1,
    });
    const again = await loadDemoData(stack.graph);
    expect(again).toEqual({
      caseworkers: 0,
      families: 0,
      prices: 0,
      plans: 0,
      activities: 0,
      projects: 0,
      jobcenter: 0,
      health: 0,
    });
  });

  it('gives the first family a team, a contact person, consents and one plan across all four departments', async () => {
    const { familyByCaseReference: f } = await stack.graph.request(
      await demoCaseworker(stack.graph, 'FAMILY'),
      `{ familyByCaseReference(caseReference: "VEJ-2026-0001") {
          contactPerson { email } team { department }
          members { firstName consents { status } custodyHolders { firstName } }
          assessments { id }
          plan { goals { description } phases { name } activities { department sectorPlanKind nextFollowUpDue } }
          projectEnrolments { enrolledOn }
        } }`,
    );
    expect(f.contactPerson.email).toBe('anne.kjaer@vejle.example');
    expect(f.team.map((t: { department: string }) => t.department).sort()).toEqual([
      'ECONOMY',
      'FAMILY',
      'HEALTH',
      'JOBCENTER',
    ]);
    expect(f.assessments).toHaveLength(1);
    expect(f.plan.phases).toHaveLength(3);
    expect(f.plan.goals).toHaveLength(3);
    expect(new Set(f.plan.activities.map((a: { department: string }) => a.department)).size).toBe(4);
    // Some follow-ups are overdue in the demo.
    expect(f.plan.activities.some((a: { nextFollowUpDue: string }) => a.nextFollowUpDue < '2026-11-01')).toBe(true);
    const emil = f.members.find((m: { firstName: string }) => m.firstName === 'Emil');
    expect(emil.custodyHolders).toEqual([{ firstName: 'Mette' }]);
    expect(emil.consents.length).toBeGreaterThan(0);
    expect(f.projectEnrolments).toEqual([{ enrolledOn: '2026-03-01' }]);
  });
});

/** The demo family's team member of a department: the team rule shows a department's data to its caseworker on the team. */
async function onTeam(department: 'JOBCENTER' | 'HEALTH') {
  const { familyByCaseReference } = await stack.graph.request(
    await demoCaseworker(stack.graph, 'FAMILY'),
    `{ familyByCaseReference(caseReference: "VEJ-2026-0001") { team { department caseworker { id } } } }`,
  );
  const member = familyByCaseReference.team.find((m: { department: string }) => m.department === department);
  return identity(department, { userId: member.caseworker.id });
}

it('shows the jobcenter picture: internship attendance in the plan, a parent in work, a teenager with a leisure job held', async () => {
  const { familyByCaseReference: f } = await stack.graph.request(
    await onTeam('JOBCENTER'),
    `{ familyByCaseReference(caseReference: "VEJ-2026-0001") {
        plan { activities { department offerParticipations { kind attendancePercent kept } } }
        members { firstName
          october: employmentRegistration(month: "2026-10") { inWork { derived } hoursWorkedPerWeek { derived } }
          leisureJobs { held }
          targetGroups { targetGroup } } } }`,
  );
  const jobplan = f.plan.activities.find((a: { department: string }) => a.department === 'JOBCENTER');
  expect(jobplan.offerParticipations).toEqual([
    { kind: 'VIRKSOMHEDSPRAKTIK', attendancePercent: expect.any(Number), kept: true },
  ]);
  const mette = f.members.find((m: { firstName: string }) => m.firstName === 'Mette');
  expect(mette.october).toEqual({ inWork: { derived: 'PARTLY' }, hoursWorkedPerWeek: { derived: 15 } });
  expect(mette.targetGroups.map((t: { targetGroup: string }) => t.targetGroup)).toEqual([
    'AKTIVITETSPARAT',
    'JOBPARAT',
  ]);
  const emil = f.members.find((m: { firstName: string }) => m.firstName === 'Emil');
  expect(emil.leisureJobs).toEqual([{ held: true }]);
});

it('gives the health coordinator referrals, treatment on the plan and WHO-5 series moving both ways', async () => {
  const { familyByCaseReference: f } = await stack.graph.request(
    await demoCaseworker(stack.graph, 'HEALTH'),
    `{ familyByCaseReference(caseReference: "VEJ-2026-0001") {
        plan { activities { department treatment { sessionsAttended } } }
        members { firstName referrals { to waitingDays } healthIndicators { month who5Index } } } }`,
  );
  const mette = f.members.find((m: { firstName: string }) => m.firstName === 'Mette');
  expect(mette.referrals).toEqual([{ to: 'PSYCHOLOGIST', waitingDays: 8 }]);
  const index = mette.healthIndicators.map((h: { who5Index: number }) => h.who5Index);
  expect(index[index.length - 1]).toBeGreaterThan(index[0]);
  const treatment = f.plan.activities.find((a: { department: string }) => a.department === 'HEALTH');
  expect(treatment.treatment).toEqual({ sessionsAttended: 9 });
});

it("revises Mette's health assessment with findings per area, and records her consent to share HEALTH with the family department", async () => {
  const { familyByCaseReference: f } = await stack.graph.request(
    await demoCaseworker(stack.graph, 'HEALTH'),
    `{ familyByCaseReference(caseReference: "VEJ-2026-0001") { members { firstName
        healthAssessments { findings { area severity } history { operation } } } } }`,
  );
  const mette = f.members.find((m: { firstName: string }) => m.firstName === 'Mette');
  const [assessment] = mette.healthAssessments;
  expect(assessment.findings.map((x: { area: string }) => x.area)).toEqual([
    'PHYSICAL',
    'MENTAL',
    'SUBSTANCE_USE',
    'MEDICATION',
    'DENTAL',
    'SLEEP',
  ]);
  expect(assessment.history.map((h: { operation: string }) => h.operation)).toEqual(['CREATE', 'UPDATE']);
  const { familyByCaseReference: asFamily } = await stack.graph.request(
    await demoCaseworker(stack.graph, 'FAMILY'),
    `{ familyByCaseReference(caseReference: "VEJ-2026-0001") { members { firstName consents { departments categories } } } }`,
  );
  const consents = asFamily.members.find((m: { firstName: string }) => m.firstName === 'Mette').consents;
  expect(consents).toContainEqual({ departments: ['FAMILY'], categories: ['HEALTH'] });
});
