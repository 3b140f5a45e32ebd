import { loadGatewayConfig, startGateway } from '@helhed/gateway';
import type { RunningHttpServer } from '@helhed/server';
import {
  createTestDatabase,
  identity,
  sqlStatementLog,
  TEST_SECRETS,
  testSubgraphConfig,
  type TestDatabase,
} from '@helhed/testing';
import { GraphClient, TEST_TOKEN_SETTINGS } from '@helhed/devstack';
import { startFamilyService, type RunningFamilyService } from '../index';
import { ADD_ACTIVITY, CREATE_PLAN, newCpr } from './__tests__/plan-kit';

/**
 * The family overview of the plan — members, the plan, its goals, its activities
 * with their members, responsible caseworker and next follow-up — asked through
 * the gateway, costs the family subgraph the same number of SQL statements for a
 * family of 2, 10 or 50 members with 5 activities each.
 */
const { logger: sqlLogger, statements } = sqlStatementLog();

/** The request's audit rows are written in one transaction when it ends: a fixed number of statements, not counted here. */
const AUDIT_WRITE = /audit_event|^(START TRANSACTION|BEGIN|COMMIT)|pg_advisory_xact_lock|YYYY-MM-DD"T"HH24/;
const counted = (all: string[]) => all.filter((s) => !AUDIT_WRITE.test(s)).length;
let db: TestDatabase;
let service: RunningFamilyService;
let gateway: RunningHttpServer;
let graph: GraphClient;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const familyDept = identity('FAMILY');
const caseworkers: string[] = [];

const OVERVIEW = `query($id: ID!) { family(id: $id) {
  caseReference
  members { id firstName role age }
  plan {
    id version startsOn nextFollowUpDue
    phases { name startsOn endsOn }
    goals { id description status targetDate member { id firstName } }
    activities {
      id offerDescription sectorPlanKind hoursPerWeek status nextFollowUpDue
      members { id firstName }
      responsibleCaseworker { id name department }
      goal { id description }
    }
  }
} }`;

const ACTIVITIES_PER_MEMBER = 5;

