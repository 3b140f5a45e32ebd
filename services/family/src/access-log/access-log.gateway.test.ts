import { verifyAuditChain } from '@helhed/audit';
import { openDatabase } from '@helhed/db';
import { startTestStack, type TestStack } from '@helhed/devstack';
import { PURPOSE_HEADER, type Identity } from '@helhed/identity';
import { identity, postGraphQL, queryDatabase } from '@helhed/testing';
import { today } from '../clock';

/**
 * Issue 9's audit completeness, through the gateway on real PostgreSQL: a
 * scripted session of 20 requests (reads, aliases, `_entities`, searches,
 * changes, a deletion, refused reads, an export) writes exactly the expected
 * audit rows in every subgraph; the data-protection officer reads the person's
 * access log across subgraphs (and nobody else may); the log is append-only
 * for the application role and tampering is found.
 */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const familyWorker = identity('FAMILY');
const jobcenter = identity('JOBCENTER');
const health = identity('HEALTH');
const economy = identity('ECONOMY');
const dpo = identity('FAMILY', { roles: ['DATA_PROTECTION'] });
const farDpo = identity('FAMILY', { roles: ['DATA_PROTECTION'], municipality: '101' });
let familyId: string;
let parentId: string;
let childId: string;

const REGISTER = `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`;

async function ask(who: Identity, query: string, variables: Record<string, unknown> = {}, purpose?: string) {
  return postGraphQL<Record<string, any>>(stack.gatewayUrl, query, variables, {
    authorization: `Bearer ${await stack.graph.token(who)}`,
    ...(purpose ? { [PURPOSE_HEADER]: purpose } : {}),
  });
}

/** Runs a request that must answer without errors. */
async function ok(who: Identity, query: string, variables: Record<string, unknown> = {}, purpose?: string) {
  const res = await ask(who, query, variables, purpose);
  expect(res.errors ?? []).toEqual([]);
  return res.data!;
}

/** Runs a request that must be refused with `code` (the rest of it may answer). */
async function refused(who: Identity, code: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await ask(who, query, variables);
  expect(res.errors?.map((e) => e.extensions?.code)).toContain(code);
  return res;
}

const SERVICES = ['family', 'employment', 'health', 'economy'] as const;
type Service = (typeof SERVICES)[number];

async function maxIds(): Promise<Record<Service, number>> {
  const out = {} as Record<Service, number>;
  for (const s of SERVICES) {
    const [{ max }] = await queryDatabase(
      stack.databases[s].url,
      'SELECT coalesce(max(id), 0)::int AS max FROM audit_event',
    );
    out[s] = max as number;
  }
  return out;
}

