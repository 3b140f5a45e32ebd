/**
 * What is due, as the worker reads it from the graph with its SERVICE identity:
 * due dates, completeness, case references and caseworkers — never a citizen.
 */

export type Department = 'FAMILY' | 'JOBCENTER' | 'HEALTH' | 'ECONOMY';
export type MemberRole = 'PARENT' | 'CHILD' | 'OTHER_ADULT';

/** A caseworker as the graph names them (a reminder's recipient or the one responsible). */
export interface CaseworkerRef {
  id: string;
  name: string;
  email: string;
  department: Department;
}

/** A plan's or an activity's next follow-up (family `Query.followUpsDue`). */
export interface FollowUpDue {
  kind: 'PLAN' | 'ACTIVITY';
  id: string;
  familyId: string;
  caseReference: string;
  dueOn: string;
  responsible: CaseworkerRef | null;
  projectLead: CaseworkerRef | null;
}

/** A department's part of a member's month that applies and is not done. */
export interface MissingPart {
  department: Department;
  responsible: CaseworkerRef | null;
}

/** One member's month of the monthly registration (the contract's `PersonMonth`, without `person`). */
export interface PersonMonthDue {
  personId: string;
  month: string;
  familyId: string;
  caseReference: string;
  memberRole: MemberRole;
  memberNumber: number;
  deadline: string;
  complete: boolean;
  missingParts: MissingPart[];
  contactPerson: CaseworkerRef | null;
  /** The lead of the project the family is enrolled in today; null when in none (then no overview names it). */
  projectLead: CaseworkerRef | null;
}

/** A month's registration: its deadline and (when read) its members. */
export interface RegistrationMonthDue {
  month: string;
  deadline: string;
  members: PersonMonthDue[];
}

/** Everything the rules decide on for one municipality and one day. */
export interface DueSnapshot {
  followUps: FollowUpDue[];
  registrations: RegistrationMonthDue[];
}

/** Reads what is due (through the gateway in the worker; fixtures in tests). */
export interface DueSource {
  /** The follow-ups due on or before `until`. */
  followUpsDue(municipality: string, until: string): Promise<FollowUpDue[]>;
  registrationDeadline(municipality: string, month: string): Promise<string>;
  registrationMonths(municipality: string, month: string): Promise<PersonMonthDue[]>;
  /** Caseworkers by id (substitutes named in preferences). */
  caseworkers(municipality: string, ids: string[]): Promise<CaseworkerRef[]>;
}
