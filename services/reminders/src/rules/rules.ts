import { addDays, businessDaysBetween, isBusinessDay } from '@helhed/calendar';
import type { CaseworkerRef, Department, DueSnapshot, MemberRole, PersonMonthDue } from '../due/due';
import type { LeadTimes } from './lead-times';

/** A member missing a part, named by number and role only (never by name). */
export interface MissingMember {
  memberNumber: number;
  memberRole: MemberRole;
  department: Department;
  /** The name of the caseworker responsible for the part; null when none is named. */
  responsibleName: string | null;
}

interface Base {
  recipient: CaseworkerRef;
  /** Set when the reminder reaches a substitute: whom it was meant for. */
  onBehalfOf?: string;
}

/** One thing a caseworker is told in a digest. */
export type Reminder = Base &
  (
    | {
        kind: 'FOLLOW_UP_SOON' | 'FOLLOW_UP_OVERDUE';
        subject: 'PLAN' | 'ACTIVITY';
        familyId: string;
        caseReference: string;
        dueOn: string;
        /** Business days until due (SOON) or since due (OVERDUE). */
        businessDays: number;
      }
    | {
        kind: 'FOLLOW_UP_ESCALATED';
        subject: 'PLAN' | 'ACTIVITY';
        familyId: string;
        caseReference: string;
        dueOn: string;
        businessDays: number;
        responsibleName: string | null;
      }
    | {
        /** To the contact person: the family's members still missing a part (before and on the deadline). */
        kind: 'REGISTRATION_MISSING';
        familyId: string;
        caseReference: string;
        month: string;
        deadline: string;
        members: MissingMember[];
      }
    | {
        /** To a department's responsible caseworker, the business day after the deadline. */
        kind: 'REGISTRATION_PART_OVERDUE';
        familyId: string;
        caseReference: string;
        month: string;
        deadline: string;
        members: MissingMember[];
      }
    | {
        /** To the project lead, the business day after the deadline: what is missing, per caseworker. */
        kind: 'REGISTRATION_OVERVIEW';
        month: string;
        deadline: string;
        perCaseworker: Array<{ caseworkerName: string; missingParts: number; caseReferences: string[] }>;
      }
  );

export type ReminderKind = Reminder['kind'];

/** Lower is more urgent: a digest lists its reminders in this order. */
export const URGENCY: Record<ReminderKind, number> = {
  FOLLOW_UP_ESCALATED: 0,
  REGISTRATION_OVERVIEW: 1,
  REGISTRATION_PART_OVERDUE: 2,
  FOLLOW_UP_OVERDUE: 3,
  REGISTRATION_MISSING: 4,
  FOLLOW_UP_SOON: 5,
};

/** The months whose registration deadline can fall near `today`: last month and this month. */
export function candidateMonths(today: string): string[] {
  const thisMonth = today.slice(0, 7);
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return [previous, thisMonth];
}

/** What a registration deadline means today: a reminder day, the deadline, the day after, or nothing. */
export function registrationDayOf(
  today: string,
  deadline: string,
  lead: LeadTimes,
): 'BEFORE' | 'DEADLINE' | 'DAY_AFTER' | null {
  const until = businessDaysBetween(today, deadline);
  if (until === 0) return 'DEADLINE';
  if (until === lead.registrationBefore && lead.registrationBefore > 0) return 'BEFORE';
  if (until === -1) return 'DAY_AFTER';
  return null;
}

/** How far ahead follow-ups must be read for `today`'s reminders. */
export function followUpHorizon(today: string, lead: LeadTimes): string {
  // The business day `followUpBefore` ahead may be further in calendar days over a holiday; a month is ample.
  return addDays(today, Math.max(31, lead.followUpBefore * 3));
}

/**
 * The reminders of a day. Reminders go out on business days only; each rule
 * fires on exactly one business day, so a caseworker is told once per event.
 */
export function remindersFor(today: string, due: DueSnapshot, lead: LeadTimes): Reminder[] {
  if (!isBusinessDay(today)) return [];
  const reminders: Reminder[] = [];

  for (const f of due.followUps) {
    const base = { subject: f.kind, familyId: f.familyId, caseReference: f.caseReference, dueOn: f.dueOn };
    const until = businessDaysBetween(today, f.dueOn);
    if (f.responsible && lead.followUpBefore > 0 && until === lead.followUpBefore) {
      reminders.push({ ...base, kind: 'FOLLOW_UP_SOON', recipient: f.responsible, businessDays: until });
    }
    const overdue = -until;
    if (f.dueOn < today && f.responsible && overdue === lead.followUpOverdue) {
      reminders.push({ ...base, kind: 'FOLLOW_UP_OVERDUE', recipient: f.responsible, businessDays: overdue });
    }
    if (f.dueOn < today && f.projectLead && overdue === lead.followUpEscalation) {
      reminders.push({
        ...base,
        kind: 'FOLLOW_UP_ESCALATED',
        recipient: f.projectLead,
        businessDays: overdue,
        responsibleName: f.responsible?.name ?? null,
      });
    }
  }

  for (const registration of due.registrations) {
    const day = registrationDayOf(today, registration.deadline, lead);
    if (!day) continue;
    const missing = registration.members.filter((m) => !m.complete && m.missingParts.length > 0);
    if (day === 'BEFORE' || day === 'DEADLINE') reminders.push(...toContactPersons(missing, registration));
    else {
      reminders.push(...toResponsibleDepartments(missing, registration));
      reminders.push(...overviews(missing, registration));
    }
  }
  return reminders;
}