/** The audit rows written since `since`, in a comparable form: one line per row, sorted. */
async function rowsSince(since: Record<Service, number>, names: Record<string, string>) {
  const rows: string[] = [];
  const requests = new Set<string>();
  for (const s of SERVICES) {
    const found = await queryDatabase(
      stack.databases[s].url,
      `SELECT user_id, person_id, category, operation, field_paths, criterion, purpose, request_id
         FROM audit_event WHERE id > $1 ORDER BY id`,
      [since[s]],
    );
    for (const r of found) {
      requests.add(r.request_id as string);
      const paths = [...(r.field_paths as string[])].sort().join(',');
      rows.push(
        [
          s,
          names[r.user_id as string] ?? r.user_id,
          names[r.person_id as string] ?? r.person_id,
          r.category,
          r.operation,
          paths,
          r.criterion ?? '',
          r.purpose ?? '',
        ].join(' | '),
      );
    }
  }
  return { rows: rows.sort(), requests };
}

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const register = async (name: string, department: string, roles = ['CASEWORKER']) =>
    (
      await stack.graph.request(admin, REGISTER, {
        input: { name, email: `${name.split(' ')[0]!.toLowerCase()}@vejle.example`, department, roles },
      })
    ).registerCaseworker.id as string;
  familyWorker.userId = await register('Fie Familie', 'FAMILY');
  jobcenter.userId = await register('Jens Job', 'JOBCENTER');
  health.userId = await register('Hanne Helbred', 'HEALTH');
  economy.userId = await register('Erik Økonomi', 'ECONOMY');
  dpo.userId = await register('Dorte Databeskyttelse', 'FAMILY', ['DATA_PROTECTION']);

  const { createFamily } = await stack.graph.request(
    familyWorker,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id role } } }`,
    {
      input: {
        caseReference: 'LOG-1',
        enrolmentDate: '2026-01-05',
        members: [
          { cpr: '1205881234', firstName: 'Mette', lastName: 'Log', role: 'PARENT' },
          { cpr: '0303124567', firstName: 'Emil', lastName: 'Log', role: 'CHILD' },
        ],
      },
    },
  );
  familyId = createFamily.id;
  parentId = createFamily.members.find((m: { role: string }) => m.role === 'PARENT').id;
  childId = createFamily.members.find((m: { role: string }) => m.role === 'CHILD').id;
  for (const caseworkerId of [familyWorker.userId, jobcenter.userId, health.userId, economy.userId])
    await stack.graph.request(
      familyWorker,
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      { input: { familyId, caseworkerId, from: '2026-01-05' } },
    );
  await stack.graph.request(
    jobcenter,
    `mutation($input: RecordBenefitPeriodInput!) { recordBenefitPeriod(input: $input) { id } }`,
    { input: { personId: parentId, type: 'KONTANTHJAELP', from: '2026-01-01' } },
  );
  await stack.graph.request(
    health,
    `mutation($input: RecordHealthIndicatorsInput!) { recordHealthIndicators(input: $input) { month } }`,
    {
      input: {
        personId: parentId,
        month: '2026-10',
        who5Items: [3, 3, 2, 4, 3],
        selfRatedHealth: 3,
        inTreatment: false,
        attendingAsPlanned: false,
      },
    },
  );
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('a caseworker session', () => {
  let since: Record<Service, number>;
  let newcomerId: string;
  let consentId: string;

  it('writes exactly the expected audit rows, one per person, category and operation per request', async () => {
    since = await maxIds();
    const family = { id: familyId };
    const parent = { id: parentId };

    // 1. A read of both members' basic data.
    await ok(familyWorker, `query($id: ID!) { family(id: $id) { members { firstName lastName } } }`, family);
    // 2. Aliases of one field, and another category: one row per category.
    await ok(
      familyWorker,
      `query($id: ID!) { person(id: $id) { a: firstName b: firstName civilSocietyParticipations { id } } }`,
      parent,
    );
    // 3-5. Searches: by case reference, by CPR (masked in the criterion), by a list filter.
    await ok(familyWorker, `{ familyByCaseReference(caseReference: "LOG-1") { id } }`);
    await ok(familyWorker, `{ familiesByMemberCpr(cpr: "1205881234") { id } }`);
    await ok(familyWorker, `{ families(filter: { status: ACTIVE }) { edges { node { id } } } }`);
    // 6-8. Changes and a deletion.
    await ok(familyWorker, `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id } }`, {
      input: { personId: childId, firstName: 'Emilie' },
    });
    const added = await ok(familyWorker, `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`, {
      input: { familyId, cpr: '0101901111', firstName: 'Ole', lastName: 'Log', role: 'OTHER_ADULT' },
    });
    newcomerId = added.addMember.id;
    await ok(familyWorker, `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { id } }`, {
      input: { personId: newcomerId, removedOn: today(), reason: 'Flyttet' },
    });
    // 9. A refused read (no consent for the family department's look at employment data): nothing.
    await refused(familyWorker, 'FORBIDDEN', `query($id: ID!) { person(id: $id) { benefitPeriods { type } } }`, parent);
    // 10. Consent (a change of the parent's basic data).
    const consent = await ok(
      familyWorker,
      `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`,
      {
        input: {
          personId: parentId,
          givenById: parentId,
          departments: ['FAMILY'],
          categories: ['EMPLOYMENT'],
          purpose: 'Helhedsindsats',
          validFrom: '2026-01-05',
        },
      },
    );
    consentId = consent.giveConsent.id;
    // 11. Now the employment data answers through `_entities`, audited by the employment subgraph.
    await ok(
      familyWorker,
      `query($id: ID!) { person(id: $id) { firstName benefitPeriods { type } } }`,
      parent,
      'Opfølgning',
    );
    // 12. Two root fields in one request touch the same person: still one row per person and category.
    await ok(
      familyWorker,
      `query($p: ID!, $f: ID!) { x: person(id: $p) { firstName } y: family(id: $f) { members { lastName } } }`,
      { p: parentId, f: familyId },
    );
    // 13. The access log is not the caseworker's: refused, nothing recorded.
    await refused(
      familyWorker,
      'FORBIDDEN',
      `query($id: ID!) { accessLog(personId: $id, from: "2026-01-01", to: "2026-12-31") { entries { at } } }`,
      parent,
    );
    // 14. A change of the family (every current member).
    await ok(familyWorker, `mutation($input: UpdateFamilyInput!) { updateFamily(input: $input) { id } }`, {
      input: { familyId, enrolmentDate: '2026-01-06' },
    });
    // 15. A read with a purpose.
    await ok(
      familyWorker,
      `query($id: ID!) { person(id: $id) { firstName } }`,
      { id: childId },
      'Børnefaglig undersøgelse',
    );
    // 16. The former member's data.
    await ok(familyWorker, `query($id: ID!) { family(id: $id) { formerMembers { firstName } } }`, family);
    // 17. A failed change (the last parent cannot leave): nothing written, nothing recorded.
    await refused(
      familyWorker,
      'BAD_USER_INPUT',
      `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { id } }`,
      { input: { personId: parentId, removedOn: today(), reason: 'Flyttet' } },
    );
    // 18. Withdrawal.
    await ok(familyWorker, `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`, {
      input: { consentId, withdrawnOn: today() },
    });
    // 19. Refused again on the next request.
    await refused(familyWorker, 'FORBIDDEN', `query($id: ID!) { person(id: $id) { benefitPeriods { type } } }`, parent);
    // 20. The data-protection officer exports the parent's access log.
    await ok(dpo, `query($id: ID!) { accessLog(personId: $id, from: "2026-01-01", to: "2030-12-31") { csv } }`, parent);

    const names = {
      [familyWorker.userId]: 'fie',
      [dpo.userId]: 'dpo',
      [parentId]: 'parent',
      [childId]: 'child',
      [newcomerId]: 'newcomer',
    };
    const row = (...cells: string[]) => cells.join(' | ');
    const { rows, requests } = await rowsSince(since, names);
    const expected = [
      // 1
      row('family', 'fie', 'parent', 'BASIC', 'READ', 'family.members.firstName,family.members.lastName', '', ''),
      row('family', 'fie', 'child', 'BASIC', 'READ', 'family.members.firstName,family.members.lastName', '', ''),
      // 2
      row('family', 'fie', 'parent', 'BASIC', 'READ', 'person.a,person.b', '', ''),
      row('family', 'fie', 'parent', 'SOCIAL', 'READ', 'person.civilSocietyParticipations', '', ''),
      // 3-5
      ...['parent', 'child'].flatMap((p) => [
        row(
          'family',
          'fie',
          p,
          'BASIC',
          'SEARCH',
          'familyByCaseReference',
          'familyByCaseReference(caseReference: "LOG-1")',
          '',
        ),
        row(
          'family',
          'fie',
          p,
          'BASIC',
          'SEARCH',
          'familiesByMemberCpr',
          'familiesByMemberCpr(cpr: "120588-XXXX")',
          '',
        ),
        row('family', 'fie', p, 'BASIC', 'SEARCH', 'families', 'families(filter.status: "ACTIVE", first: 50)', ''),
      ]),
      // 6-8
      row('family', 'fie', 'child', 'BASIC', 'UPDATE', 'updateMember', '', ''),
      row('family', 'fie', 'newcomer', 'BASIC', 'CREATE', 'addMember', '', ''),
      row('family', 'fie', 'newcomer', 'BASIC', 'DELETE', 'removeMember', '', ''),
      // 10
      row('family', 'fie', 'parent', 'BASIC', 'CREATE', 'giveConsent', '', ''),
      // 11
      row('family', 'fie', 'parent', 'BASIC', 'READ', 'person.firstName', '', 'Opfølgning'),
      row(
        'employment',
        'fie',
        'parent',
        'EMPLOYMENT',
        'READ',
        '_entities.benefitPeriods,_entities.benefitPeriods.type',
        '',
        'Opfølgning',
      ),
      // 9, 11, 19: the employment subgraph asks the family subgraph whether the caller may see the person
      // (@helhed/family-directory: `accessForCaller`, not personal data), which writes no row.
      // 12
      row('family', 'fie', 'parent', 'BASIC', 'READ', 'x.firstName,y.members.lastName', '', ''),
      row('family', 'fie', 'child', 'BASIC', 'READ', 'y.members.lastName', '', ''),
      // 14
      row('family', 'fie', 'parent', 'BASIC', 'UPDATE', 'updateFamily', '', ''),
      row('family', 'fie', 'child', 'BASIC', 'UPDATE', 'updateFamily', '', ''),
      // 15
      row('family', 'fie', 'child', 'BASIC', 'READ', 'person.firstName', '', 'Børnefaglig undersøgelse'),
      // 16
      row('family', 'fie', 'newcomer', 'BASIC', 'READ', 'family.formerMembers.firstName', '', ''),
      // 18
      row('family', 'fie', 'parent', 'BASIC', 'UPDATE', 'withdrawConsent', '', ''),
      // 20
      row('family', 'dpo', 'parent', 'BASIC', 'EXPORT', '_entities.csv', '', ''),
    ].sort();
    expect(rows).toEqual(expected);
    // Requests 9, 13, 17 and 19 wrote nothing (refused or failed; the directory lookup is not personal data).
    expect(requests.size).toBe(16);
    for (const s of SERVICES) await expectIntact(s);
  }, 120_000);

  it("lists the person's access log across subgraphs for the data-protection officer, named, oldest first", async () => {
    // The economy consultant on the family's team reads the parent's benefit cost.
    const cost = await ok(
      economy,
      `query($id: ID!) { person(id: $id) { monthlyBenefitCost(month: "2026-03") { total { ore } } } }`,
      { id: parentId },
    );
    expect(cost.person.monthlyBenefitCost).not.toBeNull();
    const { accessLog } = await ok(
      dpo,
      `query($id: ID!) { accessLog(personId: $id, from: "2026-01-01", to: "2030-12-31") {
        personId entries { at source userId caseworkerName department roles category operation fieldPaths purpose criterion }
      } }`,
      { id: parentId },
    );
    expect(accessLog.personId).toBe(parentId);
    const entries = accessLog.entries as Array<Record<string, any>>;
    const ats = entries.map((e) => e.at as string);
    expect([...ats].sort()).toEqual(ats);
    // The employment subgraph's rows are in it: the jobcenter's creation, the family caseworker's read,
    // and the benefit periods the economy subgraph priced the cost from (`@requires`).
    expect(entries.filter((e) => e.source === 'employment').map((e) => [e.caseworkerName, e.operation])).toEqual([
      ['Jens Job', 'CREATE'],
      ['Fie Familie', 'READ'],
      ['Erik Økonomi', 'READ'],
    ]);
    expect(entries).toContainEqual(
      expect.objectContaining({
        source: 'family',
        caseworkerName: 'Fie Familie',
        department: 'FAMILY',
        roles: ['CASEWORKER'],
        category: 'BASIC',
        operation: 'SEARCH',
        criterion: 'familiesByMemberCpr(cpr: "120588-XXXX")',
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ source: 'family', caseworkerName: 'Dorte Databeskyttelse', operation: 'EXPORT' }),
    );
    expect(
      entries.filter((e) => e.source === 'health').map((e) => [e.caseworkerName, e.category, e.operation]),
    ).toEqual([
      ['Hanne Helbred', 'HEALTH', 'CREATE'],
      // Her mutation answered the record's month: a read of the parent's health data (the declared policy).
      ['Hanne Helbred', 'HEALTH', 'READ'],
    ]);
    expect(
      entries
        .filter((e) => e.source === 'economy')
        .map((e) => [e.caseworkerName, e.department, e.category, e.operation, e.fieldPaths]),
    ).toEqual([['Erik Økonomi', 'ECONOMY', 'ECONOMY', 'READ', ['_entities.monthlyBenefitCost']]]);
    // No CPR number in the log.
    expect(JSON.stringify(entries)).not.toMatch(/1205881234|120588-1234/);

    // Reading the log is itself audited.
    const [read] = await queryDatabase(
      stack.databases.family.url,
      `SELECT operation, field_paths FROM audit_event WHERE user_id = $1 ORDER BY id DESC LIMIT 1`,
      [dpo.userId],
    );
    expect(read).toEqual({ operation: 'READ', field_paths: ['_entities.entries'] });
    // The officer finds the citizen by CPR number: a SEARCH, the number masked in the criterion.
    const { accessLogsByCpr } = await ok(
      dpo,
      `{ accessLogsByCpr(cpr: "120588-1234", from: "2026-01-01", to: "2030-12-31") { personId } }`,
    );
    expect(accessLogsByCpr).toEqual([{ personId: parentId }]);
    const [search] = await queryDatabase(
      stack.databases.family.url,
      `SELECT person_id, operation, criterion FROM audit_event WHERE user_id = $1 ORDER BY id DESC LIMIT 1`,
      [dpo.userId],
    );
    expect(search).toEqual({
      person_id: parentId,
      operation: 'SEARCH',
      criterion: 'accessLogsByCpr(cpr: "120588-XXXX", from: "2026-01-01", to: "2030-12-31")',
    });
  });

  it('refuses the access log to anyone but the municipality’s data-protection officer', async () => {
    for (const who of [familyWorker, jobcenter, health, admin]) {
      const byCpr = await ask(
        who,
        `{ accessLogsByCpr(cpr: "1205881234", from: "2026-01-01", to: "2026-12-31") { personId } }`,
      );
      expect(byCpr.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['accessLogsByCpr'], 'FORBIDDEN']]);
      const res = await ask(
        who,
        `query($id: ID!) { accessLog(personId: $id, from: "2026-01-01", to: "2026-12-31") { entries { at } } }`,
        { id: parentId },
      );
      expect(res.data?.accessLog ?? null).toBeNull();
      expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['accessLog'], 'FORBIDDEN']]);
    }
    // Another municipality's officer learns nothing of the person, not even that they exist.
    const far = await ask(
      farDpo,
      `query($id: ID!) { accessLog(personId: $id, from: "2026-01-01", to: "2026-12-31") { entries { at } } }`,
      { id: parentId },
    );
    expect(far).toMatchObject({ data: { accessLog: null } });
    expect(far.errors).toBeUndefined();
    const bad = await ask(
      dpo,
      `query($id: ID!) { accessLog(personId: $id, from: "2026-12-31", to: "2026-01-01") { entries { at } } }`,
      { id: parentId },
    );
    expect(bad.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'to']]);
  });
});

async function expectIntact(service: Service) {
  const ds = await openDatabase({ url: stack.databases[service].url, entities: [], migrations: [] });
  try {
    await expect(verifyAuditChain(ds)).resolves.toBeNull();
  } finally {
    await ds.destroy();
  }
}

describe('the audit table', () => {
  it('is append-only for the application role, and an altered or removed row is found', async () => {
    // The services' application role (see `grantApplicationRole`): UPDATE and DELETE are refused.
    const [{ app }] = await queryDatabase(
      stack.databases.family.url,
      `SELECT grantee AS app FROM information_schema.role_table_grants
        WHERE table_name = 'audit_event' AND privilege_type = 'INSERT' AND grantee <> current_user LIMIT 1`,
    );
    const ds = await openDatabase({ url: stack.databases.family.url, entities: [], migrations: [] });
    try {
      for (const statement of [`UPDATE audit_event SET category = 'HEALTH'`, 'DELETE FROM audit_event']) {
        await expect(
          ds.transaction(async (tx) => {
            await tx.query(`SET LOCAL ROLE ${app as string}`);
            await tx.query(statement);
          }),
        ).rejects.toThrow(/permission denied|append-only/);
      }
      await expect(verifyAuditChain(ds)).resolves.toBeNull();
      const [{ altered, removed }] = await ds.query(
        `SELECT (SELECT min(id) FROM audit_event) + 1 AS altered, (SELECT max(id) FROM audit_event) - 1 AS removed`,
      );
      await ds.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
        await tx.query(`UPDATE audit_event SET purpose = 'something else' WHERE id = $1`, [altered]);
        await tx.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
      });
      await expect(verifyAuditChain(ds)).resolves.toBe(String(altered));
      await ds.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
        await tx.query(`UPDATE audit_event SET purpose = NULL WHERE id = $1`, [altered]);
        await tx.query('DELETE FROM audit_event WHERE id = $1', [removed]);
        await tx.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
      });
      await expect(verifyAuditChain(ds)).resolves.toBe(String(Number(removed) + 1));
    } finally {
      await ds.destroy();
    }
  });
});
