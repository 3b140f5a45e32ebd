import type { CaseworkerRef, DueSnapshot, FollowUpDue, PersonMonthDue } from '../due/due';
import { DEFAULT_LEAD_TIMES } from './lead-times';
import { applySubstitutes, candidateMonths, registrationDayOf, remindersFor, type Reminder } from './rules';

const cw = (id: string, department: CaseworkerRef['department'] = 'FAMILY'): CaseworkerRef => ({
  id,
  name: `Caseworker ${id}`,
  email: `${id}@kommune.dk`,
  department,
});
const fie = cw('fie');
const jens = cw('jens', 'JOBCENTER');
const sara = cw('sara', 'HEALTH');
const lead = cw('lead');

const followUp = (dueOn: string, over: Partial<FollowUpDue> = {}): FollowUpDue => ({
  kind: 'ACTIVITY',
  id: `a-${dueOn}`,
  familyId: 'f1',
  caseReference: 'SAG-1',
  dueOn,
  responsible: jens,
  projectLead: lead,
  ...over,
});

const snapshot = (over: Partial<DueSnapshot>): DueSnapshot => ({
  followUps: [],
  registrations: [],
  ...over,
});
const summary = (rs: Reminder[]) => rs.map((r) => `${r.kind}→${r.recipient.id}`).sort();

describe('follow-up reminders (Danish business days)', () => {
  // Easter 2026: Maundy Thursday 2 April to Easter Monday 6 April are holidays.
  const due = snapshot({ followUps: [followUp('2026-04-06')] });

  it('reminds the responsible caseworker 3 business days before: over Easter that is Friday 27 March', () => {
    expect(summary(remindersFor('2026-03-27', due, DEFAULT_LEAD_TIMES))).toEqual(['FOLLOW_UP_SOON→jens']);
    for (const day of ['2026-03-26', '2026-03-30', '2026-03-31', '2026-04-01'])
      expect(remindersFor(day, due, DEFAULT_LEAD_TIMES)).toEqual([]);
  });

  it('reminds again on the first business day after it is overdue (Tuesday after Easter), then tells the project lead after 10', () => {
    expect(summary(remindersFor('2026-04-07', due, DEFAULT_LEAD_TIMES))).toEqual(['FOLLOW_UP_OVERDUE→jens']);
    expect(remindersFor('2026-04-08', due, DEFAULT_LEAD_TIMES)).toEqual([]);
    // 10 business days after Easter Monday: 7-10, 13-17, 20 April.
    const escalated = remindersFor('2026-04-20', due, DEFAULT_LEAD_TIMES);
    expect(summary(escalated)).toEqual(['FOLLOW_UP_ESCALATED→lead']);
    expect(escalated[0]).toMatchObject({ responsibleName: 'Caseworker jens', businessDays: 10 });
    expect(remindersFor('2026-04-21', due, DEFAULT_LEAD_TIMES)).toEqual([]);
  });

  it('sends nothing on a holiday or a weekend, and uses the configured lead times', () => {
    expect(remindersFor('2026-04-03', due, DEFAULT_LEAD_TIMES)).toEqual([]);
    expect(remindersFor('2026-03-28', due, DEFAULT_LEAD_TIMES)).toEqual([]);
    const lead5 = { ...DEFAULT_LEAD_TIMES, followUpBefore: 5 };
    expect(summary(remindersFor('2026-03-25', due, lead5))).toEqual(['FOLLOW_UP_SOON→jens']);
  });
});

