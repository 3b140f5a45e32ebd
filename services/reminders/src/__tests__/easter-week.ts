import type { CaseworkerRef, DueSnapshot, PersonMonthDue } from '../due/due';
import type { ReminderPreference } from '../rules/rules';

/**
 * A seeded fortnight around Easter 2026 (Maundy Thursday 2 April to Easter
 * Monday 6 April are holidays; March's registration deadline is the 5th
 * business day of April: Friday 10 April), and who must get a digest each day.
 */
const cw = (id: string, name: string, department: CaseworkerRef['department']): CaseworkerRef => ({
  id,
  name,
  email: `${id}@vejle.dk`,
  department,
});
export const fie = cw('11111111-1111-4111-8111-111111111111', 'Fie Familie', 'FAMILY');
export const jens = cw('22222222-2222-4222-8222-222222222222', 'Jens Job', 'JOBCENTER');
export const sara = cw('33333333-3333-4333-8333-333333333333', 'Sara Sundhed', 'HEALTH');
export const lead = cw('44444444-4444-4444-8444-444444444444', 'Lis Leder', 'FAMILY');
export const vik = cw('55555555-5555-4555-8555-555555555555', 'Viggo Vikar', 'JOBCENTER');
export const CASEWORKERS = [fie, jens, sara, lead, vik];

const member = (
  familyId: string,
  caseReference: string,
  n: number,
  parts: PersonMonthDue['missingParts'],
): PersonMonthDue => ({
  personId: `${familyId}-p${n}`,
  month: '2026-03',
  familyId,
  caseReference,
  memberRole: n === 1 ? 'PARENT' : 'CHILD',
  memberNumber: n,
  deadline: '2026-04-10',
  complete: parts.length === 0,
  missingParts: parts,
  contactPerson: fie,
  projectLead: lead,
});

export const EASTER_SNAPSHOT: DueSnapshot = {
  followUps: [
    // Due Easter Monday: overdue reminder Tuesday 7 April.
    {
      kind: 'ACTIVITY',
      id: 'a1',
      familyId: 'fam-1',
      caseReference: 'SAG-1',
      dueOn: '2026-04-06',
      responsible: jens,
      projectLead: lead,
    },
    // Due Thursday 9 April: 3 business days before is Wednesday 1 April (Easter in between); overdue Friday 10 April.
    {
      kind: 'PLAN',
      id: 'p2',
      familyId: 'fam-2',
      caseReference: 'SAG-2',
      dueOn: '2026-04-09',
      responsible: fie,
      projectLead: lead,
    },
    // Due 17 March: 10 business days overdue on Tuesday 31 March → the project lead.
    {
      kind: 'ACTIVITY',
      id: 'a2',
      familyId: 'fam-2',
      caseReference: 'SAG-2',
      dueOn: '2026-03-17',
      responsible: jens,
      projectLead: lead,
    },
  ],
  registrations: [
    {
      month: '2026-03',
      deadline: '2026-04-10',
      members: [
        member('fam-1', 'SAG-1', 1, [
          { department: 'JOBCENTER', responsible: jens },
          { department: 'HEALTH', responsible: sara },
        ]),
        member('fam-1', 'SAG-1', 2, []),
        member('fam-2', 'SAG-2', 1, []),
        member('fam-2', 'SAG-2', 2, [{ department: 'FAMILY', responsible: fie }]),
      ],
    },
  ],
};

/** Jens is away 13-17 April with Viggo as substitute; Sara reads English. */
export const EASTER_PREFERENCES: ReminderPreference[] = [
  { caseworkerId: jens.id, language: 'da', absentFrom: '2026-04-13', absentTo: '2026-04-17', substituteId: vik.id },
  { caseworkerId: sara.id, language: 'en', absentFrom: null, absentTo: null, substituteId: null },
];

/** Who gets a digest each day (by email), in order. */
export const EXPECTED_BY_DAY: Array<[string, string[]]> = [
  ['2026-03-30', []],
  ['2026-03-31', [lead.email]],
  ['2026-04-01', [fie.email]],
  ['2026-04-02', []],
  ['2026-04-03', []],
  ['2026-04-04', []],
  ['2026-04-05', []],
  ['2026-04-06', []],
  ['2026-04-07', [fie.email, jens.email]],
  ['2026-04-08', []],
  ['2026-04-09', []],
  ['2026-04-10', [fie.email]],
  ['2026-04-13', [fie.email, sara.email, lead.email, vik.email]],
  ['2026-04-14', []],
];

/** 07:00 in Copenhagen (summer time) on a day, plus some minutes. */
export const morningOf = (day: string, minutes = 0) => new Date(Date.parse(`${day}T05:00:00Z`) + minutes * 60_000);
