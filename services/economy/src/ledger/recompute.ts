import { ForbiddenError } from '@helhed/errors';
import type { EconomyContext } from '../context';
import { deriveEntries, withoutCostBasis, type FamilyFacts } from './derive';

/**
 * Recomputes the derived ledger rows of some families for some months from the
 * facts the gateway sent (`@requires`), stores them idempotently, and returns
 * every ledger row (derived and manual) of those families and months. A fixed
 * number of statements however many families, members or months.
 */
export async function recomputeAndRead(ctx: EconomyContext, families: FamilyFacts[], months: readonly string[]) {
  const municipality = ctx.identity.municipality;
  // A member's benefit periods refused to the caller come as null: a cost computed without them would be wrong.
  if (families.some(withoutCostBasis))
    throw new ForbiddenError('The benefit periods the costs are priced from are not visible to the caller');
  const prices = await ctx.loaders.catalogue();
  const derived = families.flatMap((f) => deriveEntries(f, months, prices));
  const ids = families.map((f) => f.id);
  await ctx.stores.ledger.syncDerived(municipality, ids, months, derived);
  return ctx.stores.ledger.entries(municipality, ids, months);
}

/** One family's question to the ledger: its facts and the months wanted. */
export interface LedgerQuestion {
  family: FamilyFacts;
  months: readonly string[];
}

/**
 * The ledger rows of many families asked in one request (e.g. `costs` on a
 * list of families), recomputed and read together: every family is recomputed
 * for the union of the months asked, and each gets the rows of its own months.
 */
export async function recomputeMany(ctx: EconomyContext, questions: readonly LedgerQuestion[]) {
  const families = [...new Map(questions.map((q) => [q.family.id, q.family])).values()];
  const months = [...new Set(questions.flatMap((q) => q.months))].sort();
  const lines = await recomputeAndRead(ctx, families, months);
  return questions.map((q) => {
    const wanted = new Set(q.months);
    return lines.filter((l) => l.familyId === q.family.id && wanted.has(l.month));
  });
}
