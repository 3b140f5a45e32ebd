import { startTestStack, type TestStack } from '@helhed/devstack';
import { identity, queryDatabase } from '@helhed/testing';
import type { Identity } from '@helhed/identity';

/** Shared set-up of the plan, activity, follow-up and assessment tests through the gateway. */

export const admin = identity('FAMILY', { roles: ['ADMIN'] });
export const familyDept = identity('FAMILY');
export const jobcenter = identity('JOBCENTER');
export const health = identity('HEALTH');
export const otherMunicipality = identity('FAMILY', { municipality: '101' });

let serial = 0;
const two = (n: number) => String(n).padStart(2, '0');
/** A valid CPR number never given before in this process: adults born 1960-89, children 2010-19. */
export function newCpr(kind: 'adult' | 'child'): string {
  serial += 1;
  const n = serial;
  const day = two((n % 28) + 1);
  const month = two((Math.floor(n / 28) % 12) + 1);
  const year = kind === 'adult' ? two(60 + (Math.floor(n / 336) % 30)) : two(10 + (Math.floor(n / 336) % 10));
  // The 7th digit gives the century: 0-3 → 1900s; 4 with a year ≤ 36 → 2000s.
  return `${day}${month}${year}${kind === 'adult' ? '0' : '4'}${String(n % 1000).padStart(3, '0')}`;
}

export interface Member {
  id: string;
  firstName: string;
  role: string;
}

export interface PlanKit {
  stack: TestStack;
  caseworkers: { family: string; jobcenter: string; health: string; far: string };
  /** Creates an ACTIVE family of `adults` parents and `children` children. */
  createFamily(caseReference: string, adults?: number, children?: number): Promise<{ id: string; members: Member[] }>;
  /** Runs a mutation that must be refused with BAD_USER_INPUT at `field`, and checks that nothing was written. */
  refused(
    query: string,
    input: Record<string, unknown>,
    field: string,
    who?: Identity,
  ): Promise<{ message: string; extensions?: Record<string, unknown> }>;
  /** Rows in the plan's tables and the history, to show a refused request wrote nothing. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

const TABLES = [
  'assessment',
  'assessment_version',
  'family_plan',
  'family_plan_version',
  'plan_phase',
  'plan_goal',
  'plan_goal_version',
  'goal_status_change',
  'plan_activity',
  'plan_activity_member',
  'follow_up',
  'follow_up_participant',
  'follow_up_goal_progress',
  'change_record',
];

const REGISTER = `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`;

export async function startPlanKit(): Promise<PlanKit> {
  const stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const farAdmin = identity('FAMILY', { roles: ['ADMIN'], municipality: '101' });
  await stack.graph.request(
    farAdmin,
    `mutation { registerMunicipality(input: { code: "101", name: "København" }) { code } }`,
  );
  const register = async (who: Identity, name: string, department: string) =>
    (
      await stack.graph.request(who, REGISTER, {
        input: { name, email: `${name.toLowerCase().replace(/ /g, '.')}@example.dk`, department },
      })
    ).registerCaseworker.id as string;
  const caseworkers = {
    family: await register(admin, 'Fie Familie', 'FAMILY'),
    jobcenter: await register(admin, 'Jens Job', 'JOBCENTER'),
    health: await register(admin, 'Sara Sundhed', 'HEALTH'),
    far: await register(farAdmin, 'Kim København', 'FAMILY'),
  };
  // The callers are the registered caseworkers, on every kit family's team (the team rule).
  familyDept.userId = caseworkers.family;
  jobcenter.userId = caseworkers.jobcenter;
  health.userId = caseworkers.health;

  const rowCounts = async () => {
    const [row] = await queryDatabase(
      stack.databases.family.url,
      `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`,
    );
    return row as Record<string, number>;
  };

  return {
    stack,
    caseworkers,
    rowCounts,
    async createFamily(caseReference, adults = 1, children = 1) {
      const members = [
        ...Array.from({ length: adults }, (_, i) => ({
          cpr: newCpr('adult'),
          firstName: `Parent${i}`,
          lastName: caseReference,
          role: 'PARENT',
        })),
        ...Array.from({ length: children }, (_, i) => ({
          cpr: newCpr('child'),
          firstName: `Child${i}`,
          lastName: caseReference,
          role: 'CHILD',
        })),
      ];
      const { createFamily } = await stack.graph.request(
        familyDept,
        `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id firstName role } } }`,
        { input: { caseReference, enrolmentDate: '2026-01-05', members } },
      );
      for (const caseworkerId of [caseworkers.family, caseworkers.jobcenter, caseworkers.health]) {
        await stack.graph.request(
          familyDept,
          `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
          { input: { familyId: createFamily.id, caseworkerId, from: '2026-01-05' } },
        );
      }
      return createFamily;
    },
    async refused(query, input, field, who = familyDept) {
      const before = await rowCounts();
      const res = await stack.post(who, query, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await rowCounts()).toEqual(before);
      return res.errors![0]!;
    },
    close: () => stack.close(),
  };
}

export const CREATE_PLAN = `mutation($input: CreateFamilyPlanInput!) { createFamilyPlan(input: $input) {
  id version status startsOn nextFollowUpDue goals { id description status member { id } } phases { name startsOn endsOn } } }`;

export const ADD_ACTIVITY = `mutation($input: AddPlanActivityInput!) { addPlanActivity(input: $input) {
  id status hoursPerWeek nextFollowUpDue members { id } goal { id } responsibleCaseworker { id name } } }`;

/** A plan input for a family: two half-year phases, a goal for the first member and one for the family. */
export const planInput = (familyId: string, memberId: string, over: Record<string, unknown> = {}) => ({
  familyId,
  startsOn: '2026-01-01',
  followUpCadenceWeeks: 8,
  phases: [
    { name: 'Fase 1', startsOn: '2026-01-01', endsOn: '2026-06-30', focus: 'Stabilisering' },
    { name: 'Fase 2', startsOn: '2026-07-01', endsOn: '2026-12-31', focus: 'Job og uddannelse' },
  ],
  goals: [
    { memberId, description: 'Arbejder 15 timer om ugen', targetDate: '2026-12-31' },
    { description: 'Familien spiser sammen 5 dage om ugen', targetDate: '2026-06-30' },
  ],
  ...over,
});

/** An activity input: a jobplan activity for one member, responsible caseworker given. */
export const activityInput = (
  planId: string,
  memberIds: string[],
  caseworkerId: string,
  over: Record<string, unknown> = {},
) => ({
  planId,
  department: 'JOBCENTER',
  sectorPlanKind: 'JOBPLAN',
  memberIds,
  offerDescription: 'Virksomhedspraktik i detailhandlen',
  startsOn: '2026-03-02',
  endsOn: '2026-08-28',
  hoursPerWeek: 15,
  responsibleCaseworkerId: caseworkerId,
  followUpCadenceWeeks: 4,
  ...over,
});
