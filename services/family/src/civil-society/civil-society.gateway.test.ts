/** @clock-sensitive dst-autumn */
import { identity, queryDatabase } from '@helhed/testing';
import { startTestStack, type TestStack } from '@helhed/devstack';
import { today } from '../clock';

/** Civil-society partners and members' activities with them, through the gateway on real PostgreSQL. */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const family = identity('FAMILY');
const jobcenter = identity('JOBCENTER');

const PARTNER = `id name kind contact municipality { code }`;
const REGISTER = `mutation($input: RegisterCivilSocietyPartnerInput!) { registerCivilSocietyPartner(input: $input) { ${PARTNER} } }`;
const PARTICIPATION = `id activity start end hoursPerWeek ongoing recordedBy person { id } partner { id name }`;
const RECORD = `mutation($input: RecordParticipationInput!) { recordParticipation(input: $input) { ${PARTICIPATION} } }`;
const END = `mutation($input: EndParticipationInput!) { endParticipation(input: $input) { ${PARTICIPATION} } }`;
const PARTNERS = `query($first: Int, $after: String, $kind: CivilSocietyPartnerKind) {
  civilSocietyPartners(first: $first, after: $after, kind: $kind) {
    edges { cursor node { name kind } } pageInfo { hasNextPage endCursor } } }`;

let childId: string;
let parentId: string;
let clubId: string;

const count = async (table: string) =>
  Number((await queryDatabase(stack.databases.family.url, `SELECT count(*) AS n FROM ${table}`))[0]!.n);
const written = async () => ({
  partners: await count('civil_society_partner'),
  participations: await count('civil_society_participation'),
  history: await count('change_record'),
});

