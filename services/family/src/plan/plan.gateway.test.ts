import { queryDatabase } from '@helhed/testing';
import {
  ADD_ACTIVITY,
  CREATE_PLAN,
  activityInput,
  familyDept,
  jobcenter,
  otherMunicipality,
  planInput,
  startPlanKit,
  type Member,
  type PlanKit,
} from './__tests__/plan-kit';

/** The one family plan through the gateway, on real databases. */
let kit: PlanKit;
let familyId: string;
let parent: Member;
let child: Member;
let strangerId: string;

const REVISE = `mutation($input: ReviseFamilyPlanInput!) { reviseFamilyPlan(input: $input) {
  id version followUpCadenceWeeks goals { id description targetDate status member { id } } phases { name } } }`;
const CLOSE = `mutation($input: CloseFamilyPlanInput!) { closeFamilyPlan(input: $input) { id status closedOn closeReason nextFollowUpDue } }`;
const GOAL_STATUS = `mutation($input: UpdateGoalStatusInput!) { updateGoalStatus(input: $input) {
  id status statusChanges { from to changedOn note changedBy followUp { id } } } }`;
const FAMILY_PLAN = `query($id: ID!) { family(id: $id) {
  plan { id version status startsOn followUpCadenceWeeks nextFollowUpDue
    phases { name startsOn endsOn focus }
    goals { id description targetDate status member { firstName } plan { id } }
    versions { version startsOn followUpCadenceWeeks reason createdBy phases { name } goals { goal { id } description member { id } } } }
  plans { id status } } }`;

beforeAll(async () => {
  kit = await startPlanKit();
  const family = await kit.createFamily('PLAN-1', 1, 1);
  familyId = family.id;
  [parent, child] = family.members as [Member, Member];
  strangerId = (await kit.createFamily('PLAN-OTHER', 1, 0)).members[0]!.id;
});

afterAll(async () => {
  await kit?.close();
});

