import { UserInputError } from '@helhed/errors';
import type { DirectoryPerson } from '@helhed/family-directory';
import type { HealthContext } from '../context';

/**
 * The person an input names, as the family subgraph knows them (asked with the
 * caller's identity). A person that does not exist, or that the caller may not
 * see, is bad input at `field`.
 */
export async function knownPerson(
  ctx: HealthContext,
  personId: string,
  field = 'input.personId',
): Promise<DirectoryPerson> {
  const person = (await ctx.directory.persons([personId], ctx)).get(personId);
  if (!person) throw new UserInputError(field, 'There is no person with this id in your municipality');
  return person;
}
