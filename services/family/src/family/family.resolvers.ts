import { toConnection, type PageArgs } from '@helhed/db';
import { ForbiddenError, UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { parseCpr } from '../cpr/cpr';
import { isUuid } from '../ids';
import {
  planActivation,
  planClosing,
  planFamilyUpdate,
  type FamilyActivation,
  type FamilyClosing,
  type FamilyUpdate,
} from './family-lifecycle';
import type { FamilyEntity, FamilyStatus } from './family.entity';
import { validateNewFamily, type NewFamily } from './new-family';
import { decideFamilyRead } from '../team/caller-facts';
import { existenceOnly } from './existence';

interface FamilyFilter {
  status?: FamilyStatus | null;
  contactPersonId?: string | null;
}

/** Loads a family of the caller's municipality; another municipality's family does not exist for the caller. */
export async function visibleFamily(ctx: FamilyContext, id: string): Promise<FamilyEntity | null> {
  if (!isUuid(id)) return null;
  const family = await ctx.loaders.family.load(id);
  if (!family || family.municipalityCode !== ctx.identity.municipality) return null;
  authorize(ctx.identity, {
    municipality: family.municipalityCode,
    category: 'BASIC',
    operation: 'read',
    what: 'A family',
  });
  return family;
}

/**
 * The family a mutation changes: of the caller's municipality (another
 * municipality's family does not exist for the caller), and the caller may
 * change the family's basic data.
 */
export async function familyToChange(ctx: FamilyContext, familyId: string, field = 'input.familyId') {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'BASIC',
    operation: 'write',
    what: 'families',
  });
  const family = await visibleFamily(ctx, familyId);
  if (!family) throw new UserInputError(field, 'There is no family with this id in your municipality');
  return family;
}

/**
 * Whose families a list shows the caller: every family of the municipality to
 * those the rules let see any family's basic data (ADMIN, the reminder worker);
 * otherwise only the families whose team the caller is on today, and for a
 * PROJECT_LEAD also the families enrolled (now or before) in a project they lead.
 */
function listScope(ctx: FamilyContext) {
  const { roles, userId } = ctx.identity;
  if (roles.includes('ADMIN') || roles.includes('SERVICE')) return null;
  return { caseworkerId: userId, asProjectLead: roles.includes('PROJECT_LEAD') };
}

/** After a change, the request's loader gives the changed family (nested fields read the new state). */
function changed(ctx: FamilyContext, family: FamilyEntity): FamilyEntity {
  ctx.loaders.family.clear(family.id).prime(family.id, family);
  return family;
}

const readFamilies = (ctx: FamilyContext) =>
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'BASIC',
    operation: 'read',
    what: 'Families',
  });

export const familyResolvers = {
  Query: {
    family: (_: unknown, args: { id: string }, ctx: FamilyContext) => visibleFamily(ctx, args.id),

    families: async (_: unknown, args: { filter?: FamilyFilter | null } & PageArgs, ctx: FamilyContext) => {
      readFamilies(ctx);
      const contactPersonId = args.filter?.contactPersonId ?? null;
      if (contactPersonId !== null && !isUuid(contactPersonId)) {
        throw new UserInputError('filter.contactPersonId', 'Not a caseworker id');
      }
      const page = await ctx.stores.families.page(
        ctx.identity.municipality,
        { status: args.filter?.status, contactPersonId, today: ctx.today, visibleTo: listScope(ctx) },
        args,
      );
      // Prime the per-request loader: a family resolved again (e.g. via Person.family) costs no statement.
      for (const family of page.nodes) ctx.loaders.family.prime(family.id, family);
      return toConnection(page);
    },

    familyByCaseReference: async (_: unknown, args: { caseReference: string }, ctx: FamilyContext) => {
      readFamilies(ctx);
      const family = await ctx.stores.families.byCaseReference(ctx.identity.municipality, args.caseReference.trim());
      if (!family) return null;
      ctx.loaders.family.prime(family.id, family);
      const subject = { personId: null, familyId: family.id, municipality: family.municipalityCode };
      // A caller who may not see the family learns that it exists, nothing more.
      return (await decideFamilyRead(ctx, subject, 'BASIC')).allowed ? family : existenceOnly(family);
    },

    familiesByMemberCpr: async (_: unknown, args: { cpr: string }, ctx: FamilyContext) => {
      readFamilies(ctx);
      const cpr = parseCpr(args.cpr);
      if (!cpr.ok) throw new UserInputError('cpr', cpr.reason);
      // A search by CPR shows only the families the caller may see (an off-team caller learns nothing).
      const found = await ctx.stores.families.byMemberCpr(ctx.identity.municipality, cpr.value.digits);
      const decisions = await Promise.all(
        found.map((f) =>
          decideFamilyRead(ctx, { personId: null, familyId: f.id, municipality: f.municipalityCode }, 'BASIC'),
        ),
      );
      return found.filter((_f, i) => decisions[i]!.allowed);
    },
  },

  Mutation: {
    createFamily: async (_: unknown, args: { input: NewFamily }, ctx: FamilyContext) => {
      const municipality = ctx.identity.municipality;
      authorize(ctx.identity, { municipality, category: 'BASIC', operation: 'write', what: 'families' });
      const valid = validateNewFamily(args.input, ctx.today);
      if (!(await ctx.loaders.municipality.load(municipality))) {
        throw new ForbiddenError(`Municipality ${municipality} is not registered in Helhed`);
      }
      const family = await ctx.stores.families.create(valid, municipality, ctx.identity.userId);
      ctx.logger.info({ familyId: family.id, members: valid.members.length }, 'family created');
      return family;
    },

    updateFamily: async (_: unknown, args: { input: FamilyUpdate }, ctx: FamilyContext) => {
      const family = await familyToChange(ctx, args.input.familyId);
      const after = await ctx.stores.families.change(family.id, ctx.identity.userId, 'UPDATE', (current) =>
        planFamilyUpdate(current, args.input, ctx.today),
      );
      return changed(ctx, after);
    },

    activateFamily: async (_: unknown, args: { input: FamilyActivation }, ctx: FamilyContext) => {
      const family = await familyToChange(ctx, args.input.familyId);
      const after = await ctx.stores.families.change(family.id, ctx.identity.userId, 'ACTIVATE', (current) =>
        planActivation(current, args.input, ctx.today),
      );
      return changed(ctx, after);
    },

    closeFamily: async (_: unknown, args: { input: FamilyClosing }, ctx: FamilyContext) => {
      const family = await familyToChange(ctx, args.input.familyId);
      const after = await ctx.stores.families.change(
        family.id,
        ctx.identity.userId,
        'CLOSE',
        (current) => planClosing(current, args.input, ctx.today),
        args.input.reason.trim(),
      );
      return changed(ctx, after);
    },
  },

  Family: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visibleFamily(ctx, ref.id),
    municipality: (family: FamilyEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.municipality.load(family.municipalityCode),
    members: (family: FamilyEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.membersOfFamily.load(family.id),
  },
};
