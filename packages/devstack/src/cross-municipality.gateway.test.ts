import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDENTITY_HEADER, PLANNED_FETCH_HEADER, signPlannedFetch, type Identity } from '@helhed/identity';
import {
  gatewayHeaders,
  identity,
  plannedFetchHeaders,
  postGraphQL,
  queryDatabase,
  tenantTables,
  TEST_SECRETS,
  type GraphQLResponse,
} from '@helhed/testing';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { demoCaseworker, loadDemoData } from './demo-data';
import { loadEconomyDemo } from './demo-economy';
import { loadDemoRegistrations } from './demo-registration';
import { startTestStack, type TestStack } from './test-stack';
import {
  entitiesOfSupergraph,
  entitiesOperation,
  rootFieldOperation,
  type BuiltOperation,
  type EntityInSubgraph,
  type Fill,
} from './__tests__/probe-operations';

/**
 * Cross-municipality probes. Municipality 630 holds the demo data (families,
 * plans, benefit periods, health records, costs, registrations); callers of
 * municipality 101 — every role, and with the very user ids of 630's
 * caseworkers — ask for it by id, by reference and by list:
 * - every root query field of the published schema, through the gateway;
 * - `_entities` for every `@key` entity type of every subgraph (read from the
 *   composed supergraph, so a new entity type is probed without anyone adding
 *   it), straight to the subgraph with the caller's forwarded identity;
 * - every mutation that takes an id, with 630's ids.
 * Nothing of 630 may come back: no id, case reference, name, CPR number, e-mail
 * or text of any 630 row (read from the databases as their owner), and an
 * entity comes back null or with only null or empty fields. Mutations are
 * refused and write nothing (every table of every database unchanged).
 */
jest.setTimeout(600_000);

const ROOT = join(__dirname, '../../..');
const supergraph = entitiesOfSupergraph(readFileSync(join(ROOT, 'gateway/supergraph.graphql'), 'utf8'));
const api = buildSchema(readFileSync(join(ROOT, 'gateway/api-schema.graphql'), 'utf8'));

const HOME = '630';
const OTHER = '101';
const admin630 = identity('FAMILY', { userId: 'seed-family', roles: ['ADMIN'] });
const admin101 = identity('FAMILY', { municipality: OTHER, userId: 'admin-101', roles: ['ADMIN'] });

let stack: TestStack;
/** 630's rows: ids per table, and every value that must not reach a 101 caller. */
const idsOf = new Map<string, string[]>();
const secrets = new Set<string>();
const known: Record<string, string> = {};
const callers: Array<{ label: string; who: Identity }> = [];
/** The family caseworker on the Jensen family's team in 630: the probes' control. */
let homeCaseworker: Identity;

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Columns whose text identifies a person or tells about them. */
const TELLING =
  /name|email|case_reference|cvr|summary|note|description|text|goal|reason|recommendation|finding|provider/;

