import { startTestStack, type TestStack } from '@helhed/devstack';
import type { Identity } from '@helhed/identity';
import { identity, queryDatabase } from '@helhed/testing';

/** Shared set-up of the offer and registration tests through the gateway: a family with a plan. */

export const admin = identity('FAMILY', { roles: ['ADMIN'] });
export const familyDept = identity('FAMILY');
export const jobcenter = identity('JOBCENTER');
export const farJobcenter = identity('JOBCENTER', { municipality: '101' });

const REGISTER = `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`;
const CREATE_FAMILY = `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id role } } }`;
const ASSIGN_TEAM_MEMBER = `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`;
const CREATE_PLAN = `mutation($input: CreateFamilyPlanInput!) { createFamilyPlan(input: $input) { id } }`;
const ADD_ACTIVITY = `mutation($input: AddPlanActivityInput!) { addPlanActivity(input: $input) { id } }`;

export interface EmploymentKit {
  stack: TestStack;
  caseworkers: { jobcenter: string; health: string };
  /** Creates an ACTIVE family; members are given by CPR number (the role follows the list). */
  createFamily(caseReference: string, members: Array<{ cpr: string; role: 'PARENT' | 'CHILD' }>): Promise<string[]>;
  /** Creates the family's plan and returns its id. */
  createPlan(familyId: string, memberId: string): Promise<string>;
  /** Adds an activity (JOBCENTER jobplan by default, 2026-03-02 to 2026-08-28) and returns its id. */
  addActivity(planId: string, memberIds: string[], over?: Record<string, unknown>): Promise<string>;
  /** Runs a mutation that must be refused with BAD_USER_INPUT at `field`, and checks nothing was written. */
  refused(query: string, input: Record<string, unknown>, field: string, who?: Identity): Promise<string>;
  /** Row counts of the employment database's tables. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

const TABLES = [
  'offer_participation',
  'offer_attendance_week',
  'employment_registration_confirmation',
  'change_record',
];

export async function startEmploymentKit(): Promise<EmploymentKit> {
  const stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const register = async (name: string, department: string) =>
    (
      await stack.graph.request(admin, REGISTER, {
        input: { name, email: `${name.toLowerCase().replace(/ /g, '.')}@example.dk`, department },
      })
    ).registerCaseworker.id as string;
  const caseworkers = {
    jobcenter: await register('Jens Job', 'JOBCENTER'),
    health: await register('Sara Sundhed', 'HEALTH'),
  };
  // The jobcenter caller is the registered jobcenter caseworker, on every kit family's team (the team rule).
  jobcenter.userId = caseworkers.jobcenter;

  const rowCounts = async () => {
    const tables = await queryDatabase(
      stack.databases.employment.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)`,
      [TABLES],
    );
    const names = tables.map((t) => t.table_name as string);
    const [row] = await queryDatabase(
      stack.databases.employment.url,
      `SELECT ${names.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`,
    );
    return row as Record<string, number>;
  };

  return {
    stack,
    caseworkers,
    rowCounts,
    async createFamily(caseReference, members) {
      const { createFamily } = await stack.graph.request(familyDept, CREATE_FAMILY, {
        input: {
          caseReference,
          enrolmentDate: '2026-01-05',
          members: members.map((m, i) => ({ ...m, firstName: `${m.role}${i}`, lastName: caseReference })),
        },
      });
      await stack.graph.request(familyDept, ASSIGN_TEAM_MEMBER, {
        input: { familyId: createFamily.id, caseworkerId: caseworkers.jobcenter, from: '2026-01-05' },
      });
      return [createFamily.id, ...createFamily.members.map((m: { id: string }) => m.id)];
    },
    async createPlan(familyId, memberId) {
      const { createFamilyPlan } = await stack.graph.request(familyDept, CREATE_PLAN, {
        input: {
          familyId,
          startsOn: '2026-01-01',
          followUpCadenceWeeks: 8,
          phases: [{ name: 'Fase 1', startsOn: '2026-01-01', endsOn: '2026-12-31', focus: 'Job' }],
          goals: [{ memberId, description: 'Arbejder 15 timer om ugen', targetDate: '2026-12-31' }],
        },
      });
      return createFamilyPlan.id;
    },
    async addActivity(planId, memberIds, over = {}) {
      const { addPlanActivity } = await stack.graph.request(familyDept, ADD_ACTIVITY, {
        input: {
          planId,
          department: 'JOBCENTER',
          sectorPlanKind: 'JOBPLAN',
          memberIds,
          offerDescription: 'Virksomhedspraktik i detailhandlen',
          startsOn: '2026-03-02',
          endsOn: '2026-08-28',
          hoursPerWeek: 15,
          responsibleCaseworkerId: caseworkers.jobcenter,
          followUpCadenceWeeks: 4,
          ...over,
        },
      });
      return addPlanActivity.id;
    },
    async refused(query, input, field, who = jobcenter) {
      const before = await rowCounts();
      const res = await stack.post(who, query, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await rowCounts()).toEqual(before);
      return res.errors![0]!.message;
    },
    close: () => stack.close(),
  };
}
