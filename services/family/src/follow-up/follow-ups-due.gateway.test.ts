import { identity } from '@helhed/testing';
import {
  ADD_ACTIVITY,
  CREATE_PLAN,
  activityInput,
  familyDept,
  jobcenter,
  planInput,
  startPlanKit,
  type Member,
  type PlanKit,
} from '../plan/__tests__/plan-kit';

/**
 * What the reminder worker reads with its own service identity (role SERVICE):
 * due dates, case references and caseworkers — and nothing of a person.
 */
let kit: PlanKit;
let planId: string;
let activityId: string;
let familyId: string;
let parent: Member;

const service = identity('FAMILY', { userId: 'reminders-worker', roles: ['SERVICE'] });
const healthService = identity('HEALTH', { userId: 'reminders-worker', roles: ['SERVICE'] });
const projectLead = identity('FAMILY', { roles: ['PROJECT_LEAD'] });

const DUE = `query($until: Date!) { followUpsDue(until: $until) {
  kind id familyId caseReference dueOn responsible { id name email department } projectLead { id } } }`;

beforeAll(async () => {
  kit = await startPlanKit();
  const family = await kit.createFamily('DUE-1', 1, 1);
  familyId = family.id;
  parent = family.members[0]!;
  const { createFamilyPlan: plan } = await kit.stack.graph.request(familyDept, CREATE_PLAN, {
    input: planInput(family.id, parent.id),
  });
  planId = plan.id;
  const { addPlanActivity } = await kit.stack.graph.request(jobcenter, ADD_ACTIVITY, {
    input: activityInput(planId, [parent.id], kit.caseworkers.jobcenter),
  });
  activityId = addPlanActivity.id;
});

afterAll(async () => {
  await kit?.close();
});

describe('followUpsDue', () => {
  it('lists the plan and the activity due by a day, earliest first, with the responsible caseworker', async () => {
    const { followUpsDue } = await kit.stack.graph.request(service, DUE, { until: '2026-03-31' });
    // The plan starts 2026-01-01 with an 8-week cadence; the activity 2026-03-02 with 4 weeks.
    expect(followUpsDue).toEqual([
      {
        kind: 'PLAN',
        id: planId,
        familyId,
        caseReference: 'DUE-1',
        dueOn: '2026-02-26',
        responsible: null,
        projectLead: null,
      },
      {
        kind: 'ACTIVITY',
        id: activityId,
        familyId,
        caseReference: 'DUE-1',
        dueOn: '2026-03-30',
        responsible: {
          id: kit.caseworkers.jobcenter,
          name: 'Jens Job',
          email: 'jens.job@example.dk',
          department: 'JOBCENTER',
        },
        projectLead: null,
      },
    ]);
    const { followUpsDue: early } = await kit.stack.graph.request(service, DUE, { until: '2026-02-25' });
    expect(early).toEqual([]);
  });

  it('names the leads of the projects running on a day (none here: no project)', async () => {
    const { projectLeadsOn } = await kit.stack.graph.request(service, `{ projectLeadsOn(day: "2026-04-01") { id } }`);
    expect(projectLeadsOn).toEqual([]);
  });

  it('answers project leads too, and refuses a caseworker', async () => {
    const { followUpsDue } = await kit.stack.graph.request(projectLead, DUE, { until: '2026-03-31' });
    expect(followUpsDue).toHaveLength(2);
    const res = await kit.stack.post(familyDept, DUE, { until: '2026-03-31' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the service identity reads nothing of a person', () => {
  const refused = async (who: typeof service, query: string, variables: Record<string, unknown>) => {
    const res = await kit.stack.post(who, query, variables);
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(res.data ?? {})).not.toMatch(/Parent0|DUE-1|\d{6}-?\d{4}|Arbejder 15 timer/);
  };

  it("refuses a person's name and CPR number", async () => {
    await refused(
      service,
      `query { familyByCaseReference(caseReference: "DUE-1") { members { firstName lastName cprMasked birthDate } } }`,
      {},
    );
  });

  it("refuses the plan's goals", async () => {
    await refused(service, `query($id: ID!) { familyPlan(id: $id) { goals { description } } }`, { id: planId });
  });

  it('refuses health data, even with a health-department service token', async () => {
    await refused(
      healthService,
      `query { familyByCaseReference(caseReference: "DUE-1") { members { healthIndicators { who5Index } referrals { id } } } }`,
      {},
    );
  });
});
