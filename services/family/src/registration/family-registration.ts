import { InputProblems } from '@helhed/errors';
import type { MemberRole } from '../person/person.entity';
import {
  SDQ_ITEMS,
  SDQ_SUBSCALES,
  sdqScales,
  subscalesFromItems,
  type SdqInformant,
  type SdqItemAnswer,
  type SdqSubscale,
} from './sdq';

/** The ICS dimensions (*ICS-dimensioner*) a child is registered on, each 0-4. */
export const ICS_DIMENSIONS = [
  'HEALTH',
  'DEVELOPMENT_AND_BEHAVIOUR',
  'DAYCARE_SCHOOL_AND_LEARNING',
  'LEISURE_AND_FRIENDSHIPS',
  'FAMILY_RELATIONS',
] as const;

/** The VUM themes (*voksenudredningsmetoden*) an adult is registered on, each 0-4 or 9 (not relevant). */
export const VUM_THEMES = [
  'FUNCTIONS_AND_SOCIAL_PROBLEMS',
  'PRACTICAL_TASKS_AT_HOME',
  'SELF_CARE',
  'MOBILITY',
  'WORK_HOUSING_EDUCATION_ECONOMY',
  'NETWORK',
  'HEALTH',
] as const;

/** 9 on a VUM theme: judged not relevant for the person. */
export const VUM_NOT_RELEVANT = 9;

export type RegistrationKind = 'CHILD' | 'ADULT';
export const kindOf = (role: MemberRole): RegistrationKind => (role === 'CHILD' ? 'CHILD' : 'ADULT');

export interface ScoreInput {
  dimension?: string;
  theme?: string;
  score: number;
  note?: string | null;
}

export interface SdqInput {
  informant: SdqInformant;
  normSet?: string | null;
  subscales?: Record<'emotional' | 'conduct' | 'hyperactivity' | 'peer' | 'prosocial', number> | null;
  items?: SdqItemAnswer[] | null;
}

/** The family department's values of a person's month as entered; left-out fields come from the previous month. */
export interface FamilyPartInput {
  familyId: string;
  personId: string;
  month: string;
  ics?: ScoreInput[] | null;
  vum?: ScoreInput[] | null;
  schoolAttendancePercent?: number | null;
  gradeAverage?: number | null;
  youthEducationStarted?: boolean | null;
  youthEducationKept?: boolean | null;
  sdq?: SdqInput | null;
  reason?: string | null;
}

/** The SDQ as stored: the informant, the norm set, the subscale scores and how they were obtained. */
export interface StoredSdq {
  informant: SdqInformant;
  normSet: string;
  subscales: Record<SdqSubscale, number | null>;
  prorated: SdqSubscale[];
  /** Item answers by item number, when entered as items (scores only, never texts). */
  items: SdqItemAnswer[] | null;
}

/** The values of a person's month as stored. */
export interface FamilyPartValues {
  kind: RegistrationKind;
  scores: Record<string, number>;
  notes: Record<string, string>;
  attendancePercent: number | null;
  gradeAverage: number | null;
  youthEducationStarted: boolean | null;
  youthEducationKept: boolean | null;
  sdq: StoredSdq | null;
}

