/** @clock-sensitive midnight */
import { startTestStack, type TestStack } from '@helhed/devstack';
import { identity, queryDatabase } from '@helhed/testing';
import type { Identity } from '@helhed/identity';
import { today } from '../clock';

/** The municipality's project, its families, milestones and risks, through the gateway on real databases. */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const familyDept = identity('FAMILY');
const jobcenter = identity('JOBCENTER');
let lead: Identity;
let leadId: string;
let ownerId: string;
let foreignCaseworkerId: string;

const PROJECT = `id name startsOn endsOn targetFamilyCount description projectLead { id name } municipality { code }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT} } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { ${PROJECT} } }`;
const ENROL = `mutation($input: EnrolFamilyInProjectInput!) {
  enrolFamilyInProject(input: $input) { id enrolledOn endedOn reason isCurrent family { id } project { id } } }`;
const END = `mutation($input: EndProjectEnrolmentInput!) {
  endProjectEnrolment(input: $input) { id enrolledOn endedOn reason isCurrent } }`;
const ADD_MILESTONE = `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id title dueOn doneOn status isOverdue } }`;
const UPDATE_MILESTONE = `mutation($input: UpdateMilestoneInput!) {
  updateMilestone(input: $input) { id title dueOn doneOn status isOverdue project { id } } }`;
const ADD_RISK = `mutation($input: AddRiskInput!) {
  addRisk(input: $input) { id likelihood impact score status mitigation owner { id } } }`;
const UPDATE_RISK = `mutation($input: UpdateRiskInput!) {
  updateRisk(input: $input) { id likelihood impact score status mitigation owner { id } } }`;
const PROJECT_HISTORY = `query($id: ID!) { project(id: $id) { history { edges { node { operation entity entityId by before after reason } } } } }`;
const FAMILY_HISTORY = `query($id: ID!) { family(id: $id) { history { edges { node { operation entity entityId before after reason } } } } }`;

