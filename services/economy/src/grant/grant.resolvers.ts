import { ForbiddenError, UnauthenticatedError, UserInputError } from '@helhed/errors';
import type { EconomyContext } from '../context';
import { money } from '../money';
import { mustBeProject } from '../project-check';
import { LINE_KINDS, validateGrant, validateSpending, type GrantInput, type LineKind } from './grant';
import type { GrantRow } from './grant-store';

/** A grant is the municipality's: set by the economy department or a project lead, read also by administrators. */
function may(ctx: EconomyContext, operation: 'read' | 'write') {
  const who = ctx.identity;
  if (!who) throw new UnauthenticatedError();
  const ok =
    who.department === 'ECONOMY' ||
    who.roles.includes('PROJECT_LEAD') ||
    (operation === 'read' && who.roles.some((r) => r === 'ADMIN' || r === 'SERVICE'));
  if (!ok) throw new ForbiddenError('A project’s grant is for the project lead and the economy department');
}

const sum = (xs: Array<{ amountOre: number }>) => xs.reduce((s, x) => s + x.amountOre, 0);

export const grantResolvers = {
  Mutation: {
    setProjectGrant: async (_: unknown, args: { input: GrantInput }, ctx: EconomyContext) => {
      may(ctx, 'write');
      const municipality = ctx.identity.municipality;
      const [existing] = await ctx.stores.grants.byProjects(municipality, [args.input.projectId]);
      validateGrant(args.input, existing?.spending ?? []);
      await mustBeProject(ctx, args.input.projectId);
      await ctx.stores.grants.set(municipality, args.input);
      const [grant] = await ctx.stores.grants.byProjects(municipality, [args.input.projectId]);
      return grant;
    },
    recordGrantSpending: async (
      _: unknown,
      args: { input: { projectId: string; kind: LineKind; month: string; amountOre: number; note?: string | null } },
      ctx: EconomyContext,
    ) => {
      may(ctx, 'write');
      const [grant] = await ctx.stores.grants.byProjects(ctx.identity.municipality, [args.input.projectId]);
      if (!grant) throw new UserInputError('input.projectId', 'The project has no grant; set it first');
      validateSpending(args.input, grant);
      return ctx.stores.grants.addSpending(grant.id, args.input, ctx.identity.userId);
    },
  },
  Project: {
    grant: (project: { id: string }, _: unknown, ctx: EconomyContext) => {
      may(ctx, 'read');
      return ctx.loaders.grant.load(project.id);
    },
  },
  Grant: {
    project: (g: GrantRow) => ({ __typename: 'Project', id: g.projectId }),
    amount: (g: GrantRow) => money(g.amountOre),
    spent: (g: GrantRow) => money(sum(g.spending)),
    remaining: (g: GrantRow) => money(g.amountOre - sum(g.spending)),
    lines: (g: GrantRow) =>
      LINE_KINDS.flatMap((kind) => {
        const line = g.lines.find((l) => l.kind === kind);
        if (!line) return [];
        const spending = g.spending.filter((s) => s.kind === kind);
        return [
          {
            kind,
            budget: money(line.amountOre),
            spent: money(sum(spending)),
            remaining: money(line.amountOre - sum(spending)),
            spending,
          },
        ];
      }),
    spendingByMonth: (g: GrantRow) =>
      [...new Set(g.spending.map((s) => s.month))]
        .sort()
        .map((month) => ({ month, spent: money(sum(g.spending.filter((s) => s.month === month))) })),
  },
  GrantSpending: {
    amount: (s: { amountOre: number }) => money(s.amountOre),
  },
};
