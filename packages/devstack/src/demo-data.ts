import type { Identity } from '@helhed/identity';
import type { GraphClient } from './graph-client';
import { loadFamilyWork, type FamilyWorkSummary } from './demo-family-work';
import { loadHealthWork } from './demo-health';
import { loadJobcenterWork } from './demo-jobcenter';

/**
 * Demo data for municipality 630 (Vejle): caseworkers in all four departments,
 * three families (a single parent with two children, a couple with three
 * children, a couple with one child over 13), benefit periods, a health
 * assessment and an example price catalogue. All persons and CPR numbers are
 * invented. Loading it twice changes nothing.
 */
const MUNICIPALITY = { code: '630', name: 'Vejle' };
const who = (department: Identity['department'], roles: Identity['roles'] = ['CASEWORKER']): Identity => ({
  userId: `seed-${department.toLowerCase()}`,
  municipality: MUNICIPALITY.code,
  department,
  roles,
});
const ADMIN = who('FAMILY', ['ADMIN']);

const CASEWORKERS = [
  { name: 'Anne Kjær', email: 'anne.kjaer@vejle.example', department: 'FAMILY', roles: ['CASEWORKER'] },
  { name: 'Lars Holm', email: 'lars.holm@vejle.example', department: 'FAMILY', roles: ['PROJECT_LEAD'] },
  { name: 'Søren Dahl', email: 'soeren.dahl@vejle.example', department: 'JOBCENTER', roles: ['CASEWORKER'] },
  { name: 'Maria Nielsen', email: 'maria.nielsen@vejle.example', department: 'HEALTH', roles: ['CASEWORKER'] },
  { name: 'Peter Bach', email: 'peter.bach@vejle.example', department: 'ECONOMY', roles: ['CASEWORKER'] },
];

type Member = { cpr: string; firstName: string; lastName: string; role: 'PARENT' | 'CHILD' | 'OTHER_ADULT' };
type Benefit = { cpr: string; type: string; from: string; to?: string };

const FAMILIES: Array<{
  caseReference: string;
  enrolmentDate?: string;
  members: Member[];
  benefits: Benefit[];
  health?: { cpr: string; assessedOn: string; summaryForTeam: string; recommendations: string };
}> = [
  {
    caseReference: 'VEJ-2026-0001',
    enrolmentDate: '2026-03-01',
    members: [
      { cpr: '1205881234', firstName: 'Mette', lastName: 'Jensen', role: 'PARENT' },
      { cpr: '0303124567', firstName: 'Emil', lastName: 'Jensen', role: 'CHILD' },
      { cpr: '1709164608', firstName: 'Freja', lastName: 'Jensen', role: 'CHILD' },
    ],
    benefits: [{ cpr: '1205881234', type: 'KONTANTHJAELP', from: '2025-01-01' }],
    health: {
      cpr: '1205881234',
      assessedOn: '2026-04-10',
      summaryForTeam: 'Mette has agreed to a course of sessions with a psychologist; mornings are hard for now.',
      recommendations: 'Start with few hours per week; plan meetings after 10:00.',
    },
  },
  {
    caseReference: 'VEJ-2026-0002',
    enrolmentDate: '2026-06-01',
    members: [
      { cpr: '2202811357', firstName: 'Ahmed', lastName: 'Hassan', role: 'PARENT' },
      { cpr: '0507842468', firstName: 'Leila', lastName: 'Hassan', role: 'PARENT' },
      { cpr: '1107104011', firstName: 'Yasmin', lastName: 'Hassan', role: 'CHILD' },
      { cpr: '2502134122', firstName: 'Omar', lastName: 'Hassan', role: 'CHILD' },
      { cpr: '0804194233', firstName: 'Adam', lastName: 'Hassan', role: 'CHILD' },
    ],
    benefits: [
      { cpr: '2202811357', type: 'KONTANTHJAELP', from: '2024-06-01' },
      { cpr: '0507842468', type: 'SYGEDAGPENGE', from: '2026-02-01', to: '2026-08-31' },
      { cpr: '0507842468', type: 'KONTANTHJAELP', from: '2026-09-01' },
    ],
  },
  {
    caseReference: 'VEJ-2026-0003',
    members: [
      { cpr: '1403791111', firstName: 'Jonas', lastName: 'Poulsen', role: 'PARENT' },
      { cpr: '3009822222', firstName: 'Camilla', lastName: 'Poulsen', role: 'PARENT' },
      { cpr: '1906114334', firstName: 'Ida', lastName: 'Poulsen', role: 'CHILD' },
    ],
    benefits: [{ cpr: '1403791111', type: 'RESSOURCEFORLOEBSYDELSE', from: '2025-09-01' }],
  },
];

/** Example monthly benefit prices (not official rates). */
const EXAMPLE_PRICES = [
  { costType: 'KONTANTHJAELP', unit: 'MONTH', priceOre: 1_650_000, validFrom: '2024-01-01' },
  { costType: 'UDDANNELSESHJAELP', unit: 'MONTH', priceOre: 850_000, validFrom: '2024-01-01' },
  { costType: 'SYGEDAGPENGE', unit: 'MONTH', priceOre: 2_050_000, validFrom: '2024-01-01' },
  { costType: 'RESSOURCEFORLOEBSYDELSE', unit: 'MONTH', priceOre: 1_650_000, validFrom: '2024-01-01' },
  { costType: 'LEDIGHEDSYDELSE', unit: 'MONTH', priceOre: 1_900_000, validFrom: '2024-01-01' },
];

