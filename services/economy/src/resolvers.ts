import { DateScalar, DateTimeScalar, YearMonthScalar, withDeclaredPolicy, type DataSubject } from '@helhed/server';
import type { EconomyContext } from './context';
import { DATA_CATEGORIES } from './data-categories';
import type { FamilyFacts } from './ledger/derive';
import type { CostEntryEntity } from './ledger/cost-entry.entity';
import { projectCostSubjects } from './project-costs/project-subjects';
import type { ProjectRepresentation } from './project-costs/project-costs.resolvers';
import { accessLogResolvers } from './access-log/access-log.resolvers';
import { benefitCostResolvers } from './benefit-cost/benefit-cost.resolvers';
import { familyCostsResolvers } from './family-costs/family-costs.resolvers';
import { grantResolvers } from './grant/grant.resolvers';
import { investmentResolvers } from './investment/investment.resolvers';
import { ledgerResolvers } from './ledger/ledger.resolvers';
import { OreScalar } from './money';
import { priceCatalogueResolvers } from './price-catalogue/price-catalogue.resolvers';
import { projectCostsResolvers } from './project-costs/project-costs.resolvers';

/** Each domain folder's resolvers, merged type by type. */
const domainResolvers = {
  Date: DateScalar,
  YearMonth: YearMonthScalar,
  DateTime: DateTimeScalar,
  Ore: OreScalar,
  Query: { ...priceCatalogueResolvers.Query, ...investmentResolvers.Query },
  Mutation: {
    ...priceCatalogueResolvers.Mutation,
    ...ledgerResolvers.Mutation,
    ...investmentResolvers.Mutation,
    ...grantResolvers.Mutation,
  },
  PriceCatalogueEntry: priceCatalogueResolvers.PriceCatalogueEntry,
  Person: benefitCostResolvers.Person,
  CostEntry: ledgerResolvers.CostEntry,
  Family: familyCostsResolvers.Family,
  Project: { ...projectCostsResolvers.Project, ...grantResolvers.Project },
  Grant: grantResolvers.Grant,
  GrantSpending: grantResolvers.GrantSpending,
  InvestmentCase: investmentResolvers.InvestmentCase,
  AccessLog: accessLogResolvers.AccessLog,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person's costs, as the policy sees them: the person, in the caller's municipality. */
const personSubject = (personId: string, ctx: EconomyContext): DataSubject => ({
  personId: UUID.test(personId) ? personId.toLowerCase() : null,
  familyId: null,
  municipality: ctx.identity.municipality,
});

/** A family's costs are the data of every member (current and former); a family without members, its own. */
function familySubjects(family: FamilyFacts, ctx: EconomyContext): DataSubject[] {
  const members = [...(family.members ?? []), ...(family.formerMembers ?? [])];
  if (members.length === 0) return [{ personId: null, familyId: family.id, municipality: ctx.identity.municipality }];
  return members.map((m) => ({ ...personSubject(m.id, ctx), familyId: family.id }));
}

/**
 * The resolvers under the declared policy (`data-categories.ts`, `decideRead`):
 * a person's and a family's costs, a ledger line of a person, and a project's
 * totals where they identify its few families ask the cost-picture, team and
 * sharing rules, and an allowed read is audited (ECONOMY). The cost figures
 * inside (`FamilyCosts`, `ProjectCosts`, …) are reached only through these.
 */
export const resolvers = withDeclaredPolicy<EconomyContext>(
  domainResolvers as unknown as Record<string, Record<string, unknown>>,
  {
    categories: DATA_CATEGORIES,
    ownCategory: 'ECONOMY',
    subjects: {
      Person: (person: { id: string }, ctx) => personSubject(person.id, ctx),
      Family: (family: FamilyFacts, ctx) => familySubjects(family, ctx),
      // A family-level line (no member) is reached only through the guarded `Family.costs` or the economy department's own write.
      CostEntry: (line: CostEntryEntity, ctx) =>
        line.personId ? { ...personSubject(line.personId, ctx), municipality: line.municipalityCode } : null,
      Project: (project: ProjectRepresentation, ctx) => {
        const subjects = projectCostSubjects((project.families?.edges ?? []).map((e) => e.node.family));
        if (!subjects) return null;
        return [
          ...subjects.personIds.map((id) => personSubject(id, ctx)),
          ...subjects.familyIds.map((familyId) => ({
            personId: null,
            familyId,
            municipality: ctx.identity.municipality,
          })),
        ];
      },
    },
    access: (ctx, personId, category) => ctx.access(personId, category),
    record: (ctx, entry) => ctx.audit.record(entry),
  },
);
