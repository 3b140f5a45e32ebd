import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CPR_PATTERN, personalDataHits } from '../personal-data';
import { SUITE_LOG_DIR_ENV, expectedTestFiles, seededNames, suiteLogLines, unfinishedTestFiles } from './suite-log';
import {
  caseworkerNames,
  mailPersonalDataHits,
  readableMail,
  seededHealthDetails,
  suiteMails,
  suiteMailScopes,
} from './suite-mail';

/**
 * The whole suite's log output — every logger of every service in every test
 * file, at `debug`, whatever level the test asked for — has no CPR number and
 * no citizen's name from the demo data, the seed or the tests; and every mail
 * the suite produces (`suite-mail.ts`) has none either, nor a seeded health
 * detail, nor a family outside its reader's declared scope. The sequencer
 * runs this file last; it waits until every other file of the run is done.
 */
const ROOT = join(__dirname, '../../../..');
const dir = process.env[SUITE_LOG_DIR_ENV];
const WAIT_MS = 15 * 60_000;

/** Waits until every other test file of the run is done (their stacks closed, their lines and mails written). */
let finished: Promise<string> | undefined;
const finishedRun = () =>
  (finished ??= (async () => {
    if (!dir) {
      // Not run through the root jest config's sequencer: there is no suite log to check.
      throw new Error(`${SUITE_LOG_DIR_ENV} is not set; run the check through the root jest config`);
    }
    const started = Date.now();
    let unfinished = unfinishedTestFiles(dir);
    while (unfinished.length > 0 && Date.now() - started < WAIT_MS) {
      await new Promise((r) => setTimeout(r, 500));
      unfinished = unfinishedTestFiles(dir);
    }
    expect({ unfinished }).toEqual({ unfinished: [] });
    return dir;
  })());

afterAll(() => {
  if (dir && !process.env.HELHED_KEEP_TEST_LOGS) rmSync(dir, { recursive: true, force: true });
});

describe('the whole suite’s log output', () => {
  it('knows the names to look for, and its pattern finds CPR numbers but not ids or timestamps', () => {
    const names = seededNames(ROOT);
    // The demo data's citizens and those of the log test are among them; a caseworker's initial is not.
    expect(names).toEqual(expect.arrayContaining(['Mette', 'Jensen', 'Hassan', 'Ingeborg', 'Østergaard']));
    expect(names).not.toContain('P');
    const hits = personalDataHits(
      [
        '{"cpr":"1203851234"}',
        '{"masked":"120385-XXXX"}',
        '{"msg":"created for Mette"}',
        '{"msg":"Kragelund, Malthe"}',
        '{"requestId":"7c084945-9602-45ca-a0c5-13026a968833","time":1795369599043}',
        '{"msg":"Metteland"}',
      ],
      names,
    );
    expect(hits.map((h) => h.split(' in: ')[0])).toEqual(['1203851234', '120385-XXXX', 'Mette', 'Kragelund, Malthe']);
    expect('120385-1234').toMatch(CPR_PATTERN);
  });

  it(
    'has no CPR number and no seeded name in any line',
    async () => {
      const run = await finishedRun();
      const lines = suiteLogLines(run);
      // The sink works: a run that started a stack (gateway tests start the whole graph) has log lines.
      if (expectedTestFiles(run).some((f) => /gateway.*\.test\.ts$/.test(f))) expect(lines.length).toBeGreaterThan(0);
      const hits = personalDataHits(lines, seededNames(ROOT));
      // On failure jest prints every line found, with what was found in it.
      expect(hits).toEqual([]);
    },
    WAIT_MS + 60_000,
  );
});

