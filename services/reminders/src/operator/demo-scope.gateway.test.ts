import { join } from 'node:path';
import { addBusinessDays, nextMonth, nthBusinessDayOfMonth, today } from '@helhed/calendar';
import { demoCaseworker, loadDemoData, startTestStack, type TestStack } from '@helhed/devstack';
import {
  TEST_SECRETS,
  caseworkerNames,
  declareMailScope,
  identity,
  mailPersonalDataHits,
  readableMail,
  seededHealthDetails,
  seededNames,
  startSmtpCapture,
  type SmtpCapture,
} from '@helhed/testing';
import { runReminderCommand } from './command';

/**
 * The fault run's disclosure, on the demo data: Vejle's second project takes
 * over the Hassan family, and the day after a registration deadline each
 * project lead's overview names only their own project's family — Lars Holm
 * (the demo's project) never VEJ-2026-0002 any more, the new lead never
 * VEJ-2026-0001. Every digest of the day is free of the demo's CPR numbers,
 * citizens' names and health details.
 */
jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..', '..', '..');
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const LARS = 'lars.holm@vejle.example';
const TOVE = 'tove.tvaerleder@vejle.example';

/** The month before last (its registrations are all missing: the demo's are not loaded), and the day after its deadline. */
const month = (() => {
  const [y, m] = today().slice(0, 7).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 7);
})();
const day = addBusinessDays(nthBusinessDayOfMonth(nextMonth(month), 5), 1);
// The Hassans move on the month's first day (not before the demo enrolled them, 1 June 2026).
const moved = `${month}-01` > '2026-06-01' ? `${month}-01` : '2026-06-02';

let stack: TestStack;
let smtp: SmtpCapture;

beforeAll(async () => {
  stack = await startTestStack();
  smtp = await startSmtpCapture();
  await loadDemoData(stack.graph);
  const { registerCaseworker } = await stack.graph.request<{ registerCaseworker: { id: string } }>(
    admin,
    `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
    { input: { name: 'Tove Tværleder', email: TOVE, department: 'FAMILY', roles: ['PROJECT_LEAD'] } },
  );
  const { createProject } = await stack.graph.request<{ createProject: { id: string } }>(
    admin,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        name: 'Helhedsindsats Vejle Syd',
        startsOn: '2026-01-01',
        endsOn: '2028-12-31',
        projectLeadId: registerCaseworker.id,
        targetFamilyCount: 10,
      },
    },
  );
  const anne = await demoCaseworker(stack.graph, 'FAMILY');
  const { familyByCaseReference: hassan } = await stack.graph.request<{
    familyByCaseReference: { id: string; projectEnrolments: Array<{ id: string; endedOn: string | null }> };
  }>(anne, `{ familyByCaseReference(caseReference: "VEJ-2026-0002") { id projectEnrolments { id endedOn } } }`);
  const current = hassan.projectEnrolments.find((e) => e.endedOn === null)!;
  await stack.graph.request(
    admin,
    `mutation($input: EndProjectEnrolmentInput!) { endProjectEnrolment(input: $input) { id } }`,
    { input: { enrolmentId: current.id, endedOn: moved, reason: 'Moved to the southern project' } },
  );
  await stack.graph.request(
    admin,
    `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`,
    { input: { projectId: createProject.id, familyId: hassan.id, enrolledOn: moved } },
  );
  declareMailScope({ recipient: LARS, mustNotSee: ['VEJ-2026-0002'] });
  declareMailScope({ recipient: TOVE, mustNotSee: ['VEJ-2026-0001'] });
});

afterAll(async () => {
  await smtp?.close();
  await stack?.close();
});

it("sends each project lead the overview of their own project's family only, and no digest names a citizen", async () => {
  const { code } = await runReminderCommand(
    ['--day', day],
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: stack.remindersDatabase.url,
      GATEWAY_URL: stack.gatewayUrl,
      JWT_ISSUER: 'helhed-test',
      JWT_AUDIENCE: 'helhed',
      JWT_SECRET: TEST_SECRETS.jwt,
      IDENTITY_SIGNING_SECRET: TEST_SECRETS.identity,
      SMTP_URL: smtp.url,
    },
    { log: () => undefined, error: (t) => process.stderr.write(`${t}\n`) },
  );
  expect(code).toBe(0);
  const text = (email: string) => {
    const mails = smtp.mails.map((m) => readableMail(m.raw)).filter((m) => m.recipients.includes(email));
    expect(mails).toHaveLength(1);
    return mails[0]!.parts.join('\n');
  };
  expect(text(LARS)).toContain('VEJ-2026-0001');
  expect(text(LARS)).not.toContain('VEJ-2026-0002');
  expect(text(TOVE)).toContain('VEJ-2026-0002');
  expect(text(TOVE)).not.toContain('VEJ-2026-0001');
  expect(smtp.mails.length).toBeGreaterThan(2);
  expect(
    mailPersonalDataHits(
      smtp.mails.map((m, i) => ({ file: `mail-${i}`, raw: m.raw })),
      {
        names: seededNames(ROOT),
        healthDetails: seededHealthDetails(ROOT),
        caseworkers: caseworkerNames(ROOT),
        scopes: [
          { recipient: LARS, mustNotSee: ['VEJ-2026-0002'] },
          { recipient: TOVE, mustNotSee: ['VEJ-2026-0001'] },
        ],
      },
    ),
  ).toEqual([]);
});
