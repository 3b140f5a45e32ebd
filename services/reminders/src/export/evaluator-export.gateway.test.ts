import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoCaseworker, loadDemoData, loadDemoRegistrations, startTestStack, type TestStack } from '@helhed/devstack';
import { TEST_SECRETS, identity, now, queryDatabase, useClock } from '@helhed/testing';
import { eventually, FixtureDueSource, silentLogger, testConfig } from '../__tests__/harness';
import { enqueueEvaluatorExport, exportJobId } from '../queue/reminders-queue';
import { startRemindersWorker, type RunningRemindersWorker } from '../service';

/**
 * The evaluators' export end to end: the request through the gateway (the
 * notifications subgraph), the background job reading the pseudonymised dataset
 * through the gateway as the requester, the CSV, on the demo data.
 */
jest.setTimeout(180_000);

let stack: TestStack;
let worker: RunningRemindersWorker;
let projectA: string;
let projectB: string;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const lead = identity('FAMILY', { userId: 'lead-lars', roles: ['PROJECT_LEAD'] });
const monitor = identity('FAMILY', { userId: 'monitor-mia', municipality: '630', roles: ['NATIONAL_MONITOR'] });
const caseworker = identity('FAMILY', { userId: 'cw-anne' });
const otherLead = identity('FAMILY', { userId: 'lead-other', municipality: '851', roles: ['PROJECT_LEAD'] });

/** Every name and CPR number the demo seeds. */
const demo = readFileSync(
  join(__dirname, '..', '..', '..', '..', 'packages', 'devstack', 'src', 'demo-data.ts'),
  'utf8',
);
const seededCprs = [...demo.matchAll(/cpr: '(\d{10})'/g)].map((m) => m[1]!);
const seededNames = [...demo.matchAll(/(?:firstName|lastName): '([^']+)'/g)].map((m) => m[1]!);
const caseReferences = [...demo.matchAll(/caseReference: '([^']+)'/g)].map((m) => m[1]!);

const REQUEST = `mutation($p: ID!, $from: YearMonth!, $to: YearMonth!) {
  requestEvaluatorExport(projectId: $p, from: $from, to: $to) { id status projectId from to createdAt } }`;
const RESULT = `query($id: ID!) { evaluatorExport(id: $id) { id status rowCount csv error createdAt completedAt expiredAt } }`;

type Export = {
  id: string;
  status: string;
  rowCount: number | null;
  csv: string | null;
  error: string | null;
  completedAt?: string | null;
};

async function exportOf(who: typeof lead, projectId: string, from: string, to: string): Promise<Export> {
  const { requestEvaluatorExport: r } = await stack.graph.request(who, REQUEST, { p: projectId, from, to });
  expect(r.status).toBe('QUEUED');
  return eventually(async () => {
    const { evaluatorExport: e } = await stack.graph.request(who, RESULT, { id: r.id });
    return e.status === 'DONE' || e.status === 'FAILED' ? (e as Export) : undefined;
  }, 60_000);
}

const parse = (csv: string) => {
  const [header, ...lines] = csv.trimEnd().split('\r\n');
  const columns = header!.split(',');
  return {
    columns,
    rows: lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v]))),
  };
};

// The demo data is written for a day in December 2026 (teams from 1 November, follow-ups due since): the clock
// is pinned there, so the file passes whatever day it runs.
useClock('2026-12-07T10:00:00+01:00');