const byFamily = (members: PersonMonthDue[]) => {
  const families = new Map<string, PersonMonthDue[]>();
  for (const m of members) families.set(m.familyId, [...(families.get(m.familyId) ?? []), m]);
  return [...families.values()];
};

const missingMembers = (members: PersonMonthDue[], only?: (department: Department, id: string | null) => boolean) =>
  members
    .flatMap((m) =>
      m.missingParts
        .filter((p) => !only || only(p.department, p.responsible?.id ?? null))
        .map((p) => ({
          memberNumber: m.memberNumber,
          memberRole: m.memberRole,
          department: p.department,
          responsibleName: p.responsible?.name ?? null,
        })),
    )
    .sort((a, b) => a.memberNumber - b.memberNumber || a.department.localeCompare(b.department));

function toContactPersons(missing: PersonMonthDue[], registration: { month: string; deadline: string }): Reminder[] {
  return byFamily(missing).flatMap((members) => {
    const first = members[0]!;
    if (!first.contactPerson) return [];
    return [
      {
        kind: 'REGISTRATION_MISSING' as const,
        recipient: first.contactPerson,
        familyId: first.familyId,
        caseReference: first.caseReference,
        month: registration.month,
        deadline: registration.deadline,
        members: missingMembers(members),
      },
    ];
  });
}

function toResponsibleDepartments(
  missing: PersonMonthDue[],
  registration: { month: string; deadline: string },
): Reminder[] {
  const reminders: Reminder[] = [];
  for (const members of byFamily(missing)) {
    const first = members[0]!;
    const responsible = new Map<string, CaseworkerRef>();
    for (const m of members)
      for (const p of m.missingParts) if (p.responsible) responsible.set(p.responsible.id, p.responsible);
    for (const caseworker of responsible.values()) {
      reminders.push({
        kind: 'REGISTRATION_PART_OVERDUE',
        recipient: caseworker,
        familyId: first.familyId,
        caseReference: first.caseReference,
        month: registration.month,
        deadline: registration.deadline,
        members: missingMembers(members, (_, id) => id === caseworker.id),
      });
    }
  }
  return reminders;
}

/**
 * The project leads' overviews: each lead is told only of the families of the
 * project they lead (the family's project today), never of another project's
 * families nor of families in no project — the overview names case references
 * and caseworkers, and a lead may see only their own project's families.
 */
function overviews(missing: PersonMonthDue[], registration: { month: string; deadline: string }): Reminder[] {
  const perLead = new Map<string, { lead: CaseworkerRef; members: PersonMonthDue[] }>();
  for (const m of missing) {
    if (!m.projectLead) continue;
    const entry = perLead.get(m.projectLead.id) ?? { lead: m.projectLead, members: [] };
    entry.members.push(m);
    perLead.set(m.projectLead.id, entry);
  }
  return [...perLead.values()]
    .sort((a, b) => a.lead.id.localeCompare(b.lead.id))
    .map(({ lead, members }) => ({
      kind: 'REGISTRATION_OVERVIEW' as const,
      recipient: lead,
      month: registration.month,
      deadline: registration.deadline,
      perCaseworker: perCaseworkerOf(members),
    }));
}

/** What is missing per caseworker (the responsible one, else the contact person), most first. */
function perCaseworkerOf(missing: PersonMonthDue[]) {
  const perCaseworker = new Map<
    string,
    { caseworkerName: string; missingParts: number; caseReferences: Set<string> }
  >();
  for (const m of missing) {
    for (const p of m.missingParts) {
      const name = p.responsible?.name ?? m.contactPerson?.name ?? '—';
      const entry = perCaseworker.get(name) ?? { caseworkerName: name, missingParts: 0, caseReferences: new Set() };
      entry.missingParts += 1;
      entry.caseReferences.add(m.caseReference);
      perCaseworker.set(name, entry);
    }
  }
  return [...perCaseworker.values()]
    .map((e) => ({ ...e, caseReferences: [...e.caseReferences].sort() }))
    .sort((a, b) => b.missingParts - a.missingParts || a.caseworkerName.localeCompare(b.caseworkerName));
}

/** A caseworker's reminder settings. */
export interface ReminderPreference {
  caseworkerId: string;
  language: 'da' | 'en';
  /** An absence period (inclusive) during which `substitute` receives the caseworker's reminders. */
  absentFrom: string | null;
  absentTo: string | null;
  substituteId: string | null;
}

export const isAbsent = (p: ReminderPreference | undefined, day: string) =>
  !!p && p.absentFrom !== null && p.absentFrom <= day && (p.absentTo === null || day <= p.absentTo);

/**
 * Sends an absent caseworker's reminders to their substitute (one step: a
 * substitute who is absent too still gets them). Without a substitute, they stay.
 */
export function applySubstitutes(
  reminders: Reminder[],
  today: string,
  preferences: ReadonlyMap<string, ReminderPreference>,
  caseworkers: ReadonlyMap<string, CaseworkerRef>,
): Reminder[] {
  return reminders.map((r) => {
    const preference = preferences.get(r.recipient.id);
    if (!isAbsent(preference, today) || !preference?.substituteId) return r;
    const substitute = caseworkers.get(preference.substituteId);
    return substitute ? { ...r, recipient: substitute, onBehalfOf: r.recipient.name } : r;
  });
}
