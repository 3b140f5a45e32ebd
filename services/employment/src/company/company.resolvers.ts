import { toConnection, type PageArgs } from '@helhed/db';
import { UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { EmploymentContext } from '../context';
import { EmploymentPeriodEntity } from '../employment-period/employment-period.entity';
import { isUuid } from '../ids';
import { LeisureJobEntity } from '../leisure-job/leisure-job.entity';
import { OfferParticipationEntity } from '../offer/offer-participation.entity';
import type { CompanyEntity, PartnershipAgreementEntity } from './company.entity';
import {
  normaliseCvr,
  validateCompany,
  validatePartnership,
  type CompanyInput,
  type PartnershipInput,
} from './company';

function authorizeCompanies(ctx: EmploymentContext, operation: 'read' | 'write'): void {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'EMPLOYMENT',
    operation,
    what: 'companies',
  });
}

/** A company of the caller's municipality; another municipality's company does not exist for the caller. */
export async function visibleCompany(ctx: EmploymentContext, id: string): Promise<CompanyEntity | null> {
  if (!isUuid(id)) return null;
  const company = await ctx.loaders.company.load(id.toLowerCase());
  return company && company.municipalityCode === ctx.identity.municipality ? company : null;
}

/** The company an input names (e.g. an employer): of the caller's municipality, else bad input at `field`. */
export async function namedCompany(ctx: EmploymentContext, id: string, field: string): Promise<CompanyEntity> {
  const company = await visibleCompany(ctx, id);
  if (!company) throw new UserInputError(field, 'There is no company with this id in your municipality');
  return company;
}

type Placement = EmploymentPeriodEntity | LeisureJobEntity | OfferParticipationEntity;
const startOf = (p: Placement) =>
  p instanceof EmploymentPeriodEntity ? p.fromDate : p instanceof LeisureJobEntity ? p.startedOn : p.plannedStartOn;

export const companyResolvers = {
  Query: {
    companies: async (_: unknown, args: PageArgs, ctx: EmploymentContext) => {
      authorizeCompanies(ctx, 'read');
      return toConnection(await ctx.stores.companies.page(ctx.identity.municipality, args));
    },
    company: (_: unknown, args: { id: string }, ctx: EmploymentContext) => {
      authorizeCompanies(ctx, 'read');
      return visibleCompany(ctx, args.id);
    },
    companyByCvr: (_: unknown, args: { cvr: string }, ctx: EmploymentContext) => {
      authorizeCompanies(ctx, 'read');
      return ctx.stores.companies.byCvr(ctx.identity.municipality, normaliseCvr(args.cvr));
    },
  },
  Mutation: {
    registerCompany: async (_: unknown, args: { input: CompanyInput }, ctx: EmploymentContext) => {
      authorizeCompanies(ctx, 'write');
      const valid = validateCompany(args.input);
      return ctx.stores.companies.register(valid, ctx.identity.municipality, ctx.identity.userId);
    },
    addPartnershipAgreement: async (_: unknown, args: { input: PartnershipInput }, ctx: EmploymentContext) => {
      authorizeCompanies(ctx, 'write');
      const company = await namedCompany(ctx, args.input.companyId, 'input.companyId');
      const valid = validatePartnership(args.input);
      const agreement = await ctx.stores.companies.addAgreement(company, valid, ctx.identity.userId);
      ctx.loaders.agreementsOfCompany.clear(company.id);
      return agreement;
    },
  },
  Company: {
    __resolveReference: (ref: { id: string }, ctx: EmploymentContext) => {
      authorizeCompanies(ctx, 'read');
      return visibleCompany(ctx, ref.id);
    },
    contact: (c: CompanyEntity) =>
      c.contactName || c.contactEmail || c.contactPhone
        ? { name: c.contactName, email: c.contactEmail, phone: c.contactPhone }
        : null,
    partnershipAgreements: (c: CompanyEntity, _: unknown, ctx: EmploymentContext) =>
      ctx.loaders.agreementsOfCompany.load(c.id),
    placements: async (c: CompanyEntity, _: unknown, ctx: EmploymentContext): Promise<Placement[]> => {
      const [periods, jobs, offers] = await Promise.all([
        ctx.loaders.employmentPeriodsAtCompany.load(c.id),
        ctx.loaders.leisureJobsAtCompany.load(c.id),
        ctx.loaders.offerParticipationsAtCompany.load(c.id),
      ]);
      return [...periods, ...jobs, ...offers].sort((a, b) => startOf(a).localeCompare(startOf(b)));
    },
  },
  PartnershipAgreement: {
    from: (a: PartnershipAgreementEntity) => a.fromDate,
    to: (a: PartnershipAgreementEntity) => a.toDate,
    company: (a: PartnershipAgreementEntity, _: unknown, ctx: EmploymentContext) =>
      ctx.loaders.company.load(a.companyId),
  },
  CompanyPlacement: {
    __resolveType: (p: Placement) =>
      p instanceof EmploymentPeriodEntity
        ? 'EmploymentPeriod'
        : p instanceof LeisureJobEntity
          ? 'LeisureJob'
          : 'OfferParticipation',
  },
};
