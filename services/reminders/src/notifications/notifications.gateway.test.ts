import { startTestStack, type TestStack } from '@helhed/devstack';
import { identity, queryDatabase } from '@helhed/testing';

/** The notifications subgraph through the gateway: preferences, "my reminders", failed digests. */
jest.setTimeout(60_000);

let stack: TestStack;
let fie: string;
let jens: string;
const admin = identity('FAMILY', { roles: ['ADMIN'] });

const MINE = `{ caseworkers(department: FAMILY) { id name
  reminderPreferences { language absentFrom absentTo substitute { id name } }
  reminders { id day status subject items { kind caseReference } attempts } } }`;

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const register = async (name: string, department: string) =>
    (
      await stack.graph.request(
        admin,
        `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
        { input: { name, email: `${name.toLowerCase().replace(/ /g, '.')}@example.dk`, department } },
      )
    ).registerCaseworker.id as string;
  fie = await register('Fie Familie', 'FAMILY');
  jens = await register('Jens Job', 'JOBCENTER');
  const digest = (day: string, status: string, error: string | null) =>
    queryDatabase(
      stack.remindersDatabase.url,
      `INSERT INTO digest (delivery_key, municipality_code, caseworker_id, day, recipient, language, subject, text_body,
                           html_body, content_hash, items, item_count, status, attempts, last_error, sent_at)
       VALUES ($1, '630', $2, $3, 'fie.familie@example.dk', 'da', $4, 'x', '<p>x</p>', repeat('a', 64),
               '[{"kind":"FOLLOW_UP_SOON","caseReference":"SAG-1"}]', 1, $5, 1, $6,
               CASE WHEN $5 = 'SENT' THEN now() END)`,
      [`digest.${fie}.${day}`, fie, day, `Helhed: 1 påmindelse ${day}`, status, error],
    );
  await digest('2026-04-07', 'SENT', null);
  await digest('2026-04-08', 'FAILED', '550 No such mailbox');
});

afterAll(async () => {
  await stack?.close();
});

it('a caseworker sets their language and an absence with a substitute, and sees their reminders', async () => {
  const me = identity('FAMILY', { userId: fie });
  const { setReminderPreferences } = await stack.graph.request(
    me,
    `mutation($input: ReminderPreferencesInput!) { setReminderPreferences(input: $input) {
      language absentFrom absentTo substitute { id name } } }`,
    { input: { language: 'EN', absentFrom: '2026-04-13', absentTo: '2026-04-17', substituteId: jens } },
  );
  expect(setReminderPreferences).toEqual({
    language: 'EN',
    absentFrom: '2026-04-13',
    absentTo: '2026-04-17',
    substitute: { id: jens, name: 'Jens Job' },
  });
  const { caseworkers } = await stack.graph.request(me, MINE);
  expect(caseworkers).toEqual([
    {
      id: fie,
      name: 'Fie Familie',
      reminderPreferences: setReminderPreferences,
      reminders: [
        expect.objectContaining({ day: '2026-04-08', status: 'FAILED', attempts: 1 }),
        {
          id: `digest.${fie}.2026-04-07`,
          day: '2026-04-07',
          status: 'SENT',
          subject: 'Helhed: 1 påmindelse 2026-04-07',
          items: [{ kind: 'FOLLOW_UP_SOON', caseReference: 'SAG-1' }],
          attempts: 1,
        },
      ],
    },
  ]);
});

it('refuses a bad absence, another caseworker reading them, and failed digests for anyone but an administrator', async () => {
  const me = identity('FAMILY', { userId: fie });
  const bad = await stack.post(
    me,
    `mutation($input: ReminderPreferencesInput!) { setReminderPreferences(input: $input) { language } }`,
    { input: { language: 'DA', absentFrom: '2026-04-13', absentTo: '2026-04-01' } },
  );
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.absentTo' });
  const other = await stack.post(identity('FAMILY', { userId: jens }), MINE);
  expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await stack.post(me, `{ failedDigests { id } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const { failedDigests } = await stack.graph.request(
    admin,
    `{ failedDigests { id day status lastError caseworker { id name } } }`,
  );
  expect(failedDigests).toEqual([
    {
      id: `digest.${fie}.2026-04-08`,
      day: '2026-04-08',
      status: 'FAILED',
      lastError: '550 No such mailbox',
      caseworker: { id: fie, name: 'Fie Familie' },
    },
  ]);
});
