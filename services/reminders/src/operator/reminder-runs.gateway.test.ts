import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { addBusinessDays, addDays, isBusinessDay, nextMonth, nthBusinessDayOfMonth, today } from '@helhed/calendar';
import { startTestStack, type TestStack } from '@helhed/devstack';
import {
  TEST_SECRETS,
  declareMailScope,
  findCprNumbers,
  identity,
  queryDatabase,
  readableMail,
  startSmtpCapture,
  type SmtpCapture,
} from '@helhed/testing';
import { runReminderCommand } from './command';

/**
 * An operator's run of a day's reminders, through the gateway and the CLI, in
 * a municipality with two projects, each with its own project lead and
 * family: each lead's registration overview names only their own project's
 * family (never the other project's case reference nor its caseworker), a
 * preview writes nothing and names no citizen, a send writes and sends the
 * day's digests once, and bad input is refused before anything is written.
 */
jest.setTimeout(180_000);

const tag = randomBytes(3).toString('hex');
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const familyDept = identity('FAMILY');

/** March of a past month: the month before last, its deadline and the business day after it (the overview's day). */
const month = (() => {
  const [y, m] = today().slice(0, 7).split('-').map(Number) as [number, number];
  const back = new Date(Date.UTC(y, m - 3, 1));
  return back.toISOString().slice(0, 7);
})();
const deadline = nthBusinessDayOfMonth(nextMonth(month), 5);
const day = addBusinessDays(deadline, 1);
const enrolledOn = `${month}-01`;

let stack: TestStack;
let smtp: SmtpCapture;
const north = { ref: `NORD-${tag}`, lead: '', caseworker: `Rådgiver Nordstrand ${tag}`, leadEmail: '' };
const south = { ref: `SYD-${tag}`, lead: '', caseworker: `Rådgiver Sydhavn ${tag}`, leadEmail: '' };

const register = async (name: string, email: string, roles: string[] = ['CASEWORKER']) =>
  (
    await stack.graph.request<{ registerCaseworker: { id: string } }>(
      admin,
      `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
      { input: { name, email, department: 'FAMILY', roles } },
    )
  ).registerCaseworker.id;

async function projectWithFamily(
  side: typeof north,
  leadName: string,
  members: Array<{ cpr: string; firstName: string; lastName: string; role: string }>,
) {
  side.leadEmail = `${leadName.toLowerCase().replace(/ /g, '.')}.${tag}@example.dk`;
  side.lead = await register(leadName, side.leadEmail, ['PROJECT_LEAD']);
  const contact = await register(side.caseworker, `${side.ref.toLowerCase()}@example.dk`);
  const { createProject } = await stack.graph.request<{ createProject: { id: string } }>(
    admin,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        name: `Projekt ${side.ref}`,
        startsOn: addDays(enrolledOn, -31),
        endsOn: `${Number(today().slice(0, 4)) + 2}-12-31`,
        projectLeadId: side.lead,
        targetFamilyCount: 10,
      },
    },
  );
  const { createFamily } = await stack.graph.request<{ createFamily: { id: string } }>(
    familyDept,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`,
    { input: { caseReference: side.ref, enrolmentDate: enrolledOn, members } },
  );
  await stack.graph.request(
    familyDept,
    `mutation($input: SetContactPersonInput!) { setContactPerson(input: $input) { id } }`,
    { input: { familyId: createFamily.id, caseworkerId: contact, from: enrolledOn } },
  );
  await stack.graph.request(
    admin,
    `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`,
    { input: { projectId: createProject.id, familyId: createFamily.id, enrolledOn } },
  );
}

const digestRows = async () =>
  (await queryDatabase<{ n: number }>(stack.remindersDatabase.url, 'SELECT count(*)::int AS n FROM digest'))[0]!.n;

