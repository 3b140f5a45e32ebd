import type { EconomyContext } from '../context';

/** A ledger line as the audit sees it: the family it belongs to and the member it concerns, if one. */
export interface LedgerLine {
  familyId: string;
  personId: string | null;
}

/**
 * Whose ECONOMY data a ledger line is: the member it concerns, or, for a line of the
 * family as a whole, every member of the family, current and former (as a read of the
 * family's costs is theirs: `familySubjects` in resolvers.ts). `membersOf` answers a
 * family's member ids (the family subgraph, asked with the caller's identity).
 */
export async function personsOfLine(
  line: LedgerLine,
  membersOf: (familyId: string) => Promise<readonly string[]>,
): Promise<string[]> {
  if (line.personId) return [line.personId];
  return [...new Set(await membersOf(line.familyId))];
}

/** `personsOfLine` asking the family subgraph for the members. */
export function personsOfLineFor(ctx: EconomyContext, line: LedgerLine): Promise<string[]> {
  const caller = { forwardedIdentity: ctx.forwardedIdentity, requestId: ctx.requestId };
  return personsOfLine(line, async (familyId) => {
    const members = await ctx.directory.members([familyId], caller);
    return members.get(familyId) ?? [];
  });
}
