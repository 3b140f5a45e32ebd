import {
  createTestDatabase,
  gatewayHeaders,
  identity,
  postGraphQL,
  sqlStatementLog,
  TEST_SECRETS,
  testSubgraphConfig,
  type TestDatabase,
} from '@helhed/testing';
import type { Identity } from '@helhed/identity';
import { startFamilyService, type RunningFamilyService } from '../index';

/** A project's read does not send more SQL statements when it has more milestones, risks, families or siblings. */
const { logger: sqlLogger, statements } = sqlStatementLog();

describe('project reads', () => {
  let db: TestDatabase;
  let service: RunningFamilyService;
  const admin = identity('FAMILY', { roles: ['ADMIN'] });
  let lead: Identity;
  let leadId: string;
  const projectIds: string[] = [];
  let families = 0;

  const as = async (who: Identity, query: string, variables: Record<string, unknown> = {}) => {
    const res = await postGraphQL(service.url, query, variables, await gatewayHeaders(who));
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  /** Adds to a project `n` milestones, `n` risks and `n` enrolled families. */
  async function grow(projectId: string, n: number) {
    for (let i = 0; i < n; i += 1) {
      await as(lead, `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`, {
        input: { projectId, title: `M${i}`, dueOn: `202${i % 10}-06-30` },
      });
      await as(lead, `mutation($input: AddRiskInput!) { addRisk(input: $input) { id } }`, {
        input: { projectId, description: `R${i}`, likelihood: (i % 5) + 1, impact: 3, ownerId: leadId },
      });
      families += 1;
      const { createFamily } = await as(
        lead,
        `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`,
        {
          input: {
            caseReference: `S-${families}`,
            members: [
              { cpr: `0101901${String(families).padStart(3, '0')}`, firstName: 'P', lastName: 'S', role: 'PARENT' },
            ],
          },
        },
      );
      await as(lead, `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`, {
        input: { projectId, familyId: createFamily.id, enrolledOn: '2024-01-01' },
      });
    }
  }

  async function addProject(name: string) {
    const { createProject } = await as(
      lead,
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
      { input: { name, startsOn: '2020-01-01', endsOn: '2030-12-31', projectLeadId: leadId, targetFamilyCount: 50 } },
    );
    projectIds.push(createProject.id);
    return createProject.id as string;
  }

  const count = async (query: string, variables: Record<string, unknown> = {}) => {
    statements.length = 0;
    const data = await as(lead, query, variables);
    return { data, statements: statements.length };
  };

  const ALL = `{ projects { edges { node {
    name projectLead { name } municipality { name } enrolledCount
    milestones { title isOverdue project { name } }
    risks { score owner { name } project { name } }
    open: risks(status: OPEN) { score }
    families(first: 100) { edges { node { enrolledOn isCurrent family { caseReference } project { name } } } pageInfo { hasNextPage } }
  } } } }`;
  const ONE = `query($id: ID!) { project(id: $id) {
    milestones { title } risks { score owner { name } }
    history(first: 200) { edges { node { entity operation } } }
  } }`;

  beforeAll(async () => {
    db = await createTestDatabase('family_project');
    service = await startFamilyService(
      {
        ...testSubgraphConfig(db.url),
        CPR_ENCRYPTION_KEY: TEST_SECRETS.cprEncryptionKey,
        CPR_HASH_KEY: TEST_SECRETS.cprHashKey,
      },
      { sqlLogger },
    );
    await as(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
    const { registerCaseworker } = await as(
      admin,
      `mutation { registerCaseworker(input: { name: "Lene Leder", email: "lene@vejle.dk", department: FAMILY, roles: [PROJECT_LEAD] }) { id } }`,
    );
    leadId = registerCaseworker.id;
    lead = identity('FAMILY', { userId: leadId, roles: ['PROJECT_LEAD'] });
  });

  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  it('lists projects with lead, milestones, risks, families and counts in a fixed number of statements', async () => {
    await grow(await addProject('A'), 1);
    await grow(await addProject('B'), 1);
    const small = await count(ALL);
    expect(small.data.projects.edges).toHaveLength(2);

    await grow(projectIds[0]!, 4);
    await grow(await addProject('C'), 3);
    const large = await count(ALL);
    const nodes = large.data.projects.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(3);
    expect(
      nodes.map((n: any) => [n.name, n.milestones.length, n.risks.length, n.families.edges.length, n.enrolledCount]),
    ).toEqual(
      expect.arrayContaining([
        ['A', 5, 5, 5, 5],
        ['B', 1, 1, 1, 1],
        ['C', 3, 3, 3, 3],
      ]),
    );
    expect(large.statements).toBeLessThanOrEqual(small.statements);
  });

  it("reads one project's milestones, risks and history in a fixed number of statements", async () => {
    const small = await count(ONE, { id: projectIds[1] });
    expect(small.data.project.milestones).toHaveLength(1);
    const large = await count(ONE, { id: projectIds[0] });
    expect(large.data.project.milestones).toHaveLength(5);
    expect(large.data.project.history.edges).toHaveLength(11);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
  });
});