const cliEnv = () => ({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: stack.remindersDatabase.url,
  GATEWAY_URL: stack.gatewayUrl,
  JWT_ISSUER: 'helhed-test',
  JWT_AUDIENCE: 'helhed',
  JWT_SECRET: TEST_SECRETS.jwt,
  IDENTITY_SIGNING_SECRET: TEST_SECRETS.identity,
  SMTP_URL: smtp.url,
  MUNICIPALITIES: '630',
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const { code } = await runReminderCommand(argv, cliEnv(), {
    log: (t) => out.push(t),
    error: (t) => err.push(t),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const RUN = `mutation($day: Date!, $municipalityCode: String, $dryRun: Boolean) {
  runReminders(day: $day, municipalityCode: $municipalityCode, dryRun: $dryRun) {
    day municipalityCode dryRun businessDay written sent alreadySent unsent
    recipients { caseworker { id } items { kind count } caseReferences status }
  }
}`;

beforeAll(async () => {
  stack = await startTestStack();
  smtp = await startSmtpCapture();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  await projectWithFamily(north, 'Nora Nordleder', [
    { cpr: '0101800123', firstName: 'Hemmelig', lastName: 'Nordbo', role: 'PARENT' },
  ]);
  await projectWithFamily(south, 'Svend Sydleder', [
    { cpr: '0202810234', firstName: 'Hemmelig', lastName: 'Sydbo', role: 'PARENT' },
  ]);
  // What each lead must not find in any mail to them, for the suite's mail check too.
  declareMailScope({ recipient: north.leadEmail, mustNotSee: [south.ref, south.caseworker] });
  declareMailScope({ recipient: south.leadEmail, mustNotSee: [north.ref, north.caseworker] });
});

afterAll(async () => {
  await smtp?.close();
  await stack?.close();
});

it('refuses a caller who is not an administrator of the municipality, and bad input with its field', async () => {
  const code = async (who: ReturnType<typeof identity>, variables: Record<string, unknown>) => {
    const res = await stack.post(who, RUN, variables);
    return [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.field];
  };
  expect(await code(identity('FAMILY', { roles: ['PROJECT_LEAD'] }), { day })).toEqual(['FORBIDDEN', undefined]);
  expect(await code(admin, { day, municipalityCode: '101' })).toEqual(['FORBIDDEN', undefined]);
  const saturday = [0, 1, 2, 3, 4, 5, 6].map((n) => addDays(day, n)).find((d) => !isBusinessDay(d))!;
  expect(await code(admin, { day: saturday, dryRun: false })).toEqual(['BAD_USER_INPUT', 'day']);
  expect(await code(admin, { day: addDays(today(), 40), dryRun: false })).toEqual(['BAD_USER_INPUT', 'day']);
  expect(await code(admin, { day, municipalityCode: '63' })).toEqual(['BAD_USER_INPUT', 'municipalityCode']);
  // An administrator of a municipality the worker does not send for.
  expect(await code(identity('FAMILY', { roles: ['ADMIN'], municipality: '101' }), { day })).toEqual([
    'BAD_USER_INPUT',
    'municipalityCode',
  ]);
  expect(await digestRows()).toBe(0);
});

it("previews the day: each project lead's overview holds only their own project's family; nothing is written", async () => {
  const { runReminders } = await stack.graph.request<{
    runReminders: {
      dryRun: boolean;
      written: number;
      recipients: Array<{
        caseworker: { id: string };
        items: Array<{ kind: string; count: number }>;
        caseReferences: string[];
        status: null;
      }>;
    };
  }>(admin, RUN, { day });
  expect(runReminders).toMatchObject({ dryRun: true, written: 0 });
  for (const side of [north, south])
    expect(runReminders.recipients.find((r) => r.caseworker.id === side.lead)).toEqual({
      caseworker: { id: side.lead },
      items: [{ kind: 'REGISTRATION_OVERVIEW', count: 1 }],
      caseReferences: [side.ref],
      status: null,
    });
  expect(await digestRows()).toBe(0);
});

it('the CLI refuses bad arguments with exit code 2 and writes nothing', async () => {
  for (const argv of [
    ['--day', '2026-02-30'],
    ['--day', day, '--municipality', '101'],
    ['--day', day, '--frobnicate'],
    [],
    ['--day', addDays(today(), 40)],
  ]) {
    const run = await cli(...argv);
    expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
    expect(run.err).toMatch(/^reminders: /);
  }
  expect(await digestRows()).toBe(0);
});

/** `node services/reminders/dist/cli.js`, from its sources: its exit code and output. */
function cliProcess(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const reminders = join(__dirname, '..', '..');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(reminders, 'src', 'cli.ts'), ...argv],
      { env: { ...process.env, ...cliEnv(), TS_NODE_PROJECT: join(reminders, 'tsconfig.json') }, cwd: reminders },
      (error, out, err) => resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}

it('the command as a process: exit code 2 and one message for a bad day; 0 and the report for a dry run', async () => {
  const bad = await cliProcess('--day', '2026-02-30');
  expect(bad.code).toBe(2);
  expect(bad.err.split('\n')[0]).toBe('reminders: --day: "2026-02-30" is not a day (YYYY-MM-DD)');
  const preview = await cliProcess('--day', day, '--dry-run');
  expect(preview.code).toBe(0);
  expect(preview.out).toContain(`caseworker ${north.lead}  REGISTRATION_OVERVIEW 1  cases ${north.ref}`);
  expect(await digestRows()).toBe(0);
});

it('the CLI dry run prints who would get what without personal data, and writes nothing', async () => {
  const run = await cli('--day', day, '--dry-run');
  expect(run).toMatchObject({ code: 0 });
  expect(run.out).toContain(`caseworker ${north.lead}  REGISTRATION_OVERVIEW 1  cases ${north.ref}  not written yet`);
  expect(run.out).toContain(`caseworker ${south.lead}  REGISTRATION_OVERVIEW 1  cases ${south.ref}  not written yet`);
  expect(run.out).toContain('not written yet');
  expect(findCprNumbers(run.out)).toEqual([]);
  expect(run.out).not.toMatch(/Hemmelig|Nordbo|Sydbo|Nordleder|Sydleder/);
  expect(await digestRows()).toBe(0);
});

it('the CLI sends the day once: each lead gets their own project only; the mutation then finds it all sent', async () => {
  const run = await cli('--day', day, '--json');
  expect(run.code).toBe(0);
  const [report] = JSON.parse(run.out) as Array<{ written: number; sent: number; unsent: number }>;
  expect(report!.written).toBeGreaterThanOrEqual(2);
  expect(report).toMatchObject({ sent: report!.written, unsent: 0 });
  const mails = (await smtp.waitFor(report!.sent)).map((m) => readableMail(m.raw));
  const to = (email: string) => mails.filter((m) => m.recipients.includes(email));
  for (const [own, other] of [
    [north, south],
    [south, north],
  ] as const) {
    const [mail] = to(own.leadEmail);
    expect(to(own.leadEmail)).toHaveLength(1);
    const text = mail!.parts.join('\n');
    expect(text).toContain(own.ref);
    expect(text).toContain(own.caseworker);
    expect(text).not.toContain(other.ref);
    expect(text).not.toContain(other.caseworker);
  }

  const { runReminders } = await stack.graph.request<{ runReminders: Record<string, unknown> }>(admin, RUN, {
    day,
    dryRun: false,
  });
  expect(runReminders).toMatchObject({ dryRun: false, written: 0, sent: 0, alreadySent: report!.sent, unsent: 0 });
  expect(smtp.mails).toHaveLength(report!.sent);
  const again = await cli('--day', day);
  expect(again.out).toContain(`0 written, 0 sent now, ${report!.sent} sent before, 0 not sent`);
  expect(smtp.mails).toHaveLength(report!.sent);
});

it('the mutation sends a day as the subgraph (its own mailer and database role): the contact persons get their reminders', async () => {
  // Three business days before the deadline each family's contact person is told what is missing.
  const before = addBusinessDays(deadline, -3);
  const { runReminders } = await stack.graph.request<{
    runReminders: {
      written: number;
      sent: number;
      unsent: number;
      recipients: Array<{ items: Array<{ kind: string }>; caseReferences: string[]; status: string }>;
    };
  }>(admin, RUN, { day: before, dryRun: false });
  expect(runReminders).toMatchObject({ written: 2, sent: 2, unsent: 0 });
  expect(runReminders.recipients.map((r) => [r.items[0]?.kind, r.caseReferences, r.status]).sort()).toEqual(
    [
      ['REGISTRATION_MISSING', [north.ref], 'SENT'],
      ['REGISTRATION_MISSING', [south.ref], 'SENT'],
    ].sort(),
  );
  const sent = await queryDatabase<{ n: number }>(
    stack.remindersDatabase.url,
    `SELECT count(*)::int AS n FROM digest WHERE day = $1 AND status = 'SENT' AND message_id IS NOT NULL`,
    [before],
  );
  expect(sent[0]!.n).toBe(2);
});
