import { startTestStack, type TestStack } from '@helhed/devstack';
import type { Identity } from '@helhed/identity';
import { identity, queryDatabase } from '@helhed/testing';

/** Shared set-up of the jobcenter's gateway tests: the whole graph on fresh databases, municipality 630 with families. */

export const admin = identity('FAMILY', { roles: ['ADMIN'] });
export const familyDept = identity('FAMILY');
export const jobcenter = identity('JOBCENTER');
export const elsewhere = identity('JOBCENTER', { municipality: '101' });

let serial = 0;
/** A CPR number for a person born on `birthDate` (1937-2036), never given before in this process. */
export function cprBornOn(birthDate: string): string {
  serial += 1;
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const yy = y.slice(2);
  const century = Number(y) >= 2000 ? '4' : '0';
  return `${d}${m}${yy}${century}${String(serial % 1000).padStart(3, '0')}`;
}

export interface JobcenterKit {
  stack: TestStack;
  /** Creates a family in 630 whose members are born on the given dates (born before 2007: PARENT, else CHILD), in that order. */
  createFamily(caseReference: string, birthDates: string[]): Promise<{ id: string; memberIds: string[] }>;
  /** Runs a mutation as the jobcenter that must be refused with BAD_USER_INPUT at `field`, and checks nothing was written. */
  refused(
    query: string,
    input: Record<string, unknown>,
    field: string,
    who?: Identity,
  ): Promise<{ message: string; extensions?: Record<string, unknown> }>;
  /** Rows of every table of the employment database. */
  rowCounts(): Promise<Record<string, number>>;
  /** The employment service's history rows of one thing, oldest first. */
  historyOf(entityId: string): Promise<Array<{ entity: string; operation: string; before: any; after: any }>>;
  close(): Promise<void>;
}

export async function startJobcenterKit(): Promise<JobcenterKit> {
  const stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const employmentDb = stack.databases.employment.url;
  // The jobcenter caller is a registered jobcenter caseworker, on every kit family's team (the team rule).
  const { registerCaseworker } = await stack.graph.request(
    admin,
    `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
    { input: { name: 'Jens Job', email: 'jens.job@example.dk', department: 'JOBCENTER' } },
  );
  jobcenter.userId = registerCaseworker.id;

  const rowCounts = async () => {
    const tables = await queryDatabase(
      employmentDb,
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      const [row] = await queryDatabase(employmentDb, `SELECT count(*)::int AS n FROM "${String(table_name)}"`);
      counts[String(table_name)] = row!.n as number;
    }
    return counts;
  };

  return {
    stack,
    rowCounts,
    async createFamily(caseReference, birthDates) {
      const members = birthDates.map((birthDate, i) => ({
        cpr: cprBornOn(birthDate),
        firstName: `Member${i}`,
        lastName: caseReference,
        role: birthDate < '2007-01-01' ? 'PARENT' : 'CHILD',
      }));
      const { createFamily } = await stack.graph.request(
        familyDept,
        `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id firstName } } }`,
        { input: { caseReference, enrolmentDate: '2026-01-05', members } },
      );
      await stack.graph.request(
        familyDept,
        `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
        {
          input: { familyId: createFamily.id, caseworkerId: jobcenter.userId, from: '2026-01-05' },
        },
      );
      const byName = new Map<string, string>(
        createFamily.members.map((m: { id: string; firstName: string }) => [m.firstName, m.id]),
      );
      return { id: createFamily.id, memberIds: members.map((m) => byName.get(m.firstName)!) };
    },
    async refused(query, input, field, who = jobcenter) {
      const before = await rowCounts();
      const res = await stack.post(who, query, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await rowCounts()).toEqual(before);
      return res.errors![0]!;
    },
    historyOf: (entityId) =>
      queryDatabase(
        employmentDb,
        'SELECT entity, operation, before, after FROM change_record WHERE entity_id = $1 ORDER BY id',
        [entityId],
      ) as Promise<Array<{ entity: string; operation: string; before: any; after: any }>>,
    close: () => stack.close(),
  };
}
