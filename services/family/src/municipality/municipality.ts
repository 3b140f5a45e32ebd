import { InputProblems } from '@helhed/errors';

export interface MunicipalityInput {
  code: string;
  name: string;
}

export function validateMunicipality(input: MunicipalityInput): MunicipalityInput {
  const problems = new InputProblems();
  const code = input.code.trim();
  const name = input.name.trim();
  if (!/^\d{3}$/.test(code)) problems.add('input.code', 'A municipality code is three digits, e.g. 630');
  if (name.length === 0 || name.length > 100) problems.add('input.name', 'A municipality name is 1-100 characters');
  problems.throwIfAny();
  return { code, name };
}