/** In groups, so building the 50-member family stays quick (the plan's row lock orders the writes). */
async function inGroups<T>(items: T[], size: number, run: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** A family of `size` members (two parents), one goal per member, five activities per member, some followed up. */
async function buildFamily(size: number): Promise<string> {
  const { createFamily } = await graph.request(
    familyDept,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id } } }`,
    {
      input: {
        caseReference: `COUNT-${size}`,
        enrolmentDate: '2026-01-05',
        members: Array.from({ length: size }, (_, i) => ({
          cpr: newCpr(i < 2 ? 'adult' : 'child'),
          firstName: `Member${i}`,
          lastName: `Count${size}`,
          role: i < 2 ? 'PARENT' : 'CHILD',
        })),
      },
    },
  );
  const members: Array<{ id: string }> = createFamily.members;
  const { createFamilyPlan: plan } = await graph.request(familyDept, CREATE_PLAN, {
    input: {
      familyId: createFamily.id,
      startsOn: '2026-01-01',
      followUpCadenceWeeks: 8,
      phases: [
        { name: 'Fase 1', startsOn: '2026-01-01', endsOn: '2026-06-30', focus: 'Stabilisering' },
        { name: 'Fase 2', startsOn: '2026-07-01', endsOn: '2026-12-31', focus: 'Udvikling' },
      ],
      goals: members.map((m, i) => ({ memberId: m.id, description: `Mål for medlem ${i}`, targetDate: '2026-12-31' })),
    },
  });
  const goalOf = new Map<string, string>(plan.goals.map((g: any) => [g.member.id, g.id]));
  const work = members.flatMap((m, i) =>
    Array.from({ length: ACTIVITIES_PER_MEMBER }, (_, k) => ({ member: m.id, n: i * ACTIVITIES_PER_MEMBER + k })),
  );
  const activityIds: string[] = [];
  await inGroups(work, 10, async ({ member, n }) => {
    const { addPlanActivity } = await graph.request(familyDept, ADD_ACTIVITY, {
      input: {
        planId: plan.id,
        department: 'FAMILY',
        sectorPlanKind: n % 2 === 0 ? 'HANDLEPLAN' : 'OTHER',
        memberIds: [member],
        goalId: goalOf.get(member),
        offerDescription: `Indsats ${n}`,
        startsOn: '2026-02-02',
        hoursPerWeek: (n % 20) + 0.5,
        responsibleCaseworkerId: caseworkers[n % caseworkers.length],
        followUpCadenceWeeks: 4,
      },
    });
    activityIds.push(addPlanActivity.id);
  });
  // Some activities have held follow-ups, so nextFollowUpDue counts from them.
  await inGroups(activityIds.slice(0, Math.ceil(activityIds.length / 3)), 10, (activityId) =>
    graph.request(familyDept, `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`, {
      input: { activityId, heldOn: '2026-03-02', outcome: 'Fulgt op' },
    }),
  );
  return createFamily.id;
}

beforeAll(async () => {
  db = await createTestDatabase('family_plan_statements');
  service = await startFamilyService(
    {
      ...testSubgraphConfig(db.url),
      CPR_ENCRYPTION_KEY: TEST_SECRETS.cprEncryptionKey,
      CPR_HASH_KEY: TEST_SECRETS.cprHashKey,
      CONSENT_OWN_AGE: 15,
    },
    { sqlLogger },
  );
  // The real gateway in front of this family service (the overview asks nothing of the other subgraphs).
  gateway = await startGateway(
    loadGatewayConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      IDENTITY_SIGNING_SECRET: TEST_SECRETS.identity,
      JWT_SECRET: TEST_TOKEN_SETTINGS.secret,
      JWT_ISSUER: TEST_TOKEN_SETTINGS.issuer,
      JWT_AUDIENCE: TEST_TOKEN_SETTINGS.audience,
      FAMILY_URL: service.url,
    }),
  );
  graph = new GraphClient(gateway.url, TEST_TOKEN_SETTINGS);
  await graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  for (const [name, department] of [
    ['Anna Familie', 'FAMILY'],
    ['Bo Familie', 'FAMILY'],
    ['Carl Job', 'JOBCENTER'],
  ] as const) {
    const { registerCaseworker } = await graph.request(
      admin,
      `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
      { input: { name, email: `${name.replace(' ', '.').toLowerCase()}@vejle.dk`, department } },
    );
    caseworkers.push(registerCaseworker.id);
  }
}, 120_000);

afterAll(async () => {
  await gateway?.close();
  await service?.close();
  await db?.drop();
});

it('costs the same number of SQL statements for families of 2, 10 and 50 members', async () => {
  const counts: Record<number, number> = {};
  for (const size of [2, 10, 50]) {
    const familyId = await buildFamily(size);
    statements.length = 0;
    const { family } = await graph.request(familyDept, OVERVIEW, { id: familyId });
    counts[size] = counted(statements);

    expect(family.members).toHaveLength(size);
    expect(family.plan.goals).toHaveLength(size);
    expect(family.plan.activities).toHaveLength(size * ACTIVITIES_PER_MEMBER);
    for (const activity of family.plan.activities) {
      expect(activity.members).toHaveLength(1);
      expect(activity.goal.id).toBe(family.plan.goals.find((g: any) => g.member.id === activity.members[0].id).id);
      expect(activity.responsibleCaseworker.name).toEqual(expect.any(String));
      expect(['2026-03-02', '2026-03-30']).toContain(activity.nextFollowUpDue);
    }
    expect(family.plan.activities.filter((a: any) => a.nextFollowUpDue === '2026-03-30').length).toBeGreaterThan(0);
  }
  expect(counts[10]).toBeLessThanOrEqual(counts[2]!);
  expect(counts[50]).toBeLessThanOrEqual(counts[2]!);
  // One statement per kind of row: family, members, plan, phases, goals, activities, their members, people,
  // caseworkers, goals by id, follow-up dates, plan follow-up date.
  expect(counts[2]).toBeLessThanOrEqual(14);
}, 180_000);
