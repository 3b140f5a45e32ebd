import { toConnection, type PageArgs } from '@helhed/db';
import { UserInputError } from '@helhed/errors';
import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import { knownPerson } from '../person/known-person';
import { auditWrite, authorizeExistence, authorizeHealth } from '../person/health-access';
import type { ReferralEntity } from './referral.entity';
import {
  planReferralUpdate,
  validateReferral,
  waitingDays,
  type SendReferralInput,
  type UpdateReferralInput,
} from './referral';

/**
 * A referral read through the graph by its id: of the caller's municipality; its
 * fields are the declared policy's by view (the course in the team summary, the
 * note and close reason clinical only), each refused or audited there.
 */
async function readableReferral(ctx: HealthContext, id: string) {
  authorizeExistence(ctx, 'a referral');
  return visibleReferral(ctx, id);
}

/** Loads a referral of the caller's municipality (another municipality's does not exist for the caller). */
async function visibleReferral(ctx: HealthContext, id: string): Promise<ReferralEntity | null> {
  if (!isUuid(id)) return null;
  const referral = await ctx.loaders.referral.load(id.toLowerCase());
  return referral && referral.municipalityCode === ctx.identity.municipality ? referral : null;
}

/** A person's referrals changed: the request's loaders read them again. */
function referralsChanged(ctx: HealthContext, referral: ReferralEntity): ReferralEntity {
  ctx.loaders.referralsOfPerson.clear(referral.personId);
  ctx.loaders.referralPageOfPerson.clearAll();
  ctx.loaders.referral.clear(referral.id).prime(referral.id, referral);
  return referral;
}

export const referralResolvers = {
  Query: {
    referral: (_: unknown, args: { id: string }, ctx: HealthContext) => readableReferral(ctx, args.id),
  },
  Mutation: {
    sendReferral: async (_: unknown, args: { input: SendReferralInput }, ctx: HealthContext) => {
      authorizeHealth(ctx, 'write', 'referrals');
      const valid = validateReferral(args.input, ctx.today);
      const person = await knownPerson(ctx, valid.personId);
      const referral = await ctx.stores.referrals.create(valid, {
        municipalityCode: ctx.identity.municipality,
        familyId: person.familyId,
        createdBy: ctx.identity.userId,
      });
      auditWrite(ctx, referral.personId, 'sendReferral', 'CREATE');
      ctx.logger.info({ referralId: referral.id }, 'referral sent');
      return referralsChanged(ctx, referral);
    },
    updateReferral: async (_: unknown, args: { input: UpdateReferralInput }, ctx: HealthContext) => {
      authorizeHealth(ctx, 'write', 'referrals');
      const found = await visibleReferral(ctx, args.input.referralId);
      if (!found)
        throw new UserInputError('input.referralId', 'There is no referral with this id in your municipality');
      const updated = await ctx.stores.referrals.update(found.id, ctx.identity.userId, (current) =>
        planReferralUpdate(current, args.input, ctx.today),
      );
      auditWrite(ctx, updated.personId, 'updateReferral', 'UPDATE');
      return referralsChanged(ctx, updated);
    },
  },
  Person: {
    referrals: (person: { id: string }, _: unknown, ctx: HealthContext) =>
      isUuid(person.id) ? ctx.loaders.referralsOfPerson.load(person.id.toLowerCase()) : [],
    referralsConnection: async (person: { id: string }, args: PageArgs, ctx: HealthContext) => {
      const personId = person.id.toLowerCase();
      if (!isUuid(personId)) return toConnection({ nodes: [], hasNextPage: false, cursors: [] });
      return toConnection(await ctx.loaders.referralPageOfPerson.load({ personId, ...args }));
    },
  },
  Referral: {
    __resolveReference: (ref: { id: string }, ctx: HealthContext) => readableReferral(ctx, ref.id),
    to: (referral: ReferralEntity) => referral.referredTo,
    waitingDays: (referral: ReferralEntity, _: unknown, ctx: HealthContext) => waitingDays(referral, ctx.today),
    waiting: (referral: ReferralEntity) => referral.firstAppointmentOn === null && referral.closedOn === null,
    person: (referral: ReferralEntity) => ({ id: referral.personId }),
  },
};
