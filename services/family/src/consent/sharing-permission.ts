import type { FamilyContext } from '../context';
import type { ConsentEntity } from './consent.entity';
import type { LegalBasisEntity } from './legal-basis.entity';
import { decideSharing, type SharingDecision, type SharingQuestion } from './sharing';

/**
 * The sharing rule for one person, with the person's consents and legal bases
 * read through the request's DataLoaders: asking it for many persons in one
 * request costs two SQL statements in all. `personId` must be a person the
 * caller may see (checked by the caller).
 */
export async function sharingPermissionFor(
  ctx: FamilyContext,
  personId: string,
  question: SharingQuestion,
): Promise<SharingDecision<ConsentEntity, LegalBasisEntity>> {
  const [consents, legalBases] = await Promise.all([
    ctx.loaders.consentsOfPerson.load(personId),
    ctx.loaders.legalBasesOfPerson.load(personId),
  ]);
  return decideSharing(question, { consents, legalBases });
}
