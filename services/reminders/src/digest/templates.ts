import type { MissingMember, Reminder } from '../rules/rules';

export type Language = 'da' | 'en';

/**
 * The digest's words in Danish and English. Every text is built from case
 * references, dates, member numbers and roles, departments and caseworkers'
 * names — never a citizen's name, CPR number or health detail.
 */
interface Words {
  subject(day: string, count: number): string;
  greeting(name: string): string;
  intro(count: number): string;
  onBehalfOf(name: string): string;
  followUp(r: Extract<Reminder, { kind: 'FOLLOW_UP_SOON' | 'FOLLOW_UP_OVERDUE' | 'FOLLOW_UP_ESCALATED' }>): string;
  registrationMissing(r: Extract<Reminder, { kind: 'REGISTRATION_MISSING' }>): string;
  registrationOverdue(r: Extract<Reminder, { kind: 'REGISTRATION_PART_OVERDUE' }>): string;
  overview(r: Extract<Reminder, { kind: 'REGISTRATION_OVERVIEW' }>): string;
  member(m: MissingMember): string;
  overviewRow(row: { caseworkerName: string; missingParts: number; caseReferences: string[] }): string;
  openCase: string;
  footer: string;
}

const DEPARTMENT: Record<Language, Record<string, string>> = {
  da: { FAMILY: 'Familieafdelingen', JOBCENTER: 'Jobcentret', HEALTH: 'Sundhed', ECONOMY: 'Økonomi' },
  en: { FAMILY: 'Family department', JOBCENTER: 'Jobcentre', HEALTH: 'Health', ECONOMY: 'Economy' },
};
const ROLE: Record<Language, Record<string, string>> = {
  da: { PARENT: 'forælder', CHILD: 'barn', OTHER_ADULT: 'anden voksen' },
  en: { PARENT: 'parent', CHILD: 'child', OTHER_ADULT: 'other adult' },
};

const da: Words = {
  subject: (day, n) => `Helhed: ${n} ${n === 1 ? 'påmindelse' : 'påmindelser'} ${day}`,
  greeting: (name) => `Kære ${name}`,
  intro: (n) => `Her er hvad der kræver din opmærksomhed i dag (${n}), det mest presserende først.`,
  onBehalfOf: (name) => `(som stedfortræder for ${name})`,
  followUp: (r) => {
    const what = r.subject === 'PLAN' ? 'Opfølgning på familiens plan' : 'Opfølgning på en indsats';
    if (r.kind === 'FOLLOW_UP_SOON')
      return `${what} i sag ${r.caseReference} skal holdes senest ${r.dueOn} (om ${r.businessDays} arbejdsdage).`;
    if (r.kind === 'FOLLOW_UP_OVERDUE')
      return `${what} i sag ${r.caseReference} var forfalden ${r.dueOn} og er ikke holdt.`;
    return `Eskalering: ${what.toLowerCase()} i sag ${r.caseReference} er ${r.businessDays} arbejdsdage over fristen ${r.dueOn} (ansvarlig: ${('responsibleName' in r ? r.responsibleName : null) ?? 'ingen'}).`;
  },
  registrationMissing: (r) =>
    `Månedlig registrering for ${r.month} i sag ${r.caseReference} mangler dele; fristen er ${r.deadline}:`,
  registrationOverdue: (r) =>
    `Fristen ${r.deadline} for den månedlige registrering for ${r.month} er overskredet i sag ${r.caseReference}; din afdelings del mangler:`,
  overview: (r) => `Månedlig registrering for ${r.month} (frist ${r.deadline}): manglende dele pr. sagsbehandler:`,
  member: (m) =>
    `medlem nr. ${m.memberNumber} (${ROLE.da[m.memberRole]}): ${DEPARTMENT.da[m.department]}s del mangler – ansvarlig: ${m.responsibleName ?? 'ingen udpeget'}`,
  overviewRow: (row) =>
    `${row.caseworkerName}: ${row.missingParts} manglende dele (sager ${row.caseReferences.join(', ')})`,
  openCase: 'Åbn sagen',
  footer: 'Denne mail sendes fra Helhed hver arbejdsdag kl. 7, når der er noget at gøre. Svar ikke på den.',
};