describe('creating the one plan', () => {
  let planId: string;

  it('creates version 1 with phases and goals, shown as the family plan', async () => {
    const { createFamilyPlan: plan } = await kit.stack.graph.request(familyDept, CREATE_PLAN, {
      input: planInput(familyId, parent.id),
    });
    planId = plan.id;
    expect(plan).toMatchObject({
      version: 1,
      status: 'OPEN',
      startsOn: '2026-01-01',
      // No plan follow-up held yet: eight weeks from the start.
      nextFollowUpDue: '2026-02-26',
      phases: [
        { name: 'Fase 1', startsOn: '2026-01-01', endsOn: '2026-06-30' },
        { name: 'Fase 2', startsOn: '2026-07-01', endsOn: '2026-12-31' },
      ],
    });
    expect(plan.goals.map((g: any) => [g.description, g.status, g.member?.id ?? null])).toEqual([
      ['Arbejder 15 timer om ugen', 'NOT_STARTED', parent.id],
      ['Familien spiser sammen 5 dage om ugen', 'NOT_STARTED', null],
    ]);

    const { family } = await kit.stack.graph.request(jobcenter, FAMILY_PLAN, { id: familyId });
    expect(family.plan).toMatchObject({ id: planId, version: 1, followUpCadenceWeeks: 8 });
    expect(family.plan.goals[0]).toMatchObject({ member: { firstName: 'Parent0' }, plan: { id: planId } });
    expect(family.plan.versions).toEqual([
      expect.objectContaining({ version: 1, reason: null, createdBy: familyDept.userId }),
    ]);
    expect(family.plans).toEqual([{ id: planId, status: 'OPEN' }]);
  });

  it('refuses a second open plan for the family, writing nothing', async () => {
    const error = await kit.refused(CREATE_PLAN, planInput(familyId, parent.id), 'input.familyId');
    expect(error.message).toMatch(/already has an open plan/);
  });

  it('refuses a phase that ends before it starts, and overlapping phases', async () => {
    const other = await kit.createFamily('PLAN-2', 1, 0);
    const member = other.members[0]!.id;
    await kit.refused(
      CREATE_PLAN,
      planInput(other.id, member, {
        phases: [{ name: 'Fase 1', startsOn: '2026-06-01', endsOn: '2026-05-31', focus: '' }],
      }),
      'input.phases[0].endsOn',
    );
    const error = await kit.refused(
      CREATE_PLAN,
      planInput(other.id, member, {
        phases: [
          { name: 'Fase 1', startsOn: '2026-01-01', endsOn: '2026-06-30', focus: '' },
          { name: 'Fase 2', startsOn: '2026-06-15', endsOn: '2026-12-31', focus: '' },
        ],
      }),
      'input.phases[1].startsOn',
    );
    expect(error.message).toMatch(/overlaps phase 0/);
  });

  it("refuses a goal for another family's member, with the goal's path", async () => {
    const other = await kit.createFamily('PLAN-3', 1, 0);
    await kit.refused(
      CREATE_PLAN,
      planInput(other.id, other.members[0]!.id, {
        goals: [
          { description: 'Own goal', targetDate: '2026-12-31' },
          { memberId: strangerId, description: 'Not our member', targetDate: '2026-12-31' },
        ],
      }),
      'input.goals[1].memberId',
    );
  });

  it('reports every problem at once', async () => {
    const other = await kit.createFamily('PLAN-4', 1, 0);
    const res = await kit.stack.post(familyDept, CREATE_PLAN, {
      input: planInput(other.id, other.members[0]!.id, { followUpCadenceWeeks: 60, goals: [] }),
    });
    expect(res.errors?.[0]?.extensions?.problems).toEqual([
      expect.objectContaining({ field: 'input.followUpCadenceWeeks' }),
      expect.objectContaining({ field: 'input.goals' }),
    ]);
  });

  it('is written by the family department only, and invisible to another municipality', async () => {
    const other = await kit.createFamily('PLAN-5', 1, 0);
    const res = await kit.stack.post(jobcenter, CREATE_PLAN, { input: planInput(other.id, other.members[0]!.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const far = await kit.stack.post(otherMunicipality, `query($id: ID!) { familyPlan(id: $id) { id } }`, {
      id: planId,
    });
    expect(far.data?.familyPlan).toBeNull();
    await kit.refused(CREATE_PLAN, planInput(familyId, parent.id), 'input.familyId', otherMunicipality);
  });
});

describe('revising the plan', () => {
  let planId: string;
  let workGoal: string;
  let familyGoal: string;

  beforeAll(async () => {
    const { family } = await kit.stack.graph.request(familyDept, FAMILY_PLAN, { id: familyId });
    planId = family.plan.id;
    [workGoal, familyGoal] = family.plan.goals.map((g: { id: string }) => g.id);
  });

  it('writes version 2; version 1 stays readable as it was', async () => {
    const { reviseFamilyPlan: plan } = await kit.stack.graph.request(familyDept, REVISE, {
      input: {
        planId,
        reason: 'Opfølgning: nyt mål for barnet',
        followUpCadenceWeeks: 6,
        goals: [
          { id: workGoal, memberId: parent.id, description: 'Arbejder 20 timer om ugen', targetDate: '2026-12-31' },
          { memberId: child.id, description: 'Går i skole hver dag', targetDate: '2026-10-31' },
        ],
      },
    });
    expect(plan.version).toBe(2);
    expect(plan.followUpCadenceWeeks).toBe(6);
    expect(plan.phases.map((p: { name: string }) => p.name)).toEqual(['Fase 1', 'Fase 2']);
    expect(plan.goals.map((g: any) => [g.id === workGoal, g.description, g.member.id])).toEqual([
      [true, 'Arbejder 20 timer om ugen', parent.id],
      [false, 'Går i skole hver dag', child.id],
    ]);

    const { family } = await kit.stack.graph.request(familyDept, FAMILY_PLAN, { id: familyId });
    const [v1, v2] = family.plan.versions;
    expect(v1).toMatchObject({ version: 1, followUpCadenceWeeks: 8, reason: null });
    expect(v1.goals.map((g: any) => [g.goal.id, g.description])).toEqual([
      [workGoal, 'Arbejder 15 timer om ugen'],
      [familyGoal, 'Familien spiser sammen 5 dage om ugen'],
    ]);
    expect(v2).toMatchObject({ version: 2, followUpCadenceWeeks: 6, reason: 'Opfølgning: nyt mål for barnet' });
    expect(v2.goals.map((g: any) => g.description)).toEqual(['Arbejder 20 timer om ugen', 'Går i skole hver dag']);

    // The goal left out is kept, marked as removed by version 2.
    const [removed] = await queryDatabase(
      kit.stack.databases.family.url,
      'SELECT removed_in_version, description FROM plan_goal WHERE id = $1',
      [familyGoal],
    );
    expect(removed).toEqual({ removed_in_version: 2, description: 'Familien spiser sammen 5 dage om ugen' });
  });

  it('keeps the revision in the family history with the goal wording before and after', async () => {
    const { family } = await kit.stack.graph.request(
      familyDept,
      `query($id: ID!) { family(id: $id) { history(first: 20) { edges { node { operation entity entityId before after reason } } } } }`,
      { id: familyId },
    );
    const changes = family.history.edges.map((e: any) => e.node);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operation: 'REVISE', entity: 'FamilyPlan', entityId: planId }),
        expect.objectContaining({
          operation: 'UPDATE',
          entity: 'PlanGoal',
          entityId: workGoal,
          before: expect.objectContaining({ description: 'Arbejder 15 timer om ugen' }),
          after: expect.objectContaining({ description: 'Arbejder 20 timer om ugen' }),
        }),
        expect.objectContaining({ operation: 'REMOVE', entity: 'PlanGoal', entityId: familyGoal }),
      ]),
    );
  });

  it('refuses unknown goal ids and a goal for another family, writing nothing', async () => {
    await kit.refused(
      REVISE,
      { planId, reason: 'x', goals: [{ id: familyId, description: 'x', targetDate: '2026-12-31' }] },
      'input.goals[0].id',
    );
    await kit.refused(
      REVISE,
      {
        planId,
        reason: 'x',
        goals: [{ id: workGoal, memberId: strangerId, description: 'x', targetDate: '2026-12-31' }],
      },
      'input.goals[0].memberId',
    );
  });

  it('sets a goal status by hand, with its history', async () => {
    const { updateGoalStatus: goal } = await kit.stack.graph.request(familyDept, GOAL_STATUS, {
      input: { goalId: workGoal, status: 'PROGRESSING', note: 'Startet i praktik' },
    });
    expect(goal.status).toBe('PROGRESSING');
    expect(goal.statusChanges).toEqual([
      expect.objectContaining({ from: 'NOT_STARTED', to: 'PROGRESSING', note: 'Startet i praktik', followUp: null }),
    ]);
  });
});

