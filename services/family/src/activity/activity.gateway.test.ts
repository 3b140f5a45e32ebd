import { gatewayHeaders, postGraphQL, queryDatabase } from '@helhed/testing';
import {
  ADD_ACTIVITY,
  CREATE_PLAN,
  activityInput,
  familyDept,
  health,
  jobcenter,
  otherMunicipality,
  planInput,
  startPlanKit,
  type Member,
  type PlanKit,
} from '../plan/__tests__/plan-kit';

/** Plan activities and the sector-plan view, through the gateway on real databases. */
let kit: PlanKit;
let familyId: string;
let parent: Member;
let child: Member;
let planId: string;
let workGoal: string;
let otherPlanGoal: string;
let strangerId: string;

const UPDATE = `mutation($input: UpdatePlanActivityInput!) { updatePlanActivity(input: $input) {
  id hoursPerWeek endsOn members { id } goal { id } changes { operation by before after reason } } }`;
const STATUS = `mutation($input: ChangeActivityStatusInput!) { changeActivityStatus(input: $input) {
  id status statusReason nextFollowUpDue } }`;
const SECTOR_PLAN = `query($id: ID!, $kind: SectorPlanKind!) { person(id: $id) { sectorPlan(kind: $kind) {
  kind person { id } plan { id } activities { id offerDescription sectorPlanKind department } goals { id description } } } }`;

beforeAll(async () => {
  kit = await startPlanKit();
  const family = await kit.createFamily('ACT-1', 1, 1);
  familyId = family.id;
  [parent, child] = family.members as [Member, Member];
  const { createFamilyPlan: plan } = await kit.stack.graph.request(familyDept, CREATE_PLAN, {
    input: planInput(familyId, parent.id),
  });
  planId = plan.id;
  workGoal = plan.goals[0].id;

  const other = await kit.createFamily('ACT-OTHER', 1, 0);
  strangerId = other.members[0]!.id;
  const { createFamilyPlan: otherPlan } = await kit.stack.graph.request(familyDept, CREATE_PLAN, {
    input: planInput(other.id, strangerId),
  });
  otherPlanGoal = otherPlan.goals[0].id;
});

afterAll(async () => {
  await kit?.close();
});

