import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { personalDataHits } from '../personal-data';
import { SUITE_LOG_DIR_ENV, sourceFiles } from './suite-log';

/**
 * Every mail the test suite produces, checked at its end like the log lines
 * (`suite-log-check.test.ts`): no CPR number, no seeded citizen's name, no
 * seeded health detail, and no family outside the reader's scope where a test
 * declared it. When `HELHED_TEST_LOG_DIR` is set, each mail is kept as one
 * `.eml` file in its `mails/` folder:
 * - by the test SMTP server (`smtp.ts`), for every message it accepts;
 * - by the reminders' file mailer (`services/reminders/src/mail/file-mailer.ts`),
 *   for every `.eml` it writes — in any process, `npm start`'s children too.
 * A test that knows what a recipient must not see declares it (`declareMailScope`)
 * into `mail-scopes/`.
 */
export const suiteMailPaths = (dir: string) => ({ mails: join(dir, 'mails'), scopes: join(dir, 'mail-scopes') });

const unique = () =>
  `${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}`;

/** Keeps a mail for the suite's check (nothing when the check is not part of the run). */
export function recordSuiteMail(raw: string | Buffer, source: string): void {
  const dir = process.env[SUITE_LOG_DIR_ENV];
  if (!dir || !existsSync(dir)) return;
  const mails = suiteMailPaths(dir).mails;
  mkdirSync(mails, { recursive: true });
  writeFileSync(join(mails, `${source}-${unique()}.eml`), raw);
}

/** What a recipient (an email address) must not find in any mail to them: another project's case references, names. */
export interface MailScope {
  recipient: string;
  mustNotSee: string[];
}

/** Declares a recipient's scope for the suite's mail check (nothing when the check is not part of the run). */
export function declareMailScope(scope: MailScope): void {
  const dir = process.env[SUITE_LOG_DIR_ENV];
  if (!dir || !existsSync(dir)) return;
  const scopes = suiteMailPaths(dir).scopes;
  mkdirSync(scopes, { recursive: true });
  writeFileSync(join(scopes, `${unique()}.json`), JSON.stringify(scope));
}

export function suiteMails(dir: string): Array<{ file: string; raw: string }> {
  const mails = suiteMailPaths(dir).mails;
  if (!existsSync(mails)) return [];
  return readdirSync(mails)
    .sort()
    .map((file) => ({ file, raw: readFileSync(join(mails, file), 'utf8') }));
}

export function suiteMailScopes(dir: string): MailScope[] {
  const scopes = suiteMailPaths(dir).scopes;
  if (!existsSync(scopes)) return [];
  return readdirSync(scopes).map((f) => JSON.parse(readFileSync(join(scopes, f), 'utf8')) as MailScope);
}

/** A mail as a reader sees it: its decoded headers, and each text part decoded (HTML with its entities decoded). */
export interface ReadableMail {
  headers: Record<string, string>;
  recipients: string[];
  parts: string[];
}

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const normal = raw.replace(/\r\n/g, '\n');
  const split = normal.indexOf('\n\n');
  const head = (split < 0 ? normal : normal.slice(0, split)).replace(/\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: split < 0 ? '' : normal.slice(split + 2) };
}

function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) in a header value. */
function encodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : quotedPrintable(data.replace(/_/g, ' ')),
    );
}

function htmlEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (named[e.toLowerCase()] ?? m),
  );
}

function leaves(headers: Record<string, string>, body: string): string[] {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    return parts
      .filter((p) => !p.startsWith('--'))
      .flatMap((p) => {
        const part = splitHead(p.replace(/^\n/, ''));
        return leaves(part.headers, part.body);
      });
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? quotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return [/text\/html/i.test(type) ? htmlEntities(text) : text];
}

/** Decodes a raw message: headers (encoded words decoded), recipients, and every leaf part as text. */
export function readableMail(raw: string): ReadableMail {
  const { headers, body } = splitHead(raw);
  const decoded = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, encodedWords(v)]));
  const recipients = [...(decoded['to'] ?? '').matchAll(/[^\s<>,"]+@[^\s<>,"]+/g)].map((m) => m[0].toLowerCase());
  return { headers: decoded, recipients, parts: leaves(headers, body) };
}

/**
 * The seeded health details: every string of 12 characters or more given in
 * the sources (tests, demo data, seed) for a field of a health assessment or a
 * finding — what a health coordinator writes and no mail may carry.
 */
export function seededHealthDetails(root: string): string[] {
  const keys = [
    'summaryForTeam',
    'recommendations',
    'physical',
    'mental',
    'substanceUse',
    'medication',
    'functionalLevel',
    'dailyLifeConsequences',
    'workConsequences',
    'ownView',
  ];
  const literal = new RegExp(
    `\\b(?:${keys.join('|')})\\\\?["']?\\s*:\\s*\\\\?(["'\`])([^"'\`\\\\\\n]{12,})\\\\?\\1`,
    'g',
  );
  const details = new Set<string>();
  for (const file of sourceFiles(root))
    for (const m of readFileSync(file, 'utf8').matchAll(literal)) details.add(m[2]!.replace(/\s+/g, ' ').trim());
  return [...details].sort();
}

/**
 * The caseworkers' full names the sources register (`name: '…', email: …`, as
 * the demo data's staff): a digest greets its caseworker and names the
 * caseworkers responsible, and some tests give citizens the same first or last
 * names (a "Lars Holm" is both). The check takes those full names out of a
 * mail before it looks for citizens' names; any other use of the words is still found.
 */
export function caseworkerNames(root: string): string[] {
  const literal = /\bname:\s*(['"`])([^'"`\n]+)\1\s*,\s*email:/g;
  const names = new Set<string>();
  for (const file of sourceFiles(root))
    for (const m of readFileSync(file, 'utf8').matchAll(literal)) if (/\s/.test(m[2]!.trim())) names.add(m[2]!.trim());
  return [...names].sort();
}

/**
 * One line per mail that carries personal data: a CPR number or a seeded
 * citizen's name in its subject or any part, a seeded health detail, or —
 * for a recipient whose scope a test declared — something that recipient must
 * not see. Empty when every mail is clean.
 */
export function mailPersonalDataHits(
  mails: Array<{ file: string; raw: string }>,
  known: { names: string[]; healthDetails: string[]; scopes: MailScope[]; caseworkers?: string[] },
): string[] {
  const hits: string[] = [];
  const staff = [...(known.caseworkers ?? [])].sort((a, b) => b.length - a.length);
  const withoutStaff = (line: string) => staff.reduce((l, name) => l.split(name).join('[caseworker]'), line);
  for (const mail of mails) {
    const readable = readableMail(mail.raw);
    const lines = [readable.headers['subject'] ?? '', ...readable.parts.flatMap((p) => p.split('\n'))].map(
      withoutStaff,
    );
    for (const hit of personalDataHits(lines, known.names)) hits.push(`${mail.file}: ${hit}`);
    const flat = readable.parts.join('\n').replace(/\s+/g, ' ');
    for (const detail of known.healthDetails)
      if (flat.includes(detail)) hits.push(`${mail.file}: a health detail: ${detail}`);
    for (const scope of known.scopes) {
      if (!readable.recipients.includes(scope.recipient.toLowerCase())) continue;
      for (const secret of scope.mustNotSee)
        if (flat.includes(secret) || (readable.headers['subject'] ?? '').includes(secret))
          hits.push(`${mail.file}: ${scope.recipient} must not see ${secret}`);
    }
  }
  return hits;
}
