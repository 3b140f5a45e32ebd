import { InputProblems } from '@helhed/errors';
import { ageOn } from '../cpr/cpr';
import { checkCurrentMember, type MemberFacts } from './member-facts';

export interface SetCustodyHoldersInput {
  childId: string;
  holderIds: string[];
}

export interface ValidCustodyHolders {
  childId: string;
  familyId: string;
  /** Distinct, in the order given. */
  holderIds: string[];
}

export const ADULT_AGE = 18;
/** Custody (*forældremyndighed*) is held by one person or by two together. */
export const MAX_CUSTODY_HOLDERS = 2;

/**
 * Checks who is to hold custody of a child: the child is a current CHILD member
 * under 18; every holder is a current adult member (PARENT or OTHER_ADULT, 18 or
 * older) of the child's family. `holders[i]` is the member `input.holderIds[i]`
 * names (null when it names nobody the caller can see). An empty list means
 * that no member of the family holds custody.
 */
export function validateCustodyHolders(
  input: SetCustodyHoldersInput,
  child: MemberFacts | null,
  holders: ReadonlyArray<MemberFacts | null>,
  today: string,
): ValidCustodyHolders {
  const problems = new InputProblems();
  const theChild = checkCurrentMember(child, 'input.childId', problems);
  if (theChild && theChild.role !== 'CHILD') {
    problems.add('input.childId', `Custody is registered for a member with the role CHILD, not ${theChild.role}`);
  } else if (theChild && ageOn(theChild.birthDate, today) >= ADULT_AGE) {
    problems.add('input.childId', `Custody ends at ${ADULT_AGE}: this member is ${ageOn(theChild.birthDate, today)}`);
  }
  if (input.holderIds.length > MAX_CUSTODY_HOLDERS) {
    problems.add('input.holderIds', `At most ${MAX_CUSTODY_HOLDERS} persons hold custody of a child together`);
  }

  const seen = new Set<string>();
  input.holderIds.forEach((id, i) => {
    const field = `input.holderIds[${i}]`;
    const holder = checkCurrentMember(holders[i] ?? null, field, problems);
    if (!holder) return;
    if (seen.has(holder.id)) problems.add(field, 'The same member is named twice');
    seen.add(holder.id);
    if (theChild && holder.id === theChild.id) {
      problems.add(field, 'A child cannot hold custody of themselves');
    } else if (holder.role === 'CHILD' || ageOn(holder.birthDate, today) < ADULT_AGE) {
      problems.add(
        field,
        `A child cannot hold custody: a custody holder is an adult member (PARENT or OTHER_ADULT, ${ADULT_AGE} or older)`,
      );
    }
    if (theChild && holder.familyId !== theChild.familyId) {
      problems.add(field, "A custody holder is a member of the child's family");
    }
  });

  problems.throwIfAny();
  return { childId: theChild!.id, familyId: theChild!.familyId, holderIds: [...seen] };
}