describe('closing the plan', () => {
  it('is refused while an activity runs, then closes; the family can get a new plan', async () => {
    const family = await kit.createFamily('PLAN-CLOSE', 1, 0);
    const member = family.members[0]!.id;
    const { createFamilyPlan: plan } = await kit.stack.graph.request(familyDept, CREATE_PLAN, {
      input: planInput(family.id, member),
    });
    const { addPlanActivity: activity } = await kit.stack.graph.request(familyDept, ADD_ACTIVITY, {
      input: activityInput(plan.id, [member], kit.caseworkers.jobcenter),
    });
    const close = { planId: plan.id, closedOn: '2026-11-01', reason: 'Familien er flyttet' };
    await kit.refused(CLOSE, close, 'input.planId');

    await kit.stack.graph.request(
      familyDept,
      `mutation($input: ChangeActivityStatusInput!) { changeActivityStatus(input: $input) { status } }`,
      { input: { activityId: activity.id, status: 'CANCELLED', reason: 'Familien er flyttet' } },
    );
    await kit.refused(CLOSE, { ...close, closedOn: '2025-12-31' }, 'input.closedOn');
    const { closeFamilyPlan: closed } = await kit.stack.graph.request(familyDept, CLOSE, { input: close });
    expect(closed).toEqual({
      id: plan.id,
      status: 'CLOSED',
      closedOn: '2026-11-01',
      closeReason: 'Familien er flyttet',
      nextFollowUpDue: null,
    });

    const { createFamilyPlan: next } = await kit.stack.graph.request(familyDept, CREATE_PLAN, {
      input: planInput(family.id, member, {
        startsOn: '2026-11-15',
        phases: [],
        goals: [{ description: 'Ny start', targetDate: '2027-06-30' }],
      }),
    });
    const { family: read } = await kit.stack.graph.request(familyDept, FAMILY_PLAN, { id: family.id });
    expect(read.plan.id).toBe(next.id);
    expect(read.plans).toEqual([
      { id: next.id, status: 'OPEN' },
      { id: plan.id, status: 'CLOSED' },
    ]);
  });
});