describe('adding activities', () => {
  it('adds a jobcenter activity to the plan: PLANNED, due a cadence after its start', async () => {
    const { addPlanActivity: activity } = await kit.stack.graph.request(jobcenter, ADD_ACTIVITY, {
      input: activityInput(planId, [parent.id], kit.caseworkers.jobcenter, { goalId: workGoal, hoursPerWeek: 7.5 }),
    });
    expect(activity).toMatchObject({
      status: 'PLANNED',
      hoursPerWeek: 7.5,
      nextFollowUpDue: '2026-03-30',
      members: [{ id: parent.id }],
      goal: { id: workGoal },
      responsibleCaseworker: { id: kit.caseworkers.jobcenter, name: 'Jens Job' },
    });
    const [row] = await queryDatabase(
      kit.stack.databases.family.url,
      'SELECT hours_per_week FROM plan_activity WHERE id = $1',
      [activity.id],
    );
    expect(row).toEqual({ hours_per_week: '7.5' });
  });

  it('lets the family department add any department activity, another department only its own', async () => {
    await kit.stack.graph.request(familyDept, ADD_ACTIVITY, {
      input: activityInput(planId, [child.id], kit.caseworkers.health, {
        department: 'HEALTH',
        sectorPlanKind: 'BEHANDLINGSPLAN',
        offerDescription: 'Samtaleforløb hos børnepsykolog',
      }),
    });
    const res = await kit.stack.post(jobcenter, ADD_ACTIVITY, {
      input: activityInput(planId, [child.id], kit.caseworkers.family, {
        department: 'FAMILY',
        sectorPlanKind: 'HANDLEPLAN',
      }),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an end before the start', async () => {
    await kit.refused(
      ADD_ACTIVITY,
      activityInput(planId, [parent.id], kit.caseworkers.jobcenter, { startsOn: '2026-05-01', endsOn: '2026-04-30' }),
      'input.endsOn',
      jobcenter,
    );
  });

  it('refuses hours outside 0-60', async () => {
    for (const hoursPerWeek of [60.5, -1]) {
      await kit.refused(
        ADD_ACTIVITY,
        activityInput(planId, [parent.id], kit.caseworkers.jobcenter, { hoursPerWeek }),
        'input.hoursPerWeek',
        jobcenter,
      );
    }
  });

  it("refuses another family's member, with the member's path", async () => {
    await kit.refused(
      ADD_ACTIVITY,
      activityInput(planId, [parent.id, strangerId], kit.caseworkers.jobcenter),
      'input.memberIds[1]',
      jobcenter,
    );
  });

  it("refuses another plan's goal, a caseworker of another municipality, and a jobplan made by health", async () => {
    await kit.refused(
      ADD_ACTIVITY,
      activityInput(planId, [parent.id], kit.caseworkers.jobcenter, { goalId: otherPlanGoal }),
      'input.goalId',
      jobcenter,
    );
    await kit.refused(
      ADD_ACTIVITY,
      activityInput(planId, [parent.id], kit.caseworkers.far),
      'input.responsibleCaseworkerId',
      jobcenter,
    );
    await kit.refused(
      ADD_ACTIVITY,
      activityInput(planId, [parent.id], kit.caseworkers.health, { department: 'HEALTH' }),
      'input.sectorPlanKind',
      health,
    );
  });

  it('does not exist for another municipality, neither by id nor as a plan to add to', async () => {
    const { family } = await kit.stack.graph.request(
      familyDept,
      `query($id: ID!) { family(id: $id) { plan { activities { id } } } }`,
      {
        id: familyId,
      },
    );
    const res = await kit.stack.post(otherMunicipality, `query($id: ID!) { planActivity(id: $id) { id } }`, {
      id: family.plan.activities[0].id,
    });
    expect(res.data?.planActivity).toBeNull();
    await kit.refused(
      ADD_ACTIVITY,
      activityInput(planId, [parent.id], kit.caseworkers.far, { department: 'FAMILY', sectorPlanKind: 'OTHER' }),
      'input.planId',
      otherMunicipality,
    );
  });
});

describe('changing an activity', () => {
  let activityId: string;

  beforeAll(async () => {
    const { addPlanActivity } = await kit.stack.graph.request(jobcenter, ADD_ACTIVITY, {
      input: activityInput(planId, [parent.id], kit.caseworkers.jobcenter, { offerDescription: 'Mentorforløb' }),
    });
    activityId = addPlanActivity.id;
  });

  it('keeps each change with what it was before', async () => {
    const { updatePlanActivity: first } = await kit.stack.graph.request(jobcenter, UPDATE, {
      input: { activityId, hoursPerWeek: 10, endsOn: null, goalId: workGoal, reason: 'Flere timer' },
    });
    expect(first).toMatchObject({ hoursPerWeek: 10, endsOn: null, goal: { id: workGoal } });
    const { updatePlanActivity: second } = await kit.stack.graph.request(jobcenter, UPDATE, {
      input: { activityId, memberIds: [child.id], reason: 'Barnet er med' },
    });
    expect(second.members).toEqual([{ id: child.id }]);
    expect(second.changes.map((c: any) => [c.operation, c.reason])).toEqual([
      ['UPDATE', 'Barnet er med'],
      ['UPDATE', 'Flere timer'],
      ['CREATE', null],
    ]);
    const [latest, earlier] = second.changes;
    expect(latest.before.memberIds).toEqual([parent.id]);
    expect(latest.after.memberIds).toEqual([child.id]);
    expect(earlier.before).toMatchObject({ hoursPerWeek: 15, endsOn: '2026-08-28', goalId: null });
    expect(earlier.after).toMatchObject({ hoursPerWeek: 10, endsOn: null, goalId: workGoal });
    expect(latest.by).toBe(jobcenter.userId);

    // The member who left the activity is ended, not deleted.
    const links = await queryDatabase(
      kit.stack.databases.family.url,
      'SELECT person_id, removed_at IS NOT NULL AS ended FROM plan_activity_member WHERE activity_id = $1 ORDER BY id',
      [activityId],
    );
    expect(links).toEqual([
      { person_id: parent.id, ended: true },
      { person_id: child.id, ended: false },
    ]);
  });

  it('refuses a change that breaks a rule, writing nothing', async () => {
    await kit.refused(UPDATE, { activityId, hoursPerWeek: 61 }, 'input.hoursPerWeek', jobcenter);
    await kit.refused(UPDATE, { activityId, startsOn: '2027-01-01', endsOn: '2026-12-31' }, 'input.endsOn', jobcenter);
    await kit.refused(UPDATE, { activityId, memberIds: [strangerId] }, 'input.memberIds[0]', jobcenter);
  });

  it('needs a reason to cancel; a cancelled activity has no follow-up due and is final', async () => {
    await kit.refused(STATUS, { activityId, status: 'CANCELLED' }, 'input.reason', jobcenter);
    await kit.refused(STATUS, { activityId, status: 'COMPLETED' }, 'input.status', jobcenter);
    const { changeActivityStatus: active } = await kit.stack.graph.request(jobcenter, STATUS, {
      input: { activityId, status: 'ACTIVE' },
    });
    expect(active).toMatchObject({ status: 'ACTIVE', nextFollowUpDue: '2026-03-30' });
    const { changeActivityStatus: cancelled } = await kit.stack.graph.request(jobcenter, STATUS, {
      input: { activityId, status: 'CANCELLED', reason: 'Sygdom' },
    });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', statusReason: 'Sygdom', nextFollowUpDue: null });
    await kit.refused(STATUS, { activityId, status: 'ACTIVE' }, 'input.status', jobcenter);
    await kit.refused(UPDATE, { activityId, hoursPerWeek: 5 }, 'input.activityId', jobcenter);
  });
});

describe('the sector-plan view', () => {
  it("shows a parent's jobplan as the parent's jobplan activities of the one plan, with the goals they serve", async () => {
    const { person } = await kit.stack.graph.request(jobcenter, SECTOR_PLAN, { id: parent.id, kind: 'JOBPLAN' });
    const plan = person.sectorPlan;
    expect(plan.kind).toBe('JOBPLAN');
    expect(plan.plan).toEqual({ id: planId });
    expect(plan.activities.every((a: any) => a.sectorPlanKind === 'JOBPLAN' && a.department === 'JOBCENTER')).toBe(
      true,
    );
    // The praktik (for the parent) — not the mentor activity, which now concerns the child.
    expect(plan.activities.map((a: any) => a.offerDescription)).toEqual(['Virksomhedspraktik i detailhandlen']);
    expect(plan.goals).toEqual([{ id: workGoal, description: 'Arbejder 15 timer om ugen' }]);

    const rows = await queryDatabase(
      kit.stack.databases.family.url,
      'SELECT count(*)::int AS n FROM family_plan WHERE family_id = $1',
      [familyId],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("shows the child's behandlingsplan, and an empty jobplan for the child", async () => {
    const { person: treatment } = await kit.stack.graph.request(familyDept, SECTOR_PLAN, {
      id: child.id,
      kind: 'BEHANDLINGSPLAN',
    });
    expect(treatment.sectorPlan.activities.map((a: any) => a.offerDescription)).toEqual([
      'Samtaleforløb hos børnepsykolog',
    ]);
    expect(treatment.sectorPlan.goals).toEqual([]);
    const { person: job } = await kit.stack.graph.request(familyDept, SECTOR_PLAN, { id: child.id, kind: 'JOBPLAN' });
    expect(job.sectorPlan.activities.map((a: any) => a.offerDescription)).toEqual(['Mentorforløb']);
  });

  it('is empty with no plan when the family has no open plan', async () => {
    const lone = await kit.createFamily('ACT-NOPLAN', 1, 0);
    const { person } = await kit.stack.graph.request(familyDept, SECTOR_PLAN, {
      id: lone.members[0]!.id,
      kind: 'JOBPLAN',
    });
    expect(person.sectorPlan).toEqual({
      kind: 'JOBPLAN',
      person: { id: lone.members[0]!.id },
      plan: null,
      activities: [],
      goals: [],
    });
  });
});

describe('PlanActivity as an entity', () => {
  it('resolves references for other subgraphs, batched, and only within the caller municipality', async () => {
    const { family } = await kit.stack.graph.request(
      familyDept,
      `query($id: ID!) { family(id: $id) { plan { activities { id } } } }`,
      {
        id: familyId,
      },
    );
    const representations = family.plan.activities.map((a: { id: string }) => ({
      __typename: 'PlanActivity',
      id: a.id,
    }));
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PlanActivity { id offerDescription } } }`;
    const own = await postGraphQL(
      kit.stack.subgraphs.family.url,
      query,
      { r: representations },
      await gatewayHeaders(familyDept),
    );
    expect(own.data?._entities.map((e: { id: string }) => e.id)).toEqual(
      representations.map((r: { id: string }) => r.id),
    );
    const far = await postGraphQL(
      kit.stack.subgraphs.family.url,
      query,
      { r: representations },
      await gatewayHeaders(otherMunicipality),
    );
    expect(far.data?._entities.every((e: unknown) => e === null)).toBe(true);
  });
});