/** A digest as nodemailer composes one: quoted-printable text, base64 HTML, an encoded subject. */
function composedMail(to: string, subject: string, text: string, html: string): string {
  const qp = (t: string) =>
    [...Buffer.from(t, 'utf8')]
      .map((b) =>
        b === 10
          ? '\n'
          : b > 126 || b === 61
            ? `=${b.toString(16).toUpperCase().padStart(2, '0')}`
            : String.fromCharCode(b),
      )
      .join('')
      // soft line breaks, as a long line gets them
      .replace(/(.{60})(?=.)/g, '$1=\n');
  return [
    'From: Helhed <noreply@helhed.local>',
    `To: ${to}`,
    `Subject: =?UTF-8?B?${Buffer.from(subject, 'utf8').toString('base64')}?=`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="--_NmP-b0d1"',
    '',
    '----_NmP-b0d1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    qp(text),
    '----_NmP-b0d1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(html, 'utf8')
      .toString('base64')
      .replace(/(.{76})/g, '$1\n'),
    '----_NmP-b0d1--',
    '',
  ].join('\n');
}

describe('every mail the suite produces', () => {
  const known = () => ({
    names: seededNames(ROOT),
    healthDetails: seededHealthDetails(ROOT),
    caseworkers: caseworkerNames(ROOT),
    scopes: [],
  });

  it('is checked by a function that finds a planted CPR, name, health detail or out-of-scope case, however encoded', () => {
    const details = seededHealthDetails(ROOT);
    // The demo data's health summary is among the details looked for.
    expect(details).toEqual(expect.arrayContaining(['Start with few hours per week; plan meetings after 10:00.']));
    const clean = composedMail(
      'lead@kommune.dk',
      'Helhed: 2 påmindelser 13-04-2026',
      `Kære Lis Leder\n${'Opfølgning på sag SAG-1 er forfalden. '.repeat(3)}`,
      '<p>Sag SAG-1 &amp; SAG-2 &oslash;</p>',
    );
    expect(readableMail(clean).parts[0]).toContain('Opfølgning på sag SAG-1');
    expect(readableMail(clean).headers['subject']).toBe('Helhed: 2 påmindelser 13-04-2026');
    const scopes = [{ recipient: 'lead@kommune.dk', mustNotSee: ['SAG-9'] }];
    expect(mailPersonalDataHits([{ file: 'clean.eml', raw: clean }], { ...known(), scopes })).toEqual([]);
    // The demo's project lead is a caseworker named like some tests' citizens: greeting him is not a disclosure.
    expect(known().caseworkers).toContain('Lars Holm');
    const greeting = composedMail(
      'lars.holm@vejle.example',
      'Helhed',
      'Kære Lars Holm,\nSag VEJ-2026-0001',
      '<p>x</p>',
    );
    expect(mailPersonalDataHits([{ file: 'greeting.eml', raw: greeting }], { ...known(), scopes })).toEqual([]);

    const planted = [
      composedMail('a@kommune.dk', 'Helhed', 'Sag SAG-1', '<p>CPR 1205881234</p>'),
      composedMail('a@kommune.dk', 'Helhed', `${'x'.repeat(58)} Mette Jensen mangler`, '<p>x</p>'),
      composedMail('a@kommune.dk', 'Helhed', 'x', `<p>${details[0]}</p>`),
      composedMail('lead@kommune.dk', 'Helhed', 'Sag SAG-9 mangler', '<p>x</p>'),
      composedMail('a@kommune.dk', 'Helhed om 120385-XXXX', 'x', '<p>x</p>'),
      composedMail('lars.holm@vejle.example', 'Helhed', 'Kære Lars Holm,\nLars mangler en del', '<p>x</p>'),
    ].map((raw, i) => ({ file: `planted-${i}.eml`, raw }));
    const hits = mailPersonalDataHits(planted, { ...known(), scopes });
    expect(planted.map((m) => hits.some((h) => h.startsWith(`${m.file}:`)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it(
    "has no CPR number, no seeded name, no health detail and no family outside its reader's scope",
    async () => {
      const run = await finishedRun();
      const mails = suiteMails(run);
      // The sink works: a run with a test that runs an SMTP server and sends reminders through it has its mails.
      const sendsMail = expectedTestFiles(run).some((f) => /startSmtpCapture\(/.test(readFileSync(f, 'utf8')));
      if (sendsMail) expect(mails.length).toBeGreaterThan(0);
      const hits = mailPersonalDataHits(mails, { ...known(), scopes: suiteMailScopes(run) });
      expect(hits).toEqual([]);
    },
    WAIT_MS + 60_000,
  );
});