beforeAll(async () => {
  stack = await startTestStack();
  await loadDemoData(stack.graph);
  await loadDemoRegistrations(stack.graph);
  await loadEconomyDemo(stack.graph);
  // The demo has no legal basis: one for the probes of LegalBasis (recorded by the family caseworker on the team).
  const familyCaseworker = await demoCaseworker(stack.graph, 'FAMILY');
  const { familyByCaseReference } = await stack.graph.request(
    familyCaseworker,
    `{ familyByCaseReference(caseReference: "VEJ-2026-0001") { members { id } } }`,
  );
  await stack.graph.request(
    familyCaseworker,
    `mutation($input: RecordLegalBasisInput!) { recordLegalBasis(input: $input) { id } }`,
    {
      input: {
        personId: familyByCaseReference.members[0].id,
        code: 'SEL_49B',
        citation: 'Udveksling af oplysninger om udsatte børn og unge',
        categories: ['SOCIAL'],
        departments: ['HEALTH'],
        validFrom: '2026-03-01',
      },
    },
  );

  // 630's caseworkers keep non-default reminder preferences (what a probe of Caseworker must not see).
  const staff = await stack.graph.request<{ caseworkers: Array<{ id: string; department: Identity['department'] }> }>(
    admin630,
    `{ caseworkers { id department } }`,
  );
  for (const [i, c] of staff.caseworkers.entries()) {
    await stack.graph.request(
      identity(c.department, { userId: c.id }),
      `mutation($input: ReminderPreferencesInput!) { setReminderPreferences(input: $input) { language } }`,
      {
        input: {
          language: 'EN',
          absentFrom: '2026-12-21',
          absentTo: '2027-01-03',
          substituteId: staff.caseworkers[(i + 1) % staff.caseworkers.length]!.id,
        },
      },
    );
  }

  // Municipality 101 with a family of its own, so its callers have something to see.
  await stack.graph.request(
    admin101,
    `mutation { registerMunicipality(input: { code: "101", name: "København" }) { code } }`,
  );
  const { registerCaseworker } = await stack.graph.request(
    admin101,
    `mutation { registerCaseworker(input: { name: "Kbh Rådgiver", email: "raadgiver@kk.example", department: FAMILY }) { id } }`,
  );
  await stack.graph.request(
    identity('FAMILY', { municipality: OTHER, userId: registerCaseworker.id }),
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`,
    {
      input: {
        caseReference: 'KBH-2026-0001',
        enrolmentDate: '2026-02-01',
        members: [{ cpr: '0101905678', firstName: 'Kbhforælder', lastName: 'Kbhsen', role: 'PARENT' }],
      },
    },
  );

  // What 630 holds, read as the databases' owner (past the tenancy wall).
  for (const db of [...Object.values(stack.databases), stack.remindersDatabase]) {
    for (const { table } of await tenantTables(db.url)) {
      const rows = await queryDatabase(db.url, `SELECT * FROM "${table}" WHERE municipality_code = $1`, [HOME]);
      if (rows.length > 0 && 'id' in rows[0]!) {
        idsOf.set(table, [...(idsOf.get(table) ?? []), ...rows.map((r) => String(r.id))]);
      }
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string') continue;
          if (UUID.test(value) || (TELLING.test(column) && value.length >= 4)) secrets.add(value);
        }
      }
    }
  }
  for (const cpr of ['1205881234', '0303124567', '2202811357', '1403791111']) {
    secrets.add(cpr);
    secrets.add(`${cpr.slice(0, 6)}-XXXX`);
  }
  known.cvr = (
    await queryDatabase(
      stack.databases.employment.url,
      `SELECT cvr FROM company WHERE municipality_code = $1 LIMIT 1`,
      [HOME],
    )
  )[0]?.cvr as string;
  known.email = 'soeren.dahl@vejle.example';

  // 101's callers: every role, and 630's own caseworkers' user ids with 101 in their token.
  const { caseworkers } = await stack.graph.request<{
    caseworkers: Array<{ id: string; email: string; department: Identity['department']; roles: Identity['roles'] }>;
  }>(admin630, `{ caseworkers { id email department roles } }`);
  const anne = caseworkers.find((c) => c.email.startsWith('anne.kjaer'))!;
  homeCaseworker = identity('FAMILY', { userId: anne.id });
  for (const c of caseworkers) {
    callers.push({
      label: `${c.email} with municipality 101`,
      who: identity(c.department, { municipality: OTHER, userId: c.id, roles: c.roles }),
    });
  }
  callers.push(
    { label: '101 admin', who: admin101 },
    { label: '101 health coordinator', who: identity('HEALTH', { municipality: OTHER, userId: 'health-101' }) },
    { label: '101 economy consultant', who: identity('ECONOMY', { municipality: OTHER, userId: 'economy-101' }) },
    {
      label: '101 project lead',
      who: identity('FAMILY', { municipality: OTHER, userId: 'lead-101', roles: ['PROJECT_LEAD'] }),
    },
    {
      label: '101 reminder worker',
      who: identity('FAMILY', { municipality: OTHER, userId: 'reminders-101', roles: ['SERVICE'] }),
    },
    {
      label: 'national monitor',
      who: identity('FAMILY', { municipality: OTHER, userId: 'monitor', roles: ['NATIONAL_MONITOR'] }),
    },
  );
});

afterAll(async () => {
  await stack?.close();
});

/** 630's ids of the table a type or an id argument names (`familyId` → family, `activityId` → plan_activity). */
function idsFor(name: string): string[] {
  const aliases: Record<string, string> = {
    activity: 'plan_activity',
    plan: 'family_plan',
    given_by: 'person',
    member: 'person',
    contact_person: 'caseworker',
    responsible: 'caseworker',
    participation: 'offer_participation',
    offer: 'offer_participation',
    partner: 'civil_society_partner',
    investment: 'investment_case',
    price: 'price_catalogue_entry',
    goal: 'plan_goal',
  };
  const table = snake(name.replace(/Id$/, ''));
  return idsOf.get(aliases[table] ?? table) ?? idsOf.get(table) ?? [];
}

/** Fills arguments and input fields with 630's values: its ids, case reference, CPR number, CVR number. */
const fill =
  (idContext: string): Fill =>
  (name, type) => {
    if (isEnumType(type)) return type.getValues()[0]!.value;
    switch (type.name) {
      case 'ID': {
        const ids = name === 'id' ? idsFor(idContext) : idsFor(name);
        return ids[0] ?? idsOf.get('person')![0];
      }
      case 'String':
        if (/cpr/i.test(name)) return '1205881234';
        if (/caseReference/.test(name)) return 'VEJ-2026-0001';
        if (/cvr/i.test(name)) return known.cvr;
        if (/email/i.test(name)) return known.email;
        return 'Probe';
      case 'Date':
        return name === 'to' || name.endsWith('To') || name === 'until' ? '2026-12-31' : '2026-11-02';
      case 'DateTime':
        return '2026-11-02T10:00:00Z';
      case 'YearMonth':
        return name === 'from' ? '2026-01' : name === 'to' ? '2026-12' : '2026-10';
      case 'Int':
      case 'Ore':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'JSON':
        return {};
      default:
        return undefined;
    }
  };

/** The 630 values in `data`, leaving out those the probe sent itself (an id asked for may be echoed as the key of a null answer). */
function leaked(data: unknown, sent: Record<string, unknown>, who: Identity): string[] {
  const text = JSON.stringify(data ?? null);
  const asked = JSON.stringify(sent);
  return [...secrets].filter((s) => s !== who.userId && !asked.includes(s) && text.includes(s));
}

const post = async (
  url: string,
  op: BuiltOperation,
  headers: Record<string, string>,
  extra: Record<string, unknown> = {},
) => postGraphQL(url, op.text, { ...op.variables, ...extra }, headers);

/** Refusals that are no probe at all: the operation was never run (limits, validation). */
const unprobed = (res: GraphQLResponse) =>
  (res.errors ?? []).filter((e) =>
    [
      'GRAPHQL_VALIDATION_FAILED',
      'GRAPHQL_PARSE_FAILED',
      'COST_LIMIT_EXCEEDED',
      'DEPTH_LIMIT_EXCEEDED',
      'TOO_MANY_ALIASES',
      'TOO_MANY_TOKENS',
    ].includes(String(e.extensions?.code)),
  );

describe('the entity types probed', () => {
  it('are every @key entity type of every subgraph, each with 630 data to ask for', () => {
    const types = [...new Set(supergraph.entities.map((e) => e.type))];
    expect(types.length).toBeGreaterThanOrEqual(20);
    const withoutKeys = supergraph.entities
      .filter((e) => representations(e).length === 0)
      .map((e) => `${e.type}@${e.graph}`);
    expect(withoutKeys).toEqual([]);
  });
});

/** Representations of 630's objects of an entity type: its ids, or its compound key from 630's values. */
function representations(entity: EntityInSubgraph): Array<Record<string, unknown>> {
  const value = (field: string): string[] => {
    if (field === 'id') return idsFor(entity.type).slice(0, 3);
    if (field === 'code' || field === 'municipalityCode') return [HOME];
    if (field.endsWith('Id')) return idsFor(field).slice(0, 1);
    if (field === 'month') return ['2026-03'];
    if (field === 'from') return ['2026-01'];
    if (field === 'to') return ['2026-12'];
    return [];
  };
  const [first, ...rest] = entity.key;
  const firstValues = value(first!);
  if (firstValues.length === 0 || rest.some((k) => value(k).length === 0)) return [];
  return firstValues.map((v) => ({
    __typename: entity.type,
    [first!]: v,
    ...Object.fromEntries(rest.map((k) => [k, value(k)[0]])),
  }));
}

const subgraphUrl = (graph: string) =>
  graph === 'NOTIFICATIONS'
    ? stack.notifications!.url
    : stack.subgraphs[graph.toLowerCase() as keyof TestStack['subgraphs']].url;

/**
 * What another municipality may see of an entity: a municipality's name is
 * public reference data (no tenant column, no wall); the national view's month
 * and default deadline are the national monitor's, and tell of no person. (The
 * persons behind the national view and the evaluators' dataset — `participants`,
 * `subjects` — are not here: a subgraph hands them only to a fetch the gateway
 * planned, so a signed identity sent straight to it gets none.)
 */
const PUBLIC: Array<{ type: string; field: string; only?: (who: Identity) => boolean }> = [
  { type: 'Municipality', field: 'name' },
  ...['month', 'defaultDeadline'].map((field) => ({
    type: 'NationalRegistrationView',
    field,
    only: (who: Identity) => who.roles.includes('NATIONAL_MONITOR'),
  })),
];

function withoutPublic(type: string, entity: Record<string, unknown> | null, who: Identity) {
  if (entity === null) return null;
  return Object.fromEntries(
    Object.entries(entity).filter(
      ([k]) => !PUBLIC.some((p) => p.type === type && p.field === k && (p.only?.(who) ?? true)),
    ),
  );
}

/** Nothing told: null, an empty list, false, 0, '' or an object of such (an empty connection). */
function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.entries(v).every(([k, x]) => k === '__typename' || isEmpty(x));
  return false;
}

/** A returned entity with anything but null, an empty list or its own key fields is a leak. */
function nonEmptyFields(entity: Record<string, unknown> | null, key: string[]): string[] {
  if (entity === null) return [];
  return Object.entries(entity)
    .filter(([k]) => k !== '__typename' && !key.includes(k))
    .filter(([, v]) => !isEmpty(v))
    .map(([k, v]) => `${k}=${JSON.stringify(v).slice(0, 80)}`);
}

describe('the probes', () => {
  it("find 630's data when 630's own caseworker on the team asks (so they can fail)", async () => {
    for (const name of ['family', 'person', 'familyByCaseReference', 'families']) {
      const res = await probeRootField('query', api.getQueryType()!.getFields()[name]!, homeCaseworker);
      expect({ name, leaked: /leaked/.test(res?.problem ?? '') }).toEqual({ name, leaked: true });
    }
    for (const type of ['Person', 'Family']) {
      const entity = supergraph.entities.find((e) => e.type === type && e.graph === 'FAMILY')!;
      const res = await post(
        subgraphUrl('FAMILY'),
        entitiesOperation(supergraph.schema, entity, fill(type)),
        await gatewayHeaders(homeCaseworker),
        {
          representations: representations(entity),
        },
      );
      const returned = (res.data as { _entities: Array<Record<string, unknown> | null> })._entities;
      expect(returned.flatMap((e) => nonEmptyFields(e, entity.key)).length).toBeGreaterThan(0);
    }
  });

  it("find the persons behind the national monitor's figures only in a fetch the gateway signed (so that probe can fail)", async () => {
    const monitor = callers.find((c) => c.label === 'national monitor')!.who;
    const entity = supergraph.entities.find((e) => e.type === 'EvaluatorDataset' && e.graph === 'FAMILY')!;
    const op = entitiesOperation(supergraph.schema, entity, fill(entity.type));
    const variables = { ...op.variables, representations: representations(entity) };
    const headers = await gatewayHeaders(monitor);
    const signed = signPlannedFetch(headers[IDENTITY_HEADER]!, { query: op.text, variables }, TEST_SECRETS.identity);
    const subjectsOf = (res: GraphQLResponse) =>
      ((res.data as { _entities?: Array<{ subjects?: unknown[] } | null> } | null)?._entities ?? []).flatMap(
        (e) => e?.subjects ?? [],
      );
    const planned = await postGraphQL(subgraphUrl('FAMILY'), op.text, variables, {
      ...headers,
      [PLANNED_FETCH_HEADER]: signed,
    });
    expect(subjectsOf(planned).length).toBeGreaterThan(0);
    const direct = await postGraphQL(subgraphUrl('FAMILY'), op.text, variables, headers);
    expect(subjectsOf(direct)).toEqual([]);
    expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

/**
 * The fields one subgraph hands another through the gateway's query plan: the
 * `@inaccessible` parts and values, and every field reached only through
 * `@requires` (its inputs are another subgraph's answer, so a representation
 * sent straight to the subgraph could name any person, family or project, with
 * any facts). Each is asked about the Jensen family of 630 by a caller of 630
 * who passes the field's own checks: sent straight to the subgraph it is
 * FORBIDDEN and writes no audit row; in a fetch signed as the gateway signs its
 * plan it answers.
 */
interface Jensen {
  familyId: string;
  personId: string;
  economyOnTeam: Identity;
}
interface HandedField {
  graph: 'EMPLOYMENT' | 'HEALTH' | 'ECONOMY';
  type: string;
  selection: string;
  who: (jensen: Jensen) => Identity;
  representation: (jensen: Jensen) => Record<string, unknown>;
}
const project630 = () => idsFor('project')[0] ?? randomUUID();
const monitor = () => callers.find((c) => c.label === 'national monitor')!.who;
const lead630 = () => identity('FAMILY', { userId: 'lead-630', roles: ['PROJECT_LEAD'] });
const dpo630 = () => identity('FAMILY', { userId: 'dpo-630', roles: ['DATA_PROTECTION'] });
const nationalView = ({ personId }: Jensen) => ({
  month: '2026-03',
  participants: [
    { personId, municipalityCode: HOME, ageAtEndOfMonth: 40, memberRole: 'PARENT', deadline: '2026-04-10' },
  ],
});
const report = ({ personId }: Jensen) => ({
  projectId: project630(),
  month: '2026-03',
  participants: [{ personId, memberRole: 'PARENT', ageAtEndOfMonth: 40, deadline: '2026-04-10' }],
});
const dataset = ({ personId }: Jensen) => ({
  projectId: project630(),
  from: '2026-01',
  to: '2026-12',
  subjects: [{ personId, month: '2026-03', municipalityCode: HOME }],
});
const personMonth = ({ personId }: Jensen) => ({
  personId,
  month: '2026-03',
  deadline: '2026-04-10',
  ageAtEndOfMonth: 40,
});
const accessLog = ({ personId }: Jensen) => ({ personId, from: '2026-01-01', to: '2026-12-31' });
const HANDED: HandedField[] = [
  ...(['EMPLOYMENT', 'HEALTH'] as const).flatMap((graph) => {
    const [parts, section, values, part] =
      graph === 'EMPLOYMENT'
        ? ['jobcenterParts', 'employment', 'jobcenterValues', 'jobcenterPart']
        : ['healthParts', 'health', 'healthValues', 'healthPart'];
    const worker = () => identity(graph === 'EMPLOYMENT' ? 'JOBCENTER' : 'HEALTH', { userId: `worker-${graph}` });
    const count = graph === 'EMPLOYMENT' ? 'adultsInWorkFully' : 'withHealthAssessment';
    return [
      {
        graph,
        type: 'NationalRegistrationView',
        selection: `${parts} { personId done }`,
        who: monitor,
        representation: nationalView,
      },
      {
        graph,
        type: 'NationalRegistrationView',
        selection: `${section} { total { municipality { code } } }`,
        who: monitor,
        representation: nationalView,
      },
      {
        graph,
        type: 'MonthlyStatusReport',
        selection: `${parts} { personId done }`,
        who: lead630,
        representation: report,
      },
      {
        graph,
        type: 'MonthlyStatusReport',
        selection: `${section} { ${count} }`,
        who: lead630,
        representation: report,
      },
      {
        graph,
        type: 'EvaluatorDataset',
        selection: `${values} { personId indicators { indicator value } }`,
        who: lead630,
        representation: dataset,
      },
      { graph, type: 'PersonMonth', selection: `${part} { done }`, who: worker, representation: personMonth },
      {
        graph,
        type: 'AccessLog',
        selection: `${graph.toLowerCase()}Entries { operation }`,
        who: dpo630,
        representation: accessLog,
      },
    ];
  }),
  {
    graph: 'ECONOMY',
    type: 'Family',
    // A month long before the enrolment: a signed fetch recomputes the derived ledger rows of the months asked
    // from the facts given (here none), and the Jensens' rows of their own months stay as they are.
    selection: 'costs(from: "2020-01", to: "2020-01") { total { ore } }',
    who: (j) => j.economyOnTeam,
    representation: ({ familyId, personId }) => ({
      id: familyId,
      enrolmentDate: null,
      closedOn: null,
      members: [{ id: personId, benefitPeriods: [] }],
      formerMembers: [],
      plans: [],
    }),
  },
  {
    graph: 'ECONOMY',
    type: 'Project',
    selection:
      'costs(from: "2026-01", to: "2026-03") { total { ore } } costDevelopment(month: "2026-03") { familyCount }',
    who: lead630,
    representation: () => ({ id: randomUUID(), startsOn: '2026-01-01', families: { edges: [] } }),
  },
  {
    graph: 'ECONOMY',
    type: 'Person',
    selection: 'monthlyBenefitCost(month: "2026-03") { total { ore } }',
    who: (j) => j.economyOnTeam,
    representation: ({ personId }) => ({ id: personId, benefitPeriods: [] }),
  },
  {
    graph: 'ECONOMY',
    type: 'AccessLog',
    selection: 'economyEntries { operation }',
    who: dpo630,
    representation: accessLog,
  },
];

describe('fields handed between subgraphs', () => {
  let jensen: Jensen;
  beforeAll(async () => {
    const { familyByCaseReference } = await stack.graph.request<{
      familyByCaseReference: { id: string; members: Array<{ id: string }> };
    }>(
      await demoCaseworker(stack.graph, 'FAMILY'),
      `{ familyByCaseReference(caseReference: "VEJ-2026-0001") { id members { id } } }`,
    );
    jensen = {
      familyId: familyByCaseReference.id,
      personId: familyByCaseReference.members[0]!.id,
      economyOnTeam: await demoCaseworker(stack.graph, 'ECONOMY'),
    };
  });

  it.each(HANDED.map((f) => [`${f.type}.${f.selection.split(/[ (]/)[0]}@${f.graph}`, f] as const))(
    '%s answers a fetch the gateway signed, and refuses the same fetch sent straight to the subgraph, auditing nothing',
    async (_name, field) => {
      const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${field.type} { ${field.selection} } } }`;
      const variables = { representations: [{ __typename: field.type, ...field.representation(jensen) }] };
      const who = field.who(jensen);
      const url = subgraphUrl(field.graph);
      const db = stack.databases[field.graph.toLowerCase() as 'employment' | 'health' | 'economy'].url;
      const audited = async () =>
        (await queryDatabase<{ n: number }>(db, 'SELECT count(*)::int AS n FROM audit_event'))[0]!.n;

      const before = await audited();
      const direct = await postGraphQL(url, query, variables, await gatewayHeaders(who));
      expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(direct.errors?.[0]?.message).toMatch(/handed between subgraphs/);
      const refused = (direct.data as { _entities?: Array<Record<string, unknown> | null> } | null)?._entities?.[0];
      expect(Object.values(refused ?? {}).filter((v) => v !== null)).toEqual([]);
      expect(await audited()).toBe(before);

      const planned = await postGraphQL(url, query, variables, await plannedFetchHeaders(who, query, variables));
      expect(planned.errors).toBeUndefined();
      const [entity] = (planned.data as { _entities: Array<Record<string, unknown> | null> })._entities;
      expect(entity).not.toBeNull();
      for (const value of Object.values(entity!)) expect(value).not.toBeNull();
    },
  );
});