const count = async (table: string) =>
  Number((await queryDatabase(stack.databases.family.url, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

/** Posts a mutation that must be refused with BAD_USER_INPUT on `fields`, and checks that nothing was written. */
async function refused(query: string, input: Record<string, unknown>, fields: string[], who: Identity = lead) {
  const tables = ['project', 'project_enrolment', 'milestone', 'risk', 'change_record'];
  const before = await Promise.all(tables.map(count));
  const res = await stack.post(who, query, { input });
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const problems = (res.errors?.[0]?.extensions?.problems as Array<{ field: string }> | undefined)?.map((p) => p.field);
  expect(problems ?? [res.errors?.[0]?.extensions?.field]).toEqual(fields);
  expect(await Promise.all(tables.map(count))).toEqual(before);
  return res.errors![0]!;
}

/** Posts a mutation that must be refused with FORBIDDEN, and checks that nothing was written. */
async function forbidden(query: string, input: Record<string, unknown>, who: Identity) {
  const before = await count('change_record');
  const res = await stack.post(who, query, { input });
  expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(await count('change_record')).toBe(before);
}

let cpr = 1000;
async function createFamily(caseReference: string, who: Identity = familyDept): Promise<string> {
  cpr += 1;
  const { createFamily: created } = await stack.graph.request(
    who,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`,
    {
      input: {
        caseReference,
        members: [{ cpr: `010190${cpr}`, firstName: 'Mette', lastName: 'Test', role: 'PARENT' }],
      },
    },
  );
  return created.id;
}

async function registerCaseworker(who: Identity, name: string, roles: string[] = ['CASEWORKER']): Promise<string> {
  const { registerCaseworker: c } = await stack.graph.request(
    who,
    `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
    {
      input: { name, email: `${name.toLowerCase().replace(/\W/g, '.')}@example.dk`, department: who.department, roles },
    },
  );
  return c.id;
}

const newProject = (over: Record<string, unknown> = {}) => ({
  name: 'Helhedsindsats Vejle',
  startsOn: '2020-01-01',
  endsOn: '2035-12-31',
  projectLeadId: leadId,
  targetFamilyCount: 60,
  description: 'Én familie, én plan.',
  ...over,
});

beforeAll(async () => {
  stack = await startTestStack();
  const foreignAdmin = identity('FAMILY', { roles: ['ADMIN'], municipality: '101' });
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  await stack.graph.request(
    foreignAdmin,
    `mutation { registerMunicipality(input: { code: "101", name: "København" }) { code } }`,
  );
  leadId = await registerCaseworker(admin, 'Lene Leder', ['PROJECT_LEAD']);
  ownerId = await registerCaseworker(admin, 'Ole Ejer');
  foreignCaseworkerId = await registerCaseworker(foreignAdmin, 'Kim Kbh');
  lead = identity('FAMILY', { userId: leadId, roles: ['PROJECT_LEAD'] });
});

afterAll(async () => {
  await stack?.close();
});

describe('the project', () => {
  let projectId: string;

  it('is created by a project lead, with its lead from the same municipality, and kept in its history', async () => {
    const { createProject } = await stack.graph.request(lead, CREATE, { input: newProject() });
    projectId = createProject.id;
    expect(createProject).toMatchObject({
      name: 'Helhedsindsats Vejle',
      startsOn: '2020-01-01',
      endsOn: '2035-12-31',
      targetFamilyCount: 60,
      description: 'Én familie, én plan.',
      projectLead: { id: leadId, name: 'Lene Leder' },
      municipality: { code: '630' },
    });
    const { project } = await stack.graph.request(jobcenter, PROJECT_HISTORY, { id: projectId });
    expect(project.history.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({
        operation: 'CREATE',
        entity: 'Project',
        entityId: projectId,
        by: leadId,
        before: null,
      }),
    ]);
    const [row] = await queryDatabase(
      stack.databases.family.url,
      'SELECT family_id FROM change_record WHERE entity_id = $1',
      [projectId],
    );
    expect(row).toEqual({ family_id: null });
  });

  it('is created by an administrator too, and by nobody else', async () => {
    const { createProject } = await stack.graph.request(admin, CREATE, {
      input: newProject({ name: 'Pilot', startsOn: '2019-01-01', endsOn: '2019-12-31' }),
    });
    expect(createProject.name).toBe('Pilot');
    await forbidden(CREATE, newProject(), familyDept);
    await forbidden(CREATE, newProject(), jobcenter);
    await forbidden(UPDATE, { id: projectId, name: 'Mine' }, familyDept);
  });

  it('refuses an end before the start, a bad target and name, with every field path, and writes nothing', async () => {
    await refused(
      CREATE,
      newProject({ name: ' ', startsOn: '2026-06-01', endsOn: '2026-05-31', targetFamilyCount: 0 }),
      ['input.name', 'input.endsOn', 'input.targetFamilyCount'],
    );
    await refused(CREATE, newProject({ targetFamilyCount: 10_001 }), ['input.targetFamilyCount']);
  });

  it('refuses a project lead who is unknown or of another municipality', async () => {
    await refused(CREATE, newProject({ projectLeadId: foreignCaseworkerId }), ['input.projectLeadId']);
    await refused(CREATE, newProject({ projectLeadId: '3f1c5a52-0d4e-4a8e-9c39-3b7c0d7f4a11' }), [
      'input.projectLeadId',
    ]);
    await refused(CREATE, newProject({ projectLeadId: 'not-an-id' }), ['input.projectLeadId']);
    await refused(UPDATE, { id: projectId, projectLeadId: foreignCaseworkerId }, ['input.projectLeadId']);
  });

  it('is updated with the values before and after, and the reason, in its history', async () => {
    const { updateProject } = await stack.graph.request(lead, UPDATE, {
      input: {
        id: projectId,
        name: 'Helhedsindsats Vejle 2020-2035',
        projectLeadId: ownerId,
        description: null,
        reason: 'New lead',
      },
    });
    expect(updateProject).toMatchObject({
      name: 'Helhedsindsats Vejle 2020-2035',
      startsOn: '2020-01-01',
      targetFamilyCount: 60,
      description: null,
      projectLead: { id: ownerId },
    });
    const { project } = await stack.graph.request(lead, PROJECT_HISTORY, { id: projectId });
    expect(project.history.edges[0].node).toMatchObject({
      operation: 'UPDATE',
      entity: 'Project',
      by: leadId,
      reason: 'New lead',
      before: { name: 'Helhedsindsats Vejle', projectLeadId: leadId, description: 'Én familie, én plan.' },
      after: { name: 'Helhedsindsats Vejle 2020-2035', projectLeadId: ownerId, description: null },
    });
    await stack.graph.request(lead, UPDATE, { input: { id: projectId, projectLeadId: leadId } });
  });

  it('refuses an update that ends the project before it starts, or names no project', async () => {
    await refused(UPDATE, { id: projectId, endsOn: '2019-12-31' }, ['input.endsOn']);
    await refused(UPDATE, { id: '3f1c5a52-0d4e-4a8e-9c39-3b7c0d7f4a11', name: 'X' }, ['input.id']);
  });

  it("lists the municipality's projects page by page, latest start first, and hides them from other municipalities", async () => {
    const PAGE = `query($after: String) { projects(first: 1, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`;
    const first = await stack.graph.request(jobcenter, PAGE);
    expect(first.projects.edges.map((e: any) => e.node.name)).toEqual(['Helhedsindsats Vejle 2020-2035']);
    expect(first.projects.pageInfo.hasNextPage).toBe(true);
    const second = await stack.graph.request(jobcenter, PAGE, { after: first.projects.pageInfo.endCursor });
    expect(second.projects.edges.map((e: any) => e.node.name)).toEqual(['Pilot']);
    expect(second.projects.pageInfo.hasNextPage).toBe(false);

    const bad = await stack.post(jobcenter, PAGE, { after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    const foreign = identity('FAMILY', { municipality: '101', roles: ['PROJECT_LEAD'] });
    const theirs = await stack.graph.request(
      foreign,
      `query($id: ID!) { projects { edges { node { id } } } project(id: $id) { id } }`,
      {
        id: projectId,
      },
    );
    expect(theirs).toEqual({ projects: { edges: [] }, project: null });
    await refused(UPDATE, { id: projectId, name: 'Taken over' }, ['input.id'], foreign);
  });
});

describe("the project's families", () => {
  let projectId: string;
  let otherProjectId: string;
  let familyA: string;
  let familyB: string;
  let enrolmentA: string;
  const FAMILIES = `query($id: ID!) { project(id: $id) { enrolledCount families { edges { node { enrolledOn endedOn reason isCurrent family { id caseReference } } } } } }`;

  beforeAll(async () => {
    projectId = (await stack.graph.request(lead, CREATE, { input: newProject({ name: 'Enrolment' }) })).createProject
      .id;
    otherProjectId = (
      await stack.graph.request(lead, CREATE, { input: newProject({ name: 'Other', startsOn: '2021-01-01' }) })
    ).createProject.id;
    familyA = await createFamily('ENR-A');
    familyB = await createFamily('ENR-B');
  });

  it('enrols families of the municipality within the period, counting those enrolled today', async () => {
    const { enrolFamilyInProject } = await stack.graph.request(lead, ENROL, {
      input: { projectId, familyId: familyA, enrolledOn: '2024-02-01' },
    });
    enrolmentA = enrolFamilyInProject.id;
    expect(enrolFamilyInProject).toMatchObject({
      enrolledOn: '2024-02-01',
      endedOn: null,
      reason: null,
      isCurrent: true,
      family: { id: familyA },
      project: { id: projectId },
    });
    // The family department enrols families too; a family enrolled from a later day is not counted yet.
    await stack.graph.request(familyDept, ENROL, { input: { projectId, familyId: familyB, enrolledOn: '2035-12-31' } });
    const { project } = await stack.graph.request(lead, FAMILIES, { id: projectId });
    expect(project.enrolledCount).toBe(1);
    expect(
      project.families.edges.map((e: any) => [e.node.family.caseReference, e.node.enrolledOn, e.node.isCurrent]),
    ).toEqual([
      ['ENR-A', '2024-02-01', true],
      ['ENR-B', '2035-12-31', false],
    ]);
  });

  it('shows the enrolment on the family and in its history', async () => {
    const { family } = await stack.graph.request(
      lead,
      `query($id: ID!) { family(id: $id) { projectEnrolments { id enrolledOn project { name } } } }`,
      { id: familyA },
    );
    expect(family.projectEnrolments).toEqual([
      { id: enrolmentA, enrolledOn: '2024-02-01', project: { name: 'Enrolment' } },
    ]);
    const history = await stack.graph.request(familyDept, FAMILY_HISTORY, { id: familyA });
    expect(history.family.history.edges[0].node).toMatchObject({
      operation: 'CREATE',
      entity: 'ProjectEnrolment',
      entityId: enrolmentA,
      after: { projectId, familyId: familyA, enrolledOn: '2024-02-01', endedOn: null },
    });
  });

  it('refuses an enrolment day outside the period', async () => {
    const familyC = await createFamily('ENR-C');
    await refused(ENROL, { projectId, familyId: familyC, enrolledOn: '2019-12-31' }, ['input.enrolledOn']);
    await refused(ENROL, { projectId, familyId: familyC, enrolledOn: '2036-01-01' }, ['input.enrolledOn']);
  });

  it('refuses a second open enrolment of the same family, in this project or another', async () => {
    await refused(ENROL, { projectId: otherProjectId, familyId: familyA, enrolledOn: '2025-01-01' }, [
      'input.familyId',
    ]);
    await refused(ENROL, { projectId, familyId: familyA, enrolledOn: '2025-01-01' }, ['input.familyId']);
  });

  it('enrols a family only once when two enrolments arrive at the same moment', async () => {
    const familyD = await createFamily('ENR-D');
    const projects = await Promise.all(
      ['Race 1', 'Race 2'].map(
        async (name) => (await stack.graph.request(lead, CREATE, { input: newProject({ name }) })).createProject.id,
      ),
    );
    const results = await Promise.all(
      projects.map((id) =>
        stack.post(lead, ENROL, { input: { projectId: id, familyId: familyD, enrolledOn: '2025-01-01' } }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.familyId',
    });
    const rows = await queryDatabase(
      stack.databases.family.url,
      'SELECT id FROM project_enrolment WHERE family_id = $1',
      [familyD],
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses an unknown family or project, and a family of another municipality', async () => {
    const foreignFamily = await createFamily('KBH-1', identity('FAMILY', { municipality: '101' }));
    await refused(ENROL, { projectId, familyId: foreignFamily, enrolledOn: '2025-01-01' }, ['input.familyId']);
    await refused(ENROL, { projectId: 'nope', familyId: 'nope', enrolledOn: '2025-01-01' }, [
      'input.projectId',
      'input.familyId',
    ]);
  });

  it('lets only project leads, administrators and the family department enrol', async () => {
    await forbidden(ENROL, { projectId, familyId: familyA, enrolledOn: '2025-01-01' }, jobcenter);
    await forbidden(END, { enrolmentId: enrolmentA, endedOn: '2025-01-01', reason: 'x' }, jobcenter);
  });

  it('refuses a period change that would leave enrolled families outside it', async () => {
    await refused(UPDATE, { id: projectId, startsOn: '2024-03-01', endsOn: '2035-12-30' }, [
      'input.startsOn',
      'input.endsOn',
    ]);
  });

  it('refuses an end before the enrolment, after the project, or without a reason', async () => {
    await refused(END, { enrolmentId: enrolmentA, endedOn: '2024-01-31', reason: 'Moved' }, ['input.endedOn']);
    await refused(END, { enrolmentId: enrolmentA, endedOn: '2036-01-01', reason: ' ' }, [
      'input.endedOn',
      'input.reason',
    ]);
    await refused(END, { enrolmentId: 'nope', endedOn: '2025-01-01', reason: 'Moved' }, ['input.enrolmentId']);
  });

  it("ends an enrolment with a reason, keeps it, and shows the change in the family's history", async () => {
    const { endProjectEnrolment } = await stack.graph.request(lead, END, {
      input: { enrolmentId: enrolmentA, endedOn: '2025-06-30', reason: 'The family moved away' },
    });
    expect(endProjectEnrolment).toEqual({
      id: enrolmentA,
      enrolledOn: '2024-02-01',
      endedOn: '2025-06-30',
      reason: 'The family moved away',
      isCurrent: false,
    });
    const { project } = await stack.graph.request(lead, FAMILIES, { id: projectId });
    expect(project.enrolledCount).toBe(0);
    expect(project.families.edges).toHaveLength(2);
    const history = await stack.graph.request(familyDept, FAMILY_HISTORY, { id: familyA });
    expect(history.family.history.edges[0].node).toMatchObject({
      operation: 'END',
      entity: 'ProjectEnrolment',
      reason: 'The family moved away',
      before: { endedOn: null },
      after: { endedOn: '2025-06-30', endReason: 'The family moved away' },
    });
    await refused(END, { enrolmentId: enrolmentA, endedOn: '2025-07-01', reason: 'Again' }, ['input.enrolmentId']);
  });

  it('enrols the family again from the day its enrolment ended, not within it', async () => {
    await refused(ENROL, { projectId: otherProjectId, familyId: familyA, enrolledOn: '2025-06-29' }, [
      'input.enrolledOn',
    ]);
    const { enrolFamilyInProject } = await stack.graph.request(lead, ENROL, {
      input: { projectId: otherProjectId, familyId: familyA, enrolledOn: '2025-06-30' },
    });
    expect(enrolFamilyInProject).toMatchObject({ isCurrent: true, project: { id: otherProjectId } });
    const { family } = await stack.graph.request(
      lead,
      `query($id: ID!) { family(id: $id) { projectEnrolments { enrolledOn endedOn project { name } } } }`,
      { id: familyA },
    );
    expect(family.projectEnrolments).toEqual([
      { enrolledOn: '2025-06-30', endedOn: null, project: { name: 'Other' } },
      { enrolledOn: '2024-02-01', endedOn: '2025-06-30', project: { name: 'Enrolment' } },
    ]);
  });

  it('pages through the families of a project', async () => {
    const PAGE = `query($id: ID!, $after: String) { project(id: $id) { families(first: 1, after: $after) {
      edges { node { family { caseReference } } } pageInfo { hasNextPage endCursor } } } }`;
    const first = await stack.graph.request(lead, PAGE, { id: projectId });
    expect(first.project.families.edges.map((e: any) => e.node.family.caseReference)).toEqual(['ENR-A']);
    expect(first.project.families.pageInfo.hasNextPage).toBe(true);
    const second = await stack.graph.request(lead, PAGE, {
      id: projectId,
      after: first.project.families.pageInfo.endCursor,
    });
    expect(second.project.families.edges.map((e: any) => e.node.family.caseReference)).toEqual(['ENR-B']);
    expect(second.project.families.pageInfo.hasNextPage).toBe(false);
  });
});

describe("the project's milestones", () => {
  let projectId: string;
  let pastId: string;
  const MILESTONES = `query($id: ID!) { project(id: $id) { milestones { id title dueOn doneOn status isOverdue } } }`;

  beforeAll(async () => {
    projectId = (await stack.graph.request(lead, CREATE, { input: newProject({ name: 'Milestones' }) })).createProject
      .id;
  });

  it('are added by the project lead and listed by due day, overdue when past due and not done', async () => {
    await stack.graph.request(lead, ADD_MILESTONE, { input: { projectId, title: 'Evaluation', dueOn: '2035-06-30' } });
    pastId = (
      await stack.graph.request(lead, ADD_MILESTONE, {
        input: {
          projectId,
          title: 'All families have a joint plan',
          description: 'Én plan',
          dueOn: '2021-06-30',
          status: 'IN_PROGRESS',
        },
      })
    ).addMilestone.id;
    await stack.graph.request(lead, ADD_MILESTONE, {
      input: { projectId, title: 'Kick-off', dueOn: '2020-02-01', doneOn: '2020-02-01' },
    });
    const { project } = await stack.graph.request(jobcenter, MILESTONES, { id: projectId });
    expect(project.milestones.map((m: any) => [m.title, m.status, m.isOverdue])).toEqual([
      ['Kick-off', 'DONE', false],
      ['All families have a joint plan', 'IN_PROGRESS', true],
      ['Evaluation', 'PLANNED', false],
    ]);
  });

  it('refuses DONE without a day, a day in the future, an empty title, and an unknown project', async () => {
    const tomorrow = new Date(Date.parse(`${today()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await refused(ADD_MILESTONE, { projectId, title: '', dueOn: '2030-01-01', status: 'DONE' }, [
      'input.title',
      'input.doneOn',
    ]);
    await refused(ADD_MILESTONE, { projectId, title: 'Soon', dueOn: '2030-01-01', doneOn: tomorrow }, ['input.doneOn']);
    await refused(ADD_MILESTONE, { projectId: 'nope', title: 'X', dueOn: '2030-01-01' }, ['input.projectId']);
    await refused(UPDATE_MILESTONE, { id: pastId, status: 'DONE' }, ['input.doneOn']);
  });

  it('are updated by the project lead only, with before and after in the project history', async () => {
    await forbidden(UPDATE_MILESTONE, { id: pastId, doneOn: '2021-07-01' }, familyDept);
    const { updateMilestone } = await stack.graph.request(lead, UPDATE_MILESTONE, {
      input: { id: pastId, doneOn: '2021-07-01', reason: 'Reached a day late' },
    });
    expect(updateMilestone).toMatchObject({
      status: 'DONE',
      doneOn: '2021-07-01',
      isOverdue: false,
      project: { id: projectId },
    });
    const { project } = await stack.graph.request(lead, PROJECT_HISTORY, { id: projectId });
    expect(project.history.edges[0].node).toMatchObject({
      operation: 'UPDATE',
      entity: 'Milestone',
      entityId: pastId,
      reason: 'Reached a day late',
      before: { status: 'IN_PROGRESS', doneOn: null },
      after: { status: 'DONE', doneOn: '2021-07-01' },
    });
    expect(project.history.edges.map((e: any) => e.node.entity)).toEqual([
      'Milestone',
      'Milestone',
      'Milestone',
      'Milestone',
      'Project',
    ]);
  });
});

describe("the project's risks", () => {
  let projectId: string;
  let riskId: string;
  const RISKS = `query($id: ID!, $status: RiskStatus) { project(id: $id) { risks(status: $status) { description score status owner { name } } } }`;
  const risk = (over: Record<string, unknown> = {}) => ({
    projectId,
    description: 'Families drop out',
    likelihood: 3,
    impact: 4,
    ownerId,
    ...over,
  });

  beforeAll(async () => {
    projectId = (await stack.graph.request(lead, CREATE, { input: newProject({ name: 'Risks' }) })).createProject.id;
  });

  it('are added with an owner, scored likelihood × impact, highest score first', async () => {
    riskId = (await stack.graph.request(lead, ADD_RISK, { input: risk({ mitigation: 'Weekly calls' }) })).addRisk.id;
    await stack.graph.request(lead, ADD_RISK, {
      input: risk({ description: 'Staff turnover', likelihood: 5, impact: 5, ownerId: leadId }),
    });
    await stack.graph.request(lead, ADD_RISK, {
      input: risk({ description: 'IT delays', likelihood: 1, impact: 2, status: 'CLOSED' }),
    });
    const { project } = await stack.graph.request(jobcenter, RISKS, { id: projectId });
    expect(project.risks).toEqual([
      { description: 'Staff turnover', score: 25, status: 'OPEN', owner: { name: 'Lene Leder' } },
      { description: 'Families drop out', score: 12, status: 'OPEN', owner: { name: 'Ole Ejer' } },
      { description: 'IT delays', score: 2, status: 'CLOSED', owner: { name: 'Ole Ejer' } },
    ]);
    const closed = await stack.graph.request(jobcenter, RISKS, { id: projectId, status: 'CLOSED' });
    expect(closed.project.risks.map((r: any) => r.description)).toEqual(['IT delays']);
  });

  it('refuses likelihood and impact outside 1-5, and an owner unknown or of another municipality', async () => {
    await refused(ADD_RISK, risk({ likelihood: 0, impact: 6 }), ['input.likelihood', 'input.impact']);
    await refused(ADD_RISK, risk({ ownerId: foreignCaseworkerId }), ['input.ownerId']);
    await refused(ADD_RISK, risk({ ownerId: '3f1c5a52-0d4e-4a8e-9c39-3b7c0d7f4a11' }), ['input.ownerId']);
    await refused(UPDATE_RISK, { id: riskId, likelihood: 9 }, ['input.likelihood']);
    await refused(UPDATE_RISK, { id: riskId, ownerId: foreignCaseworkerId }, ['input.ownerId']);
    await forbidden(ADD_RISK, risk(), familyDept);
  });

  it('are updated with before and after in the project history, and re-ordered by the new score', async () => {
    const { updateRisk } = await stack.graph.request(lead, UPDATE_RISK, {
      input: { id: riskId, likelihood: 1, status: 'MITIGATED', mitigation: null, reason: 'Calls work' },
    });
    expect(updateRisk).toEqual({
      id: riskId,
      likelihood: 1,
      impact: 4,
      score: 4,
      status: 'MITIGATED',
      mitigation: null,
      owner: { id: ownerId },
    });
    const { project } = await stack.graph.request(lead, RISKS, { id: projectId });
    expect(project.risks.map((r: any) => r.score)).toEqual([25, 4, 2]);
    const history = await stack.graph.request(lead, PROJECT_HISTORY, { id: projectId });
    expect(history.project.history.edges[0].node).toMatchObject({
      operation: 'UPDATE',
      entity: 'Risk',
      entityId: riskId,
      reason: 'Calls work',
      before: { likelihood: 3, status: 'OPEN', mitigation: 'Weekly calls' },
      after: { likelihood: 1, status: 'MITIGATED', mitigation: null },
    });
  });
});