export interface SeedSummary extends FamilyWorkSummary {
  /** 1 when the jobcenter's demo records (companies, internship, work, leisure job) were added. */
  jobcenter: number;
  /** 1 when the health coordinator's demo records (referrals, treatment, WHO-5 series) were added. */
  health: number;
  caseworkers: number;
  families: number;
  prices: number;
}

export async function loadDemoData(graph: GraphClient): Promise<SeedSummary> {
  await graph.request(
    ADMIN,
    `mutation($input: RegisterMunicipalityInput!) { registerMunicipality(input: $input) { code } }`,
    {
      input: MUNICIPALITY,
    },
  );

  const existing = await graph.request<{ caseworkers: Array<{ email: string }> }>(ADMIN, `{ caseworkers { email } }`);
  const known = new Set(existing.caseworkers.map((c) => c.email));
  const newCaseworkers = CASEWORKERS.filter((c) => !known.has(c.email));
  for (const input of newCaseworkers) {
    await graph.request(
      ADMIN,
      `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
      {
        input,
      },
    );
  }

  // The demo works as its registered caseworkers, so the team rule lets them see and change their families:
  // Anne (family department) opens the cases and is on every family's team; Søren (jobcenter) and Maria (health)
  // are on the teams the demo gives them (`demo-family-work.ts`).
  const { caseworkers: staff } = await graph.request<{ caseworkers: Array<{ id: string; email: string }> }>(
    ADMIN,
    `{ caseworkers { id email } }`,
  );
  const as = (department: Identity['department'], email: string): Identity => ({
    ...who(department),
    userId: staff.find((c) => c.email === email)?.id ?? who(department).userId,
  });
  const family = as('FAMILY', 'anne.kjaer@vejle.example');
  const jobcenterCaseworker = as('JOBCENTER', 'soeren.dahl@vejle.example');
  const healthCoordinator = as('HEALTH', 'maria.nielsen@vejle.example');
  const { families } = await graph.request<{ families: { edges: Array<{ node: { caseReference: string } }> } }>(
    family,
    `{ families(first: 200) { edges { node { caseReference } } } }`,
  );
  const present = new Set(families.edges.map((e) => e.node.caseReference));
  let created = 0;
  for (const f of FAMILIES.filter((x) => !present.has(x.caseReference))) {
    const { createFamily } = await graph.request<{
      createFamily: { members: Array<{ id: string; cprMasked: string }> };
    }>(family, `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { members { id cprMasked } } }`, {
      input: { caseReference: f.caseReference, enrolmentDate: f.enrolmentDate, members: f.members },
    });
    // The graph shows CPR numbers masked; the demo matches members by their birth-date part.
    const idOf = (cpr: string) => createFamily.members.find((m) => m.cprMasked === `${cpr.slice(0, 6)}-XXXX`)!.id;
    for (const b of f.benefits) {
      await graph.request(
        jobcenterCaseworker,
        `mutation($input: RecordBenefitPeriodInput!) { recordBenefitPeriod(input: $input) { id } }`,
        { input: { personId: idOf(b.cpr), type: b.type, from: b.from, to: b.to } },
      );
    }
    if (f.health) {
      const { cpr, ...assessment } = f.health;
      await graph.request(
        healthCoordinator,
        `mutation($input: RecordHealthAssessmentInput!) { recordHealthAssessment(input: $input) { id } }`,
        { input: { personId: idOf(cpr), ...assessment } },
      );
    }
    created++;
  }

  const economy = who('ECONOMY');
  const { priceCatalogue } = await graph.request<{ priceCatalogue: Array<{ costType: string; unit: string }> }>(
    economy,
    `{ priceCatalogue { costType unit } }`,
  );
  const priced = new Set(priceCatalogue.map((p) => `${p.costType}/${p.unit}`));
  const newPrices = EXAMPLE_PRICES.filter((p) => !priced.has(`${p.costType}/${p.unit}`));
  for (const input of newPrices) {
    await graph.request(
      economy,
      `mutation($input: AddPriceCatalogueEntryInput!) { addPriceCatalogueEntry(input: $input) { id } }`,
      { input },
    );
  }
  const work = await loadFamilyWork(graph, { family, admin: ADMIN });
  const jobcenter = await loadJobcenterWork(graph, jobcenterCaseworker);
  const health = await loadHealthWork(graph, healthCoordinator, family);
  return {
    caseworkers: newCaseworkers.length,
    families: created,
    prices: newPrices.length,
    ...work,
    jobcenter,
    health,
  };
}

/** The demo's registered caseworker of a department (on the demo families' teams), for tests and scripts. */
export async function demoCaseworker(graph: GraphClient, department: Identity['department']): Promise<Identity> {
  const email = {
    FAMILY: 'anne.kjaer@vejle.example',
    JOBCENTER: 'soeren.dahl@vejle.example',
    HEALTH: 'maria.nielsen@vejle.example',
    ECONOMY: 'peter.bach@vejle.example',
  }[department];
  const { caseworkers } = await graph.request<{ caseworkers: Array<{ id: string; email: string }> }>(
    ADMIN,
    `{ caseworkers { id email } }`,
  );
  const found = caseworkers.find((c) => c.email === email);
  return { ...who(department), userId: found?.id ?? who(department).userId };
}
