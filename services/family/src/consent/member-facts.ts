import type { InputProblems } from '@helhed/errors';
import type { PersonEntity } from '../person/person.entity';

/** What the consent and custody rules need to know about a family member. */
export type MemberFacts = Pick<PersonEntity, 'id' | 'familyId' | 'role' | 'birthDate' | 'removedOn'>;

/**
 * A current member of the caller's municipality, or a problem at `field`:
 * `member` is null when the id names nobody the caller can see.
 */
export function checkCurrentMember<M extends MemberFacts>(
  member: M | null,
  field: string,
  problems: InputProblems,
): M | null {
  if (!member) {
    problems.add(field, 'No family member with this id in your municipality');
    return null;
  }
  if (member.removedOn) {
    problems.add(field, `This member left the family on ${member.removedOn}`);
    return null;
  }
  return member;
}

/** The distinct values of a list, in first-seen order. */
export const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** A required free text of 1-`max` characters (trimmed), or a problem at `field`. */
export function checkText(value: string, field: string, label: string, max: number, problems: InputProblems): string {
  const text = value.trim();
  if (text.length === 0 || text.length > max) problems.add(field, `${label} is 1-${max} characters`);
  return text;
}