async function expectRefused(query: string, input: Record<string, unknown>, field: string) {
  const before = await written();
  const res = await stack.post(family, query, { input });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(await written()).toEqual(before);
}

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const { createFamily } = await stack.graph.request(
    family,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { members { id role } } }`,
    {
      input: {
        caseReference: 'VEJ-CS-1',
        members: [
          { cpr: '120588-1234', firstName: 'Mette', lastName: 'Holm', role: 'PARENT' },
          { cpr: '030316-4567', firstName: 'Emil', lastName: 'Holm', role: 'CHILD' },
        ],
      },
    },
  );
  childId = createFamily.members.find((m: { role: string }) => m.role === 'CHILD').id;
  parentId = createFamily.members.find((m: { role: string }) => m.role === 'PARENT').id;
});

afterAll(async () => {
  await stack?.close();
});

describe('civil-society partners', () => {
  it('registers partners of the municipality', async () => {
    const { registerCivilSocietyPartner } = await stack.graph.request(family, REGISTER, {
      input: { name: ' Vejle Boldklub ', kind: 'SPORTS_CLUB', contact: 'Formand: 75 00 00 00' },
    });
    clubId = registerCivilSocietyPartner.id;
    expect(registerCivilSocietyPartner).toMatchObject({
      name: 'Vejle Boldklub',
      kind: 'SPORTS_CLUB',
      contact: 'Formand: 75 00 00 00',
      municipality: { code: '630' },
    });
    for (const [name, kind] of [
      ['Røde Kors Vejle', 'VOLUNTEER_ORGANISATION'],
      ['Bygningen Musikskole', 'CULTURAL_ASSOCIATION'],
      ['Ungdomsklubben', 'OTHER'],
    ]) {
      await stack.graph.request(family, REGISTER, { input: { name, kind } });
    }
  });

  it('lists them by name, a page at a time, optionally of one kind', async () => {
    const first = (await stack.graph.request(family, PARTNERS, { first: 2 })).civilSocietyPartners;
    expect(first.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Bygningen Musikskole',
      'Røde Kors Vejle',
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await stack.graph.request(family, PARTNERS, { first: 2, after: first.pageInfo.endCursor }))
      .civilSocietyPartners;
    expect(rest.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Ungdomsklubben',
      'Vejle Boldklub',
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const clubs = (await stack.graph.request(jobcenter, PARTNERS, { kind: 'SPORTS_CLUB' })).civilSocietyPartners;
    expect(clubs.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Vejle Boldklub']);
  });

  it('refuses a name already used (in any case), an empty name and an unknown kind, and writes nothing', async () => {
    await expectRefused(REGISTER, { name: 'VEJLE BOLDKLUB', kind: 'SPORTS_CLUB' }, 'input.name');
    await expectRefused(REGISTER, { name: ' ', kind: 'SPORTS_CLUB' }, 'input.name');
    await expectRefused(REGISTER, { name: 'Pub', kind: 'PUB' }, 'input.kind');
  });

  it('another municipality sees none of them; only the family department registers them', async () => {
    const other = identity('FAMILY', { municipality: '101' });
    expect((await stack.graph.request(other, PARTNERS, {})).civilSocietyPartners.edges).toEqual([]);
    const res = await stack.post(jobcenter, REGISTER, { input: { name: 'X', kind: 'OTHER' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('participation', () => {
  const activity = (over: Record<string, unknown> = {}) => ({
    personId: childId,
    partnerId: clubId,
    activity: 'Football, U11, twice a week',
    start: '2026-08-15',
    hoursPerWeek: 3.5,
    ...over,
  });

  it('records a member’s activity, shown on the person, and ends it with a history row', async () => {
    const { recordParticipation } = await stack.graph.request(family, RECORD, { input: activity() });
    expect(recordParticipation).toMatchObject({
      start: '2026-08-15',
      end: null,
      hoursPerWeek: 3.5,
      ongoing: today() >= '2026-08-15',
      recordedBy: family.userId,
      person: { id: childId },
      partner: { id: clubId, name: 'Vejle Boldklub' },
    });
    const { person } = await stack.graph.request(
      family,
      `query($id: ID!) { person(id: $id) { civilSocietyParticipations { id activity } } }`,
      { id: childId },
    );
    expect(person.civilSocietyParticipations).toEqual([
      { id: recordParticipation.id, activity: 'Football, U11, twice a week' },
    ]);

    await expectRefused(END, { participationId: recordParticipation.id, end: '2026-08-14' }, 'input.end');
    const { endParticipation } = await stack.graph.request(family, END, {
      input: { participationId: recordParticipation.id, end: '2026-10-31' },
    });
    expect(endParticipation).toMatchObject({
      id: recordParticipation.id,
      end: '2026-10-31',
      ongoing: today() >= '2026-08-15' && today() <= '2026-10-31',
    });
    await expectRefused(END, { participationId: recordParticipation.id, end: '2026-11-30' }, 'input.participationId');
    const history = await queryDatabase(
      stack.databases.family.url,
      `SELECT operation FROM change_record WHERE entity = 'CivilSocietyParticipation' AND entity_id = $1 ORDER BY id`,
      [recordParticipation.id],
    );
    expect(history.map((h) => h.operation)).toEqual(['CREATE', 'END']);
    expect(await count('civil_society_participation')).toBe(1);
  });

  it('accepts 0 and 60 hours a week', async () => {
    for (const hoursPerWeek of [0, 60]) {
      const { recordParticipation } = await stack.graph.request(family, RECORD, {
        input: activity({ personId: parentId, hoursPerWeek, activity: 'Volunteer café' }),
      });
      expect(recordParticipation.hoursPerWeek).toBe(hoursPerWeek);
    }
  });

  it('refuses an end before the start and hours outside 0-60 with their paths, and writes nothing', async () => {
    await expectRefused(RECORD, activity({ end: '2026-08-14' }), 'input.end');
    await expectRefused(RECORD, activity({ hoursPerWeek: 60.5 }), 'input.hoursPerWeek');
    await expectRefused(RECORD, activity({ hoursPerWeek: -1 }), 'input.hoursPerWeek');
    await expectRefused(RECORD, activity({ activity: '' }), 'input.activity');
    await expectRefused(RECORD, activity({ partnerId: '00000000-0000-4000-8000-000000000000' }), 'input.partnerId');
    await expectRefused(RECORD, activity({ personId: 'nobody' }), 'input.personId');
  });

  it('lets only the family department record activities', async () => {
    const res = await stack.post(jobcenter, RECORD, { input: activity() });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