describe('monthly registration reminders', () => {
  // March 2026's deadline: 5th business day of April = 10 April (Easter in between).
  const member = (n: number, parts: PersonMonthDue['missingParts']): PersonMonthDue => ({
    personId: `p${n}`,
    month: '2026-03',
    familyId: 'f1',
    caseReference: 'SAG-1',
    memberRole: n === 1 ? 'PARENT' : 'CHILD',
    memberNumber: n,
    deadline: '2026-04-10',
    complete: parts.length === 0,
    missingParts: parts,
    contactPerson: fie,
    projectLead: lead,
  });
  const due = snapshot({
    registrations: [
      {
        month: '2026-03',
        deadline: '2026-04-10',
        members: [
          member(1, [
            { department: 'JOBCENTER', responsible: jens },
            { department: 'HEALTH', responsible: sara },
          ]),
          member(2, []),
          member(3, [{ department: 'FAMILY', responsible: fie }]),
        ],
      },
    ],
  });

  it('knows the days: 3 business days before, the deadline, the day after', () => {
    expect(candidateMonths('2026-04-07')).toEqual(['2026-03', '2026-04']);
    expect(candidateMonths('2026-01-05')).toEqual(['2025-12', '2026-01']);
    expect(registrationDayOf('2026-04-07', '2026-04-10', DEFAULT_LEAD_TIMES)).toBe('BEFORE');
    expect(registrationDayOf('2026-04-10', '2026-04-10', DEFAULT_LEAD_TIMES)).toBe('DEADLINE');
    expect(registrationDayOf('2026-04-13', '2026-04-10', DEFAULT_LEAD_TIMES)).toBe('DAY_AFTER');
    expect(registrationDayOf('2026-04-08', '2026-04-10', DEFAULT_LEAD_TIMES)).toBeNull();
  });

  it('before and on the deadline: the contact person gets the members missing a part, by number and role', () => {
    for (const day of ['2026-04-07', '2026-04-10']) {
      const reminders = remindersFor(day, due, DEFAULT_LEAD_TIMES);
      expect(summary(reminders)).toEqual(['REGISTRATION_MISSING→fie']);
      expect(reminders[0]).toMatchObject({
        caseReference: 'SAG-1',
        deadline: '2026-04-10',
        members: [
          { memberNumber: 1, memberRole: 'PARENT', department: 'HEALTH', responsibleName: 'Caseworker sara' },
          { memberNumber: 1, memberRole: 'PARENT', department: 'JOBCENTER', responsibleName: 'Caseworker jens' },
          { memberNumber: 3, memberRole: 'CHILD', department: 'FAMILY', responsibleName: 'Caseworker fie' },
        ],
      });
    }
    expect(remindersFor('2026-04-09', due, DEFAULT_LEAD_TIMES)).toEqual([]);
  });

  it('the business day after: each missing department is told, and the project lead gets an overview per caseworker', () => {
    const reminders = remindersFor('2026-04-13', due, DEFAULT_LEAD_TIMES);
    expect(summary(reminders)).toEqual([
      'REGISTRATION_OVERVIEW→lead',
      'REGISTRATION_PART_OVERDUE→fie',
      'REGISTRATION_PART_OVERDUE→jens',
      'REGISTRATION_PART_OVERDUE→sara',
    ]);
    const jensPart = reminders.find((r) => r.recipient.id === 'jens');
    expect(jensPart).toMatchObject({ members: [{ memberNumber: 1, department: 'JOBCENTER' }] });
    const overview = reminders.find((r) => r.kind === 'REGISTRATION_OVERVIEW');
    expect(overview).toMatchObject({
      perCaseworker: [
        { caseworkerName: 'Caseworker fie', missingParts: 1, caseReferences: ['SAG-1'] },
        { caseworkerName: 'Caseworker jens', missingParts: 1, caseReferences: ['SAG-1'] },
        { caseworkerName: 'Caseworker sara', missingParts: 1, caseReferences: ['SAG-1'] },
      ],
    });
  });
});

describe("the project leads' overview", () => {
  const other = cw('other-lead');
  const jonna = cw('jonna');
  const member = (familyId: string, projectLead: CaseworkerRef | null, responsible: CaseworkerRef): PersonMonthDue => ({
    personId: `${familyId}-p1`,
    month: '2026-03',
    familyId,
    caseReference: `SAG-${familyId}`,
    memberRole: 'PARENT',
    memberNumber: 1,
    deadline: '2026-04-10',
    complete: false,
    missingParts: [{ department: 'FAMILY', responsible }],
    contactPerson: responsible,
    projectLead,
  });
  const due = snapshot({
    registrations: [
      {
        month: '2026-03',
        deadline: '2026-04-10',
        members: [member('a', lead, fie), member('b', other, jonna), member('c', null, jonna)],
      },
    ],
  });

  it("names only the families of the lead's own project: not another project's, not those in none", () => {
    const overviews = remindersFor('2026-04-13', due, DEFAULT_LEAD_TIMES).filter(
      (r) => r.kind === 'REGISTRATION_OVERVIEW',
    );
    expect(overviews.map((o) => ('perCaseworker' in o ? [o.recipient.id, o.perCaseworker] : null))).toEqual([
      ['lead', [{ caseworkerName: 'Caseworker fie', missingParts: 1, caseReferences: ['SAG-a'] }]],
      ['other-lead', [{ caseworkerName: 'Caseworker jonna', missingParts: 1, caseReferences: ['SAG-b'] }]],
    ]);
  });
});

describe('substitutes', () => {
  it("sends an absent caseworker's reminders to the substitute during the absence only", () => {
    const reminders = remindersFor('2026-03-27', snapshot({ followUps: [followUp('2026-04-06')] }), DEFAULT_LEAD_TIMES);
    const preferences = new Map([
      [
        'jens',
        {
          caseworkerId: 'jens',
          language: 'da' as const,
          absentFrom: '2026-03-23',
          absentTo: '2026-03-27',
          substituteId: 'fie',
        },
      ],
    ]);
    const moved = applySubstitutes(reminders, '2026-03-27', preferences, new Map([['fie', fie]]));
    expect(moved[0]).toMatchObject({ recipient: { id: 'fie' }, onBehalfOf: 'Caseworker jens' });
    expect(applySubstitutes(reminders, '2026-03-30', preferences, new Map([['fie', fie]]))[0]?.recipient.id).toBe(
      'jens',
    );
  });
});