describe('callers of another municipality', () => {
  it('get nothing of 630 from _entities of any entity type, straight to each subgraph', async () => {
    const problems: string[] = [];
    let probes = 0;
    for (const entity of supergraph.entities) {
      const op = entitiesOperation(supergraph.schema, entity, fill(entity.type));
      for (const { label, who } of callers) {
        const res = await post(subgraphUrl(entity.graph), op, await gatewayHeaders(who), {
          representations: representations(entity),
        });
        probes += 1;
        const never = unprobed(res);
        if (never.length > 0) {
          problems.push(`${entity.type}@${entity.graph} as ${label}: not run: ${never[0]!.message}`);
          continue;
        }
        const returned = (
          (res.data as { _entities?: Array<Record<string, unknown> | null> } | null)?._entities ?? []
        ).map((e) => withoutPublic(entity.type, e, who));
        const found = leaked({ returned, errors: res.errors }, { representations: representations(entity) }, who);
        let filled = returned.flatMap((e) => nonEmptyFields(e, entity.key));
        if (filled.length > 0 && entity.key.join() === 'id') {
          // What the subgraph answers for any id at all (defaults, like a caseworker's reminder preferences) tells nothing of 630.
          // (A caller asking about their own user id asks, with the unknown id, as that id.)
          const asked = representations(entity);
          const unknown = asked.map((r) => ({ ...r, id: randomUUID() }));
          const own = asked.findIndex((r) => r.id === who.userId);
          const as = own >= 0 ? { ...who, userId: String(unknown[own]!.id) } : who;
          const res2 = await post(subgraphUrl(entity.graph), op, await gatewayHeaders(as), {
            representations: unknown,
          });
          const anyId = (
            (res2.data as { _entities?: Array<Record<string, unknown> | null> } | null)?._entities ?? []
          ).map((e) => withoutPublic(entity.type, e, who));
          const strip = (xs: Array<Record<string, unknown> | null>) =>
            JSON.stringify(xs.map((e) => e && { ...e, id: null }));
          if (strip(anyId) === strip(returned)) filled = [];
        }
        if (found.length > 0 || filled.length > 0)
          problems.push(`${entity.type}@${entity.graph} as ${label}: ${[...found, ...filled].join('; ')}`);
      }
    }
    expect(probes).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('get nothing of 630 from any root query field through the gateway, by id, reference or list', async () => {
    const problems: string[] = [];
    const skipped: string[] = [];
    for (const field of Object.values(api.getQueryType()!.getFields())) {
      for (const { label, who } of callers) {
        const res = await probeRootField('query', field, who);
        if (res === undefined) {
          skipped.push(field.name);
          break;
        }
        if (res.problem) problems.push(`Query.${field.name} as ${label}: ${res.problem}`);
      }
    }
    expect(skipped).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('change nothing of 630 with any mutation that takes an id, and are refused', async () => {
    const before = await snapshot();
    const problems: string[] = [];
    const codes = new Map<string, string[]>();
    let probes = 0;
    for (const field of Object.values(api.getMutationType()!.getFields())) {
      if (DEFERRED.includes(field.name)) continue;
      const op = rootFieldOperation(api, 'mutation', field, 0, fill(getNamedType(field.type).name));
      if (!op || !JSON.stringify(op.variables).match(/[0-9a-f]{8}-[0-9a-f]{4}-/)) continue; // creates something new: not a probe by id
      for (const { label, who } of callers) {
        probes += 1;
        const res = await probeRootField('mutation', field, who);
        const code = String(res?.response.errors?.[0]?.extensions?.code ?? 'none');
        codes.set(code, [...(codes.get(code) ?? []), field.name]);
        if (res?.problem) problems.push(`Mutation.${field.name} as ${label}: ${res.problem}`);
        else if (res && res.response.data?.[field.name] != null)
          problems.push(
            `Mutation.${field.name} as ${label}: answered ${JSON.stringify(res.response.data[field.name]).slice(0, 120)}`,
          );
      }
    }
    expect(probes).toBeGreaterThan(100);
    // Every probe was refused with an error (FORBIDDEN, or bad input for what the probe filled in), none answered.
    expect(codes.get('none') ?? []).toEqual([]);
    expect(codes.get('FORBIDDEN')?.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    expect(diff(before, await snapshot())).toEqual([]);
  });
});

/**
 * Mutations that accept a request and refuse later: an evaluator export is
 * queued for any project lead or national monitor, and its job reads the
 * dataset as the requester, so another municipality's project lead gets a
 * FAILED export (services/reminders/src/export/evaluator-export.gateway.test.ts;
 * the in-process stack runs no export worker).
 */
const DEFERRED = ['requestEvaluatorExport'];

/** Asks a root field as `who`, at the deepest selection the gateway's limits let through. */
async function probeRootField(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  who: Identity,
): Promise<{ response: GraphQLResponse; problem?: string } | undefined> {
  const named: GraphQLNamedType = getNamedType(field.type);
  const ask = async (only?: string) => {
    for (const depth of [2, 1, 0]) {
      const op = rootFieldOperation(api, kind, field, depth, fill(named.name), only);
      if (!op) return undefined;
      const response = (await stack.post(who, op.text, op.variables)) as GraphQLResponse;
      const never = unprobed(response);
      if (never.length > 0) {
        if (depth > 0 && !isLeafType(named)) continue;
        return { response, problem: `not run: ${never[0]!.message}` };
      }
      // The answer and its errors (a message must not tell of 630 either).
      const found = leaked({ data: response.data, errors: response.errors }, op.variables, who);
      return { response, ...(found.length > 0 ? { problem: `leaked ${found.slice(0, 5).join(', ')}` } : {}) };
    }
    return undefined;
  };
  const whole = await ask();
  if (!whole || whole.problem || kind === 'mutation' || !whole.response.errors || !isObjectType(named)) return whole;
  // An error in one field may null the whole answer (a non-null field): ask field by field, so none hides another.
  for (const name of Object.keys(named.getFields())) {
    const one = await ask(name);
    if (one?.problem) return { ...one, problem: `${name}: ${one.problem}` };
  }
  return whole;
}

/** Every table of every database, as a digest per table (the audit log aside: a refused request writes none, but others may append). */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [name, db] of [...Object.entries(stack.databases), ['reminders', stack.remindersDatabase] as const]) {
    const tables = await queryDatabase<{ t: string }>(
      db.url,
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'typeorm_metadata') ORDER BY 1`,
    );
    for (const { t } of tables) {
      const [row] = await queryDatabase<{ n: number; digest: string }>(
        db.url,
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest FROM "${t}" x`,
      );
      out.set(`${name}.${t}`, `${row!.n} rows ${row!.digest}`);
    }
  }
  return out;
}

function diff(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([k, v]) => before.get(k) !== v).map(([k, v]) => `${k}: ${before.get(k)} → ${v}`);
}
