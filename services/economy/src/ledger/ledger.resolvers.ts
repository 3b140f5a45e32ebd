import type { GraphQLResolveInfo } from 'graphql';
import { fieldPathOf } from '@helhed/audit';
import { authorize } from '@helhed/identity';
import { UserInputError } from '@helhed/errors';
import type { EconomyContext } from '../context';
import { money, roundDiv } from '../money';
import type { CostEntryEntity } from './cost-entry.entity';
import { personsOfLineFor } from './ledger-audit';
import { validateManualCost, type ManualCostInput } from './manual-cost';

const ECONOMY_WRITE = (ctx: EconomyContext, what: string) =>
  authorize(ctx.identity, { municipality: ctx.identity.municipality, category: 'ECONOMY', operation: 'write', what });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_MANUAL_ENTRY = 'There is no manual cost entry with this id in your municipality';

export const ledgerResolvers = {
  Mutation: {
    recordManualCost: async (_: unknown, args: { input: ManualCostInput }, ctx: EconomyContext) => {
      ECONOMY_WRITE(ctx, "a family's costs");
      const { input } = args;
      const municipality = ctx.identity.municipality;
      const prices = await ctx.loaders.catalogue();
      const ofType = prices.filter((p) => p.costType === input.costType);
      const day = `${input.month}-01`;
      const valid = ofType.find((p) => p.validFrom <= day && (p.validTo === null || p.validTo >= day)) ?? null;
      const checked = validateManualCost(input, ofType[0]?.unit ?? null, valid);
      // A mutation gets no @requires: ask the family subgraph, with the caller's identity.
      const caller = { forwardedIdentity: ctx.forwardedIdentity, requestId: ctx.requestId };
      const [families, persons] = await Promise.all([
        ctx.directory.families([input.familyId], caller),
        input.personId ? ctx.directory.persons([input.personId], caller) : Promise.resolve(new Map()),
      ]);
      if (!families.has(input.familyId)) {
        throw new UserInputError('input.familyId', 'There is no family with this id in your municipality');
      }
      if (input.personId && persons.get(input.personId)?.familyId !== input.familyId) {
        throw new UserInputError('input.personId', 'The person is not a member of this family');
      }
      return ctx.stores.ledger.addManual({
        municipalityCode: municipality,
        familyId: input.familyId,
        personId: input.personId ?? null,
        department: input.department,
        costType: input.costType,
        month: input.month,
        unit: input.unit,
        quantityMilli: checked.quantityMilli,
        unitPriceOre: checked.unitPriceOre,
        amountOre: roundDiv(checked.unitPriceOre * checked.quantityMilli, 1000),
        priceId: checked.priceId,
        derivedFromId: null,
        note: input.note.trim(),
        createdBy: ctx.identity.userId,
      });
    },
    // Audited here (`'RESOLVER'` in operation-audit.ts): once removed, the line no longer says whose it was.
    removeManualCost: async (_: unknown, args: { id: string }, ctx: EconomyContext, info: GraphQLResolveInfo) => {
      ECONOMY_WRITE(ctx, "a family's costs");
      const municipality = ctx.identity.municipality;
      const line = UUID.test(args.id) ? await ctx.stores.ledger.manualById(municipality, args.id.toLowerCase()) : null;
      if (!line) throw new UserInputError('id', NO_MANUAL_ENTRY);
      const persons = await personsOfLineFor(ctx, line);
      if (!(await ctx.stores.ledger.removeManual(municipality, line.id)))
        throw new UserInputError('id', NO_MANUAL_ENTRY);
      const fieldPath = fieldPathOf(info.path);
      for (const personId of persons)
        ctx.audit.record({ personId, category: 'ECONOMY', fieldPath, operation: 'DELETE' });
      return args.id;
    },
  },
  CostEntry: {
    family: (e: CostEntryEntity) => ({ __typename: 'Family', id: e.familyId }),
    person: (e: CostEntryEntity) => (e.personId ? { __typename: 'Person', id: e.personId } : null),
    quantity: (e: CostEntryEntity) => e.quantityMilli / 1000,
    amount: (e: CostEntryEntity) => money(e.amountOre),
    planActivity: (e: CostEntryEntity) =>
      e.source === 'DERIVED_ACTIVITY' ? { __typename: 'PlanActivity', id: e.derivedFromId } : null,
    benefitPeriod: (e: CostEntryEntity) =>
      e.source === 'DERIVED_BENEFIT' ? { __typename: 'BenefitPeriod', id: e.derivedFromId } : null,
    price: (e: CostEntryEntity, _: unknown, ctx: EconomyContext) =>
      e.priceId ? ctx.loaders.price.load(e.priceId) : null,
  },
};
