import { InputProblems } from '@helhed/errors';
import { isRealDate } from '../dates';
import type { PartnershipKind } from './company.entity';
import { cvrProblem } from './cvr';

export interface CompanyInput {
  cvr: string;
  name: string;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

export interface ValidCompany {
  cvr: string;
  name: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export interface PartnershipInput {
  companyId: string;
  kind: PartnershipKind;
  from: string;
  to?: string | null;
  places?: number | null;
}

export interface ValidPartnership {
  kind: PartnershipKind;
  fromDate: string;
  toDate: string | null;
  places: number | null;
}

const NAME_MAX = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ]{8,15}$/;

/** An optional text: trimmed, empty means none. */
const optional = (v: string | null | undefined): string | null => (v == null || v.trim() === '' ? null : v.trim());

/** Normalises a CVR number as people write it (spaces, a "DK" prefix) to its 8 digits. */
export const normaliseCvr = (cvr: string): string => cvr.replace(/\s+/g, '').replace(/^DK/i, '');

/** Checks a company to register and reports every problem with its path. */
export function validateCompany(input: CompanyInput): ValidCompany {
  const problems = new InputProblems();
  const cvr = normaliseCvr(input.cvr);
  const bad = cvrProblem(cvr);
  if (bad) problems.add('input.cvr', bad);
  const name = input.name.trim();
  if (name.length === 0 || name.length > NAME_MAX) problems.add('input.name', `A name is 1-${NAME_MAX} characters`);
  const contactName = optional(input.contactName);
  if (contactName !== null && contactName.length > NAME_MAX) {
    problems.add('input.contactName', `A contact name is at most ${NAME_MAX} characters`);
  }
  const contactEmail = optional(input.contactEmail);
  if (contactEmail !== null && !EMAIL.test(contactEmail)) {
    problems.add('input.contactEmail', 'The contact email is not an email address');
  }
  const contactPhone = optional(input.contactPhone);
  if (contactPhone !== null && !PHONE.test(contactPhone)) {
    problems.add('input.contactPhone', 'A phone number is 8-15 digits, optionally with + and spaces');
  }
  problems.throwIfAny();
  return { cvr, name, contactName, contactEmail, contactPhone };
}

/** Checks a partnership agreement: real dates, the end not before the start, a positive number of places. */
export function validatePartnership(input: PartnershipInput): ValidPartnership {
  const problems = new InputProblems();
  const fromOk = isRealDate(input.from);
  if (!fromOk) problems.add('input.from', 'The start date is written YYYY-MM-DD and is a real date');
  const to = input.to ?? null;
  if (to !== null && !isRealDate(to)) problems.add('input.to', 'The end date is written YYYY-MM-DD and is a real date');
  else if (to !== null && fromOk && to < input.from) problems.add('input.to', 'The end date is before the start date');
  const places = input.places ?? null;
  if (places !== null && (!Number.isInteger(places) || places < 1 || places > 10000)) {
    problems.add('input.places', 'The number of places is a whole number from 1 to 10000');
  }
  problems.throwIfAny();
  return { kind: input.kind, fromDate: input.from, toDate: to, places };
}