beforeAll(async () => {
  stack = await startTestStack();
  await loadDemoData(stack.graph);
  await loadDemoRegistrations(stack.graph);
  const { projects } = await stack.graph.request(admin, `{ projects(first: 10) { edges { node { id } } } }`);
  projectA = projects.edges[0].node.id;
  // The jobcenter confirms Mette's May (the demo has no confirmed jobcenter months).
  const { familyByCaseReference: jensen } = await stack.graph.request(
    await demoCaseworker(stack.graph, 'FAMILY'),
    `{ familyByCaseReference(caseReference: "VEJ-2026-0001") { members { id firstName } } }`,
  );
  const mette = jensen.members.find((m: { firstName: string }) => m.firstName === 'Mette').id;
  await stack.graph.request(
    await demoCaseworker(stack.graph, 'JOBCENTER'),
    `mutation($input: ConfirmEmploymentRegistrationInput!) { confirmEmploymentRegistration(input: $input) { complete } }`,
    { input: { personId: mette, month: '2026-05', corrections: { inWork: 'PARTLY', hoursWorkedPerWeek: 20 } } },
  );
  // The Hassan family moves from project A to project B at the end of August.
  const { familyByCaseReference: hassan } = await stack.graph.request(
    await demoCaseworker(stack.graph, 'FAMILY'),
    `{ familyByCaseReference(caseReference: "VEJ-2026-0002") { id projectEnrolments { id } } }`,
  );
  await stack.graph.request(
    admin,
    `mutation($input: EndProjectEnrolmentInput!) { endProjectEnrolment(input: $input) { id } }`,
    { input: { enrolmentId: hassan.projectEnrolments[0].id, endedOn: '2026-08-31', reason: 'Moved to project B' } },
  );
  const { registerCaseworker: leadB } = await stack.graph.request(
    admin,
    `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
    { input: { name: 'Bo Leder', email: 'bo.leder@example.dk', department: 'FAMILY', roles: ['PROJECT_LEAD'] } },
  );
  const { createProject } = await stack.graph.request(
    admin,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        name: 'Project B',
        startsOn: '2026-09-01',
        endsOn: '2027-12-31',
        projectLeadId: leadB.id,
        targetFamilyCount: 5,
      },
    },
  );
  projectB = createProject.id;
  await stack.graph.request(
    admin,
    `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`,
    { input: { projectId: projectB, familyId: hassan.id, enrolledOn: '2026-09-01' } },
  );
  worker = await startRemindersWorker(
    testConfig({
      DATABASE_URL: stack.remindersDatabase.url,
      GATEWAY_URL: stack.gatewayUrl,
      JWT_ISSUER: 'helhed-test',
      JWT_AUDIENCE: 'helhed',
      JWT_SECRET: TEST_SECRETS.jwt,
    }),
    { logger: silentLogger(), dueSource: new FixtureDueSource(), reconcileAtStart: false, retryDelayMs: 100 },
  );
});

afterAll(async () => {
  await worker?.close();
  await stack?.close();
});

describe("the evaluators' export", () => {
  let csvA: string;

  it('gives a project lead a CSV with one row per person-month and every department’s indicators', async () => {
    const e = await exportOf(lead, projectA, '2026-03', '2026-10');
    expect(e).toMatchObject({ status: 'DONE', error: null });
    csvA = e.csv!;
    const { columns, rows } = parse(csvA);
    expect(columns.slice(0, 6)).toEqual(['pseudonym', 'family_pseudonym', 'birth_year', 'sex', 'role', 'month']);
    // Jensen (3 members) March-October, Hassan (5 members) June-August.
    expect(rows).toHaveLength(3 * 8 + 5 * 3);
    expect(e.rowCount).toBe(rows.length);
    expect(columns).toEqual(expect.arrayContaining(['vum_network', 'ics_health', 'sdq_total_difficulties']));
    expect(columns).toEqual(expect.arrayContaining(['in_work', 'hours_worked_per_week', 'who5_index']));
    const metteMay = rows.find((r) => r.birth_year === '1988' && r.month === '2026-05')!;
    expect(metteMay).toMatchObject({ sex: 'FEMALE', role: 'PARENT', vum_network: '2', in_work: '1' });
    expect(metteMay.hours_worked_per_week).toBe('20');
    expect(Number(metteMay.who5_index)).toBeGreaterThan(0);
  });

  it('holds no CPR number, name, case reference or person id', async () => {
    const { columns, rows } = parse(csvA);
    for (const row of rows) {
      expect(row.pseudonym).toMatch(/^[0-9a-f]{64}$/);
      expect(row.family_pseudonym).toMatch(/^[0-9a-f]{64}$/);
      expect(row.birth_year).toMatch(/^\d{4}$/);
      expect(['FEMALE', 'MALE']).toContain(row.sex);
      expect(['PARENT', 'CHILD', 'OTHER_ADULT']).toContain(row.role);
      expect(row.month).toMatch(/^\d{4}-\d{2}$/);
      // Every indicator cell is a number or empty: nothing else can hide in the file.
      for (const column of columns.slice(6)) expect(row[column]).toMatch(/^(-?\d+(\.\d+)?)?$/);
    }
    for (const cpr of seededCprs) {
      expect(csvA).not.toContain(cpr);
      expect(csvA).not.toContain(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
    }
    for (const name of [...seededNames, ...caseReferences]) expect(csvA).not.toContain(name);
    expect(seededCprs.length).toBeGreaterThanOrEqual(10);
  });

  it('keeps pseudonyms stable within a project and different across projects', async () => {
    const { rows: a } = parse(csvA);
    const again = parse((await exportOf(monitor, projectA, '2026-06', '2026-08')).csv!).rows;
    const persons = (rows: typeof a) =>
      new Set(rows.filter((r) => r.month >= '2026-06' && r.month <= '2026-08').map((r) => r.pseudonym));
    expect(persons(again)).toEqual(persons(a));
    // Each pseudonym in A stands for one birth year and sex across its months.
    for (const p of new Set(a.map((r) => r.pseudonym))) {
      expect(new Set(a.filter((r) => r.pseudonym === p).map((r) => `${r.birth_year}${r.sex}`)).size).toBe(1);
    }
    const b = parse((await exportOf(lead, projectB, '2026-09', '2026-10')).csv!).rows;
    expect(b).toHaveLength(5 * 2);
    const hassanInA = a.filter((r) => r.month === '2026-08');
    expect(new Set(b.map((r) => `${r.birth_year}${r.sex}${r.role}`))).toEqual(
      new Set(
        hassanInA
          .filter((r) => !['1988', '2012', '2016'].includes(r.birth_year))
          .map((r) => `${r.birth_year}${r.sex}${r.role}`),
      ),
    );
    for (const r of b) {
      expect(a.map((x) => x.pseudonym)).not.toContain(r.pseudonym);
      expect(a.map((x) => x.family_pseudonym)).not.toContain(r.family_pseudonym);
    }
  });

  it('is refused for a caseworker, and a project lead of another municipality gets a FAILED export', async () => {
    const refused = await stack.post(caseworker, REQUEST, { p: projectA, from: '2026-03', to: '2026-04' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const direct = await stack.post(
      caseworker,
      `query($p: ID!) { evaluatorDataset(projectId: $p, from: "2026-03", to: "2026-04") { rows { pseudonym } } }`,
      { p: projectA },
    );
    expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await exportOf(otherLead, projectA, '2026-03', '2026-04');
    expect(other).toMatchObject({ status: 'FAILED', csv: null, rowCount: null });
  });

  it('records every request (who, when, project, months) and the health export in the audit log', async () => {
    const requests = await queryDatabase(
      stack.remindersDatabase.url,
      `SELECT requested_by AS "by", project_id AS "project", from_month AS "from", to_month AS "to", status
         FROM evaluator_export ORDER BY created_at`,
    );
    expect(requests).toEqual([
      { by: 'lead-lars', project: projectA, from: '2026-03', to: '2026-10', status: 'DONE' },
      { by: 'monitor-mia', project: projectA, from: '2026-06', to: '2026-08', status: 'DONE' },
      { by: 'lead-lars', project: projectB, from: '2026-09', to: '2026-10', status: 'DONE' },
      { by: 'lead-other', project: projectA, from: '2026-03', to: '2026-04', status: 'FAILED' },
    ]);
    const exported = await queryDatabase(
      stack.databases.health.url,
      `SELECT count(DISTINCT person_id)::int AS n FROM audit_event WHERE operation = 'EXPORT'`,
    );
    expect(exported[0]!.n).toBe(8);
  });

  it('shows an export only to its requester', async () => {
    const [row] = await queryDatabase(stack.remindersDatabase.url, `SELECT id FROM evaluator_export LIMIT 1`);
    const { evaluatorExport } = await stack.graph.request(
      identity('FAMILY', { userId: 'someone', roles: ['PROJECT_LEAD'] }),
      RESULT,
      { id: row!.id },
    );
    expect(evaluatorExport).toBeNull();
  });

  it('runs an export whose enqueue failed after its row was written: the reconciliation queues it again, once', async () => {
    // The row as requestEvaluatorExport writes it, with no job (Redis was away when it tried to queue it).
    const [row] = await queryDatabase(
      stack.remindersDatabase.url,
      `INSERT INTO evaluator_export (requested_by, municipality_code, department, roles, project_id, from_month, to_month)
       VALUES ('lead-lars', '630', 'FAMILY', '{PROJECT_LEAD}', $1, '2026-03', '2026-04') RETURNING id`,
      [projectA],
    );
    const id = row!.id as string;
    expect(await worker.queue.getJob(exportJobId(id))).toBeUndefined();
    const first = await worker.reconcile();
    const second = await worker.reconcile();
    expect(first.exports!.requeued).toBeGreaterThanOrEqual(1);
    expect(second.exports!.requeued).toBeLessThanOrEqual(first.exports!.requeued);
    const done = await eventually(async () => {
      const { evaluatorExport: e } = await stack.graph.request(lead, RESULT, { id });
      return e.status === 'DONE' ? (e as Export) : undefined;
    }, 60_000);
    expect(done.rowCount).toBe(3 * 2);
    // Queued again after it is done (a duplicated job): PostgreSQL says it is finished, so nothing changes.
    await enqueueEvaluatorExport(worker.queue, id);
    await eventually(async () => ((await worker.queue.getJob(exportJobId(id)))?.returnvalue ? true : undefined));
    expect((await worker.queue.getJob(exportJobId(id)))!.returnvalue).toMatchObject({ status: 'SKIPPED' });
    const { evaluatorExport: after } = await stack.graph.request(lead, RESULT, { id });
    expect(after).toMatchObject({ status: 'DONE', completedAt: done.completedAt, csv: done.csv });
    expect((await worker.reconcile()).exports!.requeued).toBe(0);
  });

  it('exports a former member for the months they were a member', async () => {
    // The family caseworker on the Jensen family's team (the demo's Anne) records the move.
    const familyWorker = await demoCaseworker(stack.graph, 'FAMILY');
    const { familyByCaseReference: jensen } = await stack.graph.request(
      familyWorker,
      `{ familyByCaseReference(caseReference: "VEJ-2026-0001") { members { id firstName } } }`,
    );
    const emil = jensen.members.find((m: { firstName: string }) => m.firstName === 'Emil').id;
    await stack.graph.request(
      familyWorker,
      `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedOn } }`,
      { input: { personId: emil, removedOn: '2026-05-15', reason: 'Flyttet til sin far' } },
    );
    const e = await exportOf(lead, projectA, '2026-03', '2026-10');
    const { rows } = parse(e.csv!);
    // Emil (born 2012) left in May: March, April and May stay; Mette and Freja keep every month.
    expect(rows.filter((r) => r.birth_year === '2012').map((r) => r.month)).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(rows).toHaveLength(3 + 2 * 8 + 5 * 3);
  });

  it('deletes a CSV after the retention days and marks the export EXPIRED; a newer one stays', async () => {
    const done = await queryDatabase(
      stack.remindersDatabase.url,
      `SELECT id FROM evaluator_export WHERE status = 'DONE' AND requested_by = 'lead-lars' ORDER BY created_at`,
    );
    const [oldest, newest] = [done[0]!, done.at(-1)!];
    // Done 31 days ago by the platform's clock (which the retention is reckoned by): past the default 30 days.
    await queryDatabase(
      stack.remindersDatabase.url,
      `UPDATE evaluator_export SET completed_at = $2::timestamptz - interval '31 days' WHERE id = $1`,
      [oldest.id, now()],
    );
    const result = await worker.reconcile();
    expect(result.exports!.expired).toBe(1);
    const { evaluatorExport: expired } = await stack.graph.request(lead, RESULT, { id: oldest.id });
    expect(expired).toMatchObject({ status: 'EXPIRED', csv: null });
    expect(expired.expiredAt).not.toBeNull();
    const [stored] = await queryDatabase(
      stack.remindersDatabase.url,
      `SELECT csv, row_count AS "rowCount", requested_by AS "by" FROM evaluator_export WHERE id = $1`,
      [oldest.id],
    );
    // The CSV is gone; the request stays as the audit record.
    expect(stored).toMatchObject({ csv: null, by: 'lead-lars' });
    const { evaluatorExport: kept } = await stack.graph.request(lead, RESULT, { id: newest.id });
    expect(kept.status).toBe('DONE');
    expect(kept.csv).toContain('pseudonym,family_pseudonym');
    expect((await worker.reconcile()).exports!.expired).toBe(0);
  });
});