/** What the rules need to know about the person, family and calendar. */
export interface RegistrationFacts {
  today: string;
  role: MemberRole | null;
  memberOfFamily: boolean;
  /** The family's enrolment date; null while in INTAKE. */
  enrolmentDate: string | null;
  /** The day the family was closed, if it was: later months are not registered. */
  closedOn: string | null;
  /** What left-out fields are taken from: the month's own registration when corrected, else the latest before it. */
  previous: FamilyPartValues | null;
  /** Norm sets known in the municipality. */
  normSets: ReadonlySet<string>;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Checks the month against today and the enrolment: not in the future, not before enrolment. */
export function checkMonth(
  month: string,
  facts: Pick<RegistrationFacts, 'today' | 'enrolmentDate' | 'closedOn'>,
  problems: InputProblems,
  field: string,
) {
  if (!MONTH.test(month)) problems.add(field, 'A month is YYYY-MM');
  else if (month > facts.today.slice(0, 7)) problems.add(field, `${month} is in the future`);
  else if (facts.enrolmentDate === null) problems.add(field, 'The family is not enrolled yet (status INTAKE)');
  else if (month < facts.enrolmentDate.slice(0, 7))
    problems.add(field, `${month} is before the family's enrolment (${facts.enrolmentDate})`);
  else if (facts.closedOn !== null && month > facts.closedOn.slice(0, 7))
    problems.add(field, `${month} is after the family's effort ended (${facts.closedOn})`);
}

function checkScores(
  list: ScoreInput[],
  keyName: 'dimension' | 'theme',
  names: readonly string[],
  allowNine: boolean,
  problems: InputProblems,
  field: string,
): { scores: Record<string, number>; notes: Record<string, string> } {
  const scores: Record<string, number> = {};
  const notes: Record<string, string> = {};
  list.forEach((s, i) => {
    const name = s[keyName];
    const at = `${field}[${i}]`;
    if (!name || !names.includes(name)) problems.add(`${at}.${keyName}`, `Not one of ${names.join(', ')}`);
    else if (name in scores) problems.add(`${at}.${keyName}`, `${name} is given twice`);
    if (!Number.isInteger(s.score) || s.score < 0 || (s.score > 4 && !(allowNine && s.score === VUM_NOT_RELEVANT))) {
      problems.add(
        `${at}.score`,
        s.score === VUM_NOT_RELEVANT
          ? '9 (not relevant) is allowed on the VUM themes of adults only; ICS dimensions are 0-4'
          : allowNine
            ? 'A VUM theme is 0-4 (0 no limitation … 4 total) or 9 (not relevant)'
            : 'An ICS dimension is 0-4',
      );
    }
    const note = s.note?.trim();
    if (note && note.length > 2000) problems.add(`${at}.note`, 'A note is at most 2000 characters');
    if (name && names.includes(name)) {
      scores[name] = s.score;
      if (note) notes[name] = note;
    }
  });
  return { scores, notes };
}

function checkSdq(sdq: SdqInput, facts: RegistrationFacts, problems: InputProblems): StoredSdq {
  const normSet = sdq.normSet?.trim() || 'UK';
  if (!facts.normSets.has(normSet)) problems.add('input.sdq.normSet', `There is no SDQ norm set ${normSet}`);
  const hasSubscales = sdq.subscales != null;
  const hasItems = sdq.items != null;
  if (hasSubscales === hasItems) {
    problems.add('input.sdq', 'Give either the five subscale scores or the item answers, not both or neither');
    return { informant: sdq.informant, normSet, subscales: blank(), prorated: [], items: null };
  }
  if (sdq.subscales) {
    const sub = blank();
    for (const scale of SDQ_SUBSCALES) {
      const key = scale.toLowerCase() as keyof NonNullable<SdqInput['subscales']>;
      const v = sdq.subscales[key];
      if (!Number.isInteger(v) || v < 0 || v > 10)
        problems.add(`input.sdq.subscales.${key}`, 'An SDQ subscale is 0-10');
      sub[scale] = v;
    }
    return { informant: sdq.informant, normSet, subscales: sub, prorated: [], items: null };
  }
  const seen = new Set<number>();
  sdq.items!.forEach((a, i) => {
    if (!Number.isInteger(a.item) || a.item < 1 || a.item > 25)
      problems.add(`input.sdq.items[${i}].item`, 'SDQ items are numbered 1-25');
    else if (seen.has(a.item)) problems.add(`input.sdq.items[${i}].item`, `Item ${a.item} is answered twice`);
    seen.add(a.item);
    if (!Number.isInteger(a.answer) || a.answer < 0 || a.answer > 2)
      problems.add(`input.sdq.items[${i}].answer`, 'An SDQ item is answered 0, 1 or 2');
  });
  const items = [...sdq.items!].sort((a, b) => a.item - b.item);
  const scored = subscalesFromItems(items);
  const sub = blank();
  for (const scale of SDQ_SUBSCALES) sub[scale] = scored[scale].score;
  return {
    informant: sdq.informant,
    normSet,
    subscales: sub,
    prorated: SDQ_SUBSCALES.filter((s) => scored[s].prorated),
    items,
  };
}

const blank = () => Object.fromEntries(SDQ_SUBSCALES.map((s) => [s, null])) as Record<SdqSubscale, number | null>;

/**
 * Validates a registration of the family department's part of a person's month and
 * gives the values to store: what is entered, and for what is left out the values
 * of the person's previous month (the prefill; notes and SDQ are not carried over:
 * they belong to the month they were written in). Throws every problem at once.
 */
export function planFamilyPart(input: FamilyPartInput, facts: RegistrationFacts): FamilyPartValues {
  const problems = new InputProblems();
  if (!facts.memberOfFamily || !facts.role) {
    problems.add('input.personId', 'The person is not a member of this family');
    problems.throwIfAny();
  }
  checkMonth(input.month, facts, problems, 'input.month');
  const kind = kindOf(facts.role!);
  const previous = facts.previous && facts.previous.kind === kind ? facts.previous : null;
  const own = kind === 'CHILD' ? input.ics : input.vum;
  const other = kind === 'CHILD' ? input.vum : input.ics;
  if (other != null && other.length > 0) {
    problems.add(
      kind === 'CHILD' ? 'input.vum' : 'input.ics',
      kind === 'CHILD'
        ? 'VUM themes are for adults; a child is registered on the ICS dimensions'
        : 'ICS dimensions are for children; an adult is registered on the VUM themes',
    );
  }
  const entered =
    kind === 'CHILD'
      ? checkScores(own ?? [], 'dimension', ICS_DIMENSIONS, false, problems, 'input.ics')
      : checkScores(own ?? [], 'theme', VUM_THEMES, true, problems, 'input.vum');
  const names: readonly string[] = kind === 'CHILD' ? ICS_DIMENSIONS : VUM_THEMES;
  const scores: Record<string, number> = { ...(previous?.scores ?? {}), ...entered.scores };
  const missing = names.filter((n) => !(n in scores));
  if (missing.length > 0) {
    problems.add(
      kind === 'CHILD' ? 'input.ics' : 'input.vum',
      `No earlier month to carry over from: give ${missing.join(', ')}`,
    );
  }
  const pick = <K extends 'attendancePercent' | 'gradeAverage' | 'youthEducationStarted' | 'youthEducationKept'>(
    key: K,
    value: FamilyPartValues[K] | null | undefined,
  ): FamilyPartValues[K] | null => (value === undefined || value === null ? (previous?.[key] ?? null) : value);
  const attendancePercent = pick('attendancePercent', input.schoolAttendancePercent);
  if (
    input.schoolAttendancePercent != null &&
    !(input.schoolAttendancePercent >= 0 && input.schoolAttendancePercent <= 100)
  )
    problems.add('input.schoolAttendancePercent', 'Attendance is 0-100 per cent');
  const gradeAverage = pick('gradeAverage', input.gradeAverage);
  if (input.gradeAverage != null && !(input.gradeAverage >= -3 && input.gradeAverage <= 12))
    problems.add('input.gradeAverage', 'A grade average on the 7-point scale is between -3 and 12');
  if (kind === 'ADULT') {
    for (const key of [
      'schoolAttendancePercent',
      'gradeAverage',
      'youthEducationStarted',
      'youthEducationKept',
    ] as const) {
      if (input[key] != null)
        problems.add(`input.${key}`, 'School, grades and youth education are registered for children');
    }
  }
  const sdq = input.sdq ? checkSdq(input.sdq, facts, problems) : null;
  if (sdq && kind === 'ADULT') problems.add('input.sdq', 'The SDQ is registered for children');
  if (input.reason && input.reason.trim().length > 500)
    problems.add('input.reason', 'A reason is at most 500 characters');
  problems.throwIfAny();
  return {
    kind,
    scores: Object.fromEntries(names.map((n) => [n, scores[n]!])),
    notes: entered.notes,
    attendancePercent,
    gradeAverage,
    youthEducationStarted: pick('youthEducationStarted', input.youthEducationStarted),
    youthEducationKept: pick('youthEducationKept', input.youthEducationKept),
    sdq,
  };
}

/** Last month's values as this month's, for a month confirmed unchanged (notes and SDQ stay with their month). */
export const carriedOver = (previous: FamilyPartValues): FamilyPartValues => ({ ...previous, notes: {}, sdq: null });

/** The SDQ's eight scale scores of a stored SDQ. */
export const scalesOf = (sdq: StoredSdq) => sdqScales(sdq.subscales);

export { SDQ_ITEMS };
