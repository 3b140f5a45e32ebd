import { UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import { knownPerson } from '../person/known-person';
import { namedCompany } from '../company/company.resolvers';
import type { EmploymentContext } from '../context';
import { today } from '../dates';
import { isUuid } from '../ids';
import type { LeisureJobEntity } from './leisure-job.entity';
import {
  checkLeisureJobPerson,
  leisureJobHeld,
  planLeisureJobEnd,
  validateLeisureJob,
  type LeisureJobEnd,
  type LeisureJobInput,
} from './leisure-job';

function authorizeLeisureJobs(ctx: EmploymentContext, operation: 'read' | 'write'): void {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'EMPLOYMENT',
    operation,
    what: "A child's leisure jobs",
  });
}

function changed(ctx: EmploymentContext, job: LeisureJobEntity): LeisureJobEntity {
  ctx.loaders.leisureJobsOfPerson.clear(job.personId);
  ctx.loaders.leisureJob.clear(job.id).prime(job.id, job);
  return job;
}

export const leisureJobResolvers = {
  Mutation: {
    recordLeisureJob: async (_: unknown, args: { input: LeisureJobInput }, ctx: EmploymentContext) => {
      authorizeLeisureJobs(ctx, 'write');
      const valid = validateLeisureJob(args.input);
      await namedCompany(ctx, valid.companyId, 'input.employerCompanyId');
      const person = await knownPerson(ctx, valid.personId);
      checkLeisureJobPerson(valid, person);
      const job = await ctx.stores.leisureJobs.create(valid, {
        municipalityCode: ctx.identity.municipality,
        familyId: person.familyId,
        createdBy: ctx.identity.userId,
      });
      return changed(ctx, job);
    },
    endLeisureJob: async (_: unknown, args: { input: LeisureJobEnd }, ctx: EmploymentContext) => {
      authorizeLeisureJobs(ctx, 'write');
      const id = args.input.leisureJobId;
      const found = isUuid(id) ? await ctx.loaders.leisureJob.load(id.toLowerCase()) : null;
      if (!found || found.municipalityCode !== ctx.identity.municipality) {
        throw new UserInputError('input.leisureJobId', 'There is no leisure job with this id in your municipality');
      }
      const ended = await ctx.stores.leisureJobs.end(found.id, ctx.identity.userId, (current) =>
        planLeisureJobEnd(current, args.input),
      );
      return changed(ctx, ended);
    },
  },
  Person: {
    leisureJobs: (person: { id: string }, _: unknown, ctx: EmploymentContext) => {
      authorizeLeisureJobs(ctx, 'read');
      return isUuid(person.id) ? ctx.loaders.leisureJobsOfPerson.load(person.id.toLowerCase()) : [];
    },
  },
  LeisureJob: {
    person: (job: LeisureJobEntity) => ({ id: job.personId }),
    employer: (job: LeisureJobEntity, _: unknown, ctx: EmploymentContext) => ctx.loaders.company.load(job.companyId),
    held: (job: LeisureJobEntity) => leisureJobHeld(job, today()).held,
    heldKnown: (job: LeisureJobEntity) => leisureJobHeld(job, today()).known,
    heldFrom: (job: LeisureJobEntity) => leisureJobHeld(job, today()).heldFrom,
  },
};
