import type { EconomyContext } from '../context';
import { deriveEntries, type FamilyFacts } from './derive';

/**
 * Recomputes the derived ledger rows of some families for some months from the
 * facts the gateway sent (`@requires`), stores them idempotently, and returns
 * every ledger row (derived and manual) of those families and months. A fixed
 * number of statements however many families, members or months.
 */
export async function recomputeAndRead(ctx: EconomyContext, families: FamilyFacts[], months: readonly string[]) {
  const municipality = ctx.identity.municipality;
  const prices = await ctx.loaders.catalogue();
  const derived = families.flatMap((f) => deriveEntries(f, months, prices));
  const ids = families.map((f) => f.id);
  await ctx.stores.ledger.syncDerived(municipality, ids, months, derived);
  return ctx.stores.ledger.entries(municipality, ids, months);
}
