import { InputProblems } from '@helhed/errors';
import type { Department } from '@helhed/identity';
import type { CaseworkerRole } from './caseworker.entity';

export interface CaseworkerInput {
  name: string;
  email: string;
  department: Department;
  roles?: CaseworkerRole[] | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateCaseworker(input: CaseworkerInput): Required<CaseworkerInput> & { roles: CaseworkerRole[] } {
  const problems = new InputProblems();
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  if (name.length === 0 || name.length > 200) problems.add('input.name', 'A name is 1-200 characters');
  if (!EMAIL.test(email) || email.length > 254) problems.add('input.email', 'Not an email address');
  const roles: CaseworkerRole[] = input.roles && input.roles.length > 0 ? [...new Set(input.roles)] : ['CASEWORKER'];
  problems.throwIfAny();
  return { name, email, department: input.department, roles };
}
