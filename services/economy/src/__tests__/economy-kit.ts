import { startTestStack, type TestStack } from '@helhed/devstack';
import type { Identity } from '@helhed/identity';
import { identity, queryDatabase } from '@helhed/testing';

/** Shared set-up of the economy's gateway tests: the whole graph on fresh databases, municipality 630. */

export const admin = identity('FAMILY', { roles: ['ADMIN'] });
export const familyDept = identity('FAMILY');
export const jobcenter = identity('JOBCENTER');
export const economy = identity('ECONOMY');

let serial = 0;
/** A valid CPR number never given before in this process (adults born 1970-, children 2012-). */
function newCpr(kind: 'adult' | 'child'): string {
  serial += 1;
  const day = String((serial % 28) + 1).padStart(2, '0');
  return `${day}01${kind === 'adult' ? '70' : '12'}${kind === 'adult' ? '0' : '4'}${String(serial).padStart(3, '0')}`;
}

export interface EconomyKit {
  stack: TestStack;
  caseworkers: { family: string; jobcenter: string; lead: string; economy: string };
  lead: Identity;
  /** Creates a family enrolled on `enrolmentDate` with `adults` parents and `children` children; returns member ids. */
  createFamily(
    caseReference: string,
    enrolmentDate: string,
    adults?: number,
    children?: number,
  ): Promise<{ id: string; memberIds: string[] }>;
  /** Opens a plan for the family from 2025-01-01 and returns its id. */
  openPlan(familyId: string, memberId: string): Promise<string>;
  addActivity(input: Record<string, unknown>): Promise<string>;
  benefit(personId: string, type: string, from: string, to: string | null): Promise<string>;
  price(input: Record<string, unknown>): Promise<string>;
  /** Rows of every table of the economy database. */
  rowCounts(): Promise<Record<string, number>>;
  /** Runs an operation as the economy department that must be refused with BAD_USER_INPUT at `field`; nothing written. */
  refused(
    query: string,
    variables: Record<string, unknown>,
    field: string,
    who?: Identity,
  ): Promise<{ message: string }>;
  close(): Promise<void>;
}

export async function startEconomyKit(): Promise<EconomyKit> {
  const stack = await startTestStack();
  const g = <T = any>(who: Identity, query: string, variables: Record<string, unknown> = {}) =>
    stack.graph.request<T>(who, query, variables);
  await g(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const register = async (name: string, department: string, roles?: string[]) =>
    (
      await g(admin, `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`, {
        input: { name, email: `${name.toLowerCase().replace(/ /g, '.')}@example.dk`, department, roles },
      })
    ).registerCaseworker.id as string;
  const caseworkers = {
    family: await register('Fie Familie', 'FAMILY'),
    jobcenter: await register('Jens Job', 'JOBCENTER'),
    lead: await register('Lene Leder', 'FAMILY', ['PROJECT_LEAD']),
    economy: await register('Peter Penge', 'ECONOMY'),
  };
  // The jobcenter and economy callers are registered caseworkers on every kit family's team (the team rule).
  jobcenter.userId = caseworkers.jobcenter;
  economy.userId = caseworkers.economy;
  const economyDb = stack.databases.economy.url;
  const rowCounts = async () => {
    const [row] = await queryDatabase(
      economyDb,
      `SELECT (SELECT count(*) FROM price_catalogue_entry)::int AS prices, (SELECT count(*) FROM cost_entry)::int AS entries, (SELECT count(*) FROM investment_case)::int AS cases, (SELECT count(*) FROM grant_award)::int AS grants, (SELECT count(*) FROM grant_budget_line)::int AS lines, (SELECT count(*) FROM grant_spending)::int AS spending`,
    );
    return row as Record<string, number>;
  };
  return {
    stack,
    caseworkers,
    lead: identity('FAMILY', { userId: caseworkers.lead, roles: ['PROJECT_LEAD'] }),
    rowCounts,
    async createFamily(caseReference, enrolmentDate, adults = 1, children = 1) {
      const members = [
        ...Array.from({ length: adults }, (_, i) => ({
          cpr: newCpr('adult'),
          firstName: `P${i}`,
          lastName: caseReference,
          role: 'PARENT',
        })),
        ...Array.from({ length: children }, (_, i) => ({
          cpr: newCpr('child'),
          firstName: `C${i}`,
          lastName: caseReference,
          role: 'CHILD',
        })),
      ];
      const { createFamily } = await g(
        familyDept,
        `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id firstName } } }`,
        { input: { caseReference, enrolmentDate, members } },
      );
      for (const caseworkerId of [caseworkers.jobcenter, caseworkers.economy]) {
        await g(familyDept, `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`, {
          input: { familyId: createFamily.id, caseworkerId, from: '2020-01-01' },
        });
      }
      const byName = new Map<string, string>(createFamily.members.map((m: any) => [m.firstName, m.id]));
      return { id: createFamily.id, memberIds: members.map((m) => byName.get(m.firstName)!) };
    },
    async openPlan(familyId, memberId) {
      const { createFamilyPlan } = await g(
        familyDept,
        `mutation($input: CreateFamilyPlanInput!) { createFamilyPlan(input: $input) { id } }`,
        {
          input: {
            familyId,
            startsOn: '2025-01-01',
            followUpCadenceWeeks: 8,
            phases: [{ name: 'Fase 1', startsOn: '2025-01-01', endsOn: '2026-12-31', focus: 'Stabilisering' }],
            goals: [{ memberId, description: 'Arbejder 15 timer om ugen', targetDate: '2026-12-31' }],
          },
        },
      );
      return createFamilyPlan.id;
    },
    async addActivity(input) {
      const { addPlanActivity } = await g(
        familyDept,
        `mutation($input: AddPlanActivityInput!) { addPlanActivity(input: $input) { id } }`,
        {
          input: {
            offerDescription: 'Tilbud',
            responsibleCaseworkerId: caseworkers.family,
            followUpCadenceWeeks: 4,
            ...input,
          },
        },
      );
      return addPlanActivity.id;
    },
    async benefit(personId, type, from, to) {
      const { recordBenefitPeriod } = await g(
        jobcenter,
        `mutation($input: RecordBenefitPeriodInput!) { recordBenefitPeriod(input: $input) { id } }`,
        { input: { personId, type, from, to } },
      );
      return recordBenefitPeriod.id;
    },
    async price(input) {
      const { addPriceCatalogueEntry } = await g(
        economy,
        `mutation($input: AddPriceCatalogueEntryInput!) { addPriceCatalogueEntry(input: $input) { id } }`,
        { input },
      );
      return addPriceCatalogueEntry.id;
    },
    async refused(query, variables, field, who = economy) {
      const before = await rowCounts();
      const res = await stack.post(who, query, variables);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await rowCounts()).toEqual(before);
      return res.errors![0]!;
    },
    close: () => stack.close(),
  };
}