const en: Words = {
  subject: (day, n) => `Helhed: ${n} ${n === 1 ? 'reminder' : 'reminders'} ${day}`,
  greeting: (name) => `Dear ${name}`,
  intro: (n) => `Here is what needs your attention today (${n}), most urgent first.`,
  onBehalfOf: (name) => `(as substitute for ${name})`,
  followUp: (r) => {
    const what = r.subject === 'PLAN' ? "A follow-up on the family's plan" : 'A follow-up on an activity';
    if (r.kind === 'FOLLOW_UP_SOON')
      return `${what} in case ${r.caseReference} is due by ${r.dueOn} (in ${r.businessDays} business days).`;
    if (r.kind === 'FOLLOW_UP_OVERDUE')
      return `${what} in case ${r.caseReference} was due ${r.dueOn} and has not been held.`;
    return `Escalation: ${what.toLowerCase()} in case ${r.caseReference} is ${r.businessDays} business days past its due date ${r.dueOn} (responsible: ${('responsibleName' in r ? r.responsibleName : null) ?? 'none'}).`;
  },
  registrationMissing: (r) =>
    `The monthly registration for ${r.month} in case ${r.caseReference} is missing parts; the deadline is ${r.deadline}:`,
  registrationOverdue: (r) =>
    `The deadline ${r.deadline} of the monthly registration for ${r.month} has passed in case ${r.caseReference}; your department's part is missing:`,
  overview: (r) => `Monthly registration for ${r.month} (deadline ${r.deadline}): missing parts per caseworker:`,
  member: (m) =>
    `member no. ${m.memberNumber} (${ROLE.en[m.memberRole]}): the ${DEPARTMENT.en[m.department]} part is missing – responsible: ${m.responsibleName ?? 'none named'}`,
  overviewRow: (row) =>
    `${row.caseworkerName}: ${row.missingParts} missing parts (cases ${row.caseReferences.join(', ')})`,
  openCase: 'Open the case',
  footer: 'Helhed sends this mail at 7 every business day when there is something to do. Do not reply to it.',
};

export const WORDS: Record<Language, Words> = { da, en };

/** One rendered reminder: its lines and the link it carries. */
export interface RenderedReminder {
  lines: string[];
  link: string | null;
}

export function renderReminder(r: Reminder, language: Language, frontendBaseUrl: string): RenderedReminder {
  const w = WORDS[language];
  const base = frontendBaseUrl.replace(/\/+$/, '');
  const caseLink = (familyId: string) => `${base}/families/${encodeURIComponent(familyId)}`;
  const suffix = r.onBehalfOf ? ` ${w.onBehalfOf(r.onBehalfOf)}` : '';
  switch (r.kind) {
    case 'FOLLOW_UP_SOON':
    case 'FOLLOW_UP_OVERDUE':
    case 'FOLLOW_UP_ESCALATED':
      return { lines: [w.followUp(r) + suffix], link: caseLink(r.familyId) };
    case 'REGISTRATION_MISSING':
      return { lines: [w.registrationMissing(r) + suffix, ...r.members.map(w.member)], link: caseLink(r.familyId) };
    case 'REGISTRATION_PART_OVERDUE':
      return { lines: [w.registrationOverdue(r) + suffix, ...r.members.map(w.member)], link: caseLink(r.familyId) };
    case 'REGISTRATION_OVERVIEW':
      return {
        lines: [w.overview(r) + suffix, ...r.perCaseworker.map(w.overviewRow)],
        link: `${base}/registration/${r.month}`,
      };
  }
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The digest as plain text and HTML. */
export function renderDigest(input: {
  recipientName: string;
  day: string;
  language: Language;
  reminders: Reminder[];
  frontendBaseUrl: string;
}): { subject: string; text: string; html: string } {
  const w = WORDS[input.language];
  const rendered = input.reminders.map((r) => renderReminder(r, input.language, input.frontendBaseUrl));
  const subject = w.subject(input.day, input.reminders.length);
  const text = [
    `${w.greeting(input.recipientName)},`,
    '',
    w.intro(input.reminders.length),
    '',
    ...rendered.flatMap((r, i) => [
      `${i + 1}. ${r.lines[0]}`,
      ...r.lines.slice(1).map((l) => `   - ${l}`),
      ...(r.link ? [`   ${w.openCase}: ${r.link}`] : []),
      '',
    ]),
    '-- ',
    w.footer,
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<p>${escapeHtml(w.greeting(input.recipientName))},</p>`,
    `<p>${escapeHtml(w.intro(input.reminders.length))}</p>`,
    '<ol>',
    ...rendered.map(
      (r) =>
        `<li><p>${escapeHtml(r.lines[0] ?? '')}</p>` +
        (r.lines.length > 1
          ? `<ul>${r.lines
              .slice(1)
              .map((l) => `<li>${escapeHtml(l)}</li>`)
              .join('')}</ul>`
          : '') +
        (r.link ? `<p><a href="${escapeHtml(r.link)}">${escapeHtml(w.openCase)}</a></p>` : '') +
        '</li>',
    ),
    '</ol>',
    `<p><small>${escapeHtml(w.footer)}</small></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
