import {
  CREATE_PLAN,
  familyDept,
  jobcenter,
  otherMunicipality,
  planInput,
  startPlanKit,
  type PlanKit,
} from '../plan/__tests__/plan-kit';

/** The cross-disciplinary assessment through the gateway, on real databases. */
let kit: PlanKit;
let familyId: string;
let parentId: string;

const RECORD = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) {
  id version assessedOn revisionReason recordedBy
  participants { department caseworker { id name } }
  domains { domain resources challenges wishes needs } } }`;
const REVISE = `mutation($input: ReviseAssessmentInput!) { reviseAssessment(input: $input) {
  id version assessedOn revisionReason participants { department caseworker { id } } domains { domain challenges } } }`;
const FAMILY_ASSESSMENTS = `query($id: ID!) { family(id: $id) { assessments {
  id version assessedOn family { id }
  versions { version assessedOn revisionReason recordedBy participants { department caseworker { id } } domains { domain challenges } } } } }`;

const input = () => ({
  familyId,
  assessedOn: '2026-01-20',
  participantIds: [kit.caseworkers.family, kit.caseworkers.jobcenter, kit.caseworkers.health],
  domains: [
    { domain: 'EMPLOYMENT', resources: 'Erfaring fra detailhandel', challenges: 'Ledig i 4 år', needs: 'Mentor' },
    { domain: 'SOCIAL', resources: 'Stærk relation til børnene', challenges: 'Gæld', wishes: 'Ro i hjemmet' },
    { domain: 'HEALTH', challenges: 'Søvnproblemer' },
  ],
});

beforeAll(async () => {
  kit = await startPlanKit();
  const family = await kit.createFamily('ASSESS-1', 1, 1);
  familyId = family.id;
  parentId = family.members[0]!.id;
});

afterAll(async () => {
  await kit?.close();
});

describe('the cross-disciplinary assessment', () => {
  let assessmentId: string;

  it('records version 1 with participants of three departments and findings per domain', async () => {
    const { recordAssessment: a } = await kit.stack.graph.request(familyDept, RECORD, { input: input() });
    assessmentId = a.id;
    expect(a).toMatchObject({
      version: 1,
      assessedOn: '2026-01-20',
      revisionReason: null,
      recordedBy: familyDept.userId,
    });
    expect(a.participants).toEqual([
      { department: 'FAMILY', caseworker: { id: kit.caseworkers.family, name: 'Fie Familie' } },
      { department: 'JOBCENTER', caseworker: { id: kit.caseworkers.jobcenter, name: 'Jens Job' } },
      { department: 'HEALTH', caseworker: { id: kit.caseworkers.health, name: 'Sara Sundhed' } },
    ]);
    expect(a.domains).toEqual([
      {
        domain: 'SOCIAL',
        resources: 'Stærk relation til børnene',
        challenges: 'Gæld',
        wishes: 'Ro i hjemmet',
        needs: '',
      },
      { domain: 'HEALTH', resources: '', challenges: 'Søvnproblemer', wishes: '', needs: '' },
      {
        domain: 'EMPLOYMENT',
        resources: 'Erfaring fra detailhandel',
        challenges: 'Ledig i 4 år',
        wishes: '',
        needs: 'Mentor',
      },
    ]);
  });

  it('revises it as version 2; version 1 stays readable as it was', async () => {
    const { reviseAssessment: a } = await kit.stack.graph.request(familyDept, REVISE, {
      input: {
        assessmentId,
        reason: 'Sundhedsudredning afsluttet',
        assessedOn: '2026-02-10',
        participantIds: [kit.caseworkers.family, kit.caseworkers.health],
        domains: [{ domain: 'HEALTH', challenges: 'Søvnproblemer; let depression' }],
      },
    });
    expect(a).toMatchObject({
      id: assessmentId,
      version: 2,
      assessedOn: '2026-02-10',
      revisionReason: 'Sundhedsudredning afsluttet',
    });
    expect(a.domains.map((d: any) => [d.domain, d.challenges])).toEqual([
      ['SOCIAL', 'Gæld'],
      ['HEALTH', 'Søvnproblemer; let depression'],
      ['EMPLOYMENT', 'Ledig i 4 år'],
    ]);

    const { family } = await kit.stack.graph.request(familyDept, FAMILY_ASSESSMENTS, { id: familyId });
    expect(family.assessments).toHaveLength(1);
    const [v1, v2] = family.assessments[0].versions;
    expect(v1).toMatchObject({ version: 1, assessedOn: '2026-01-20', revisionReason: null });
    expect(v1.participants.map((p: any) => p.department)).toEqual(['FAMILY', 'JOBCENTER', 'HEALTH']);
    expect(v1.domains.find((d: any) => d.domain === 'HEALTH').challenges).toBe('Søvnproblemer');
    expect(v2.participants.map((p: any) => p.department)).toEqual(['FAMILY', 'HEALTH']);
  });

  it('can be the basis of the family plan', async () => {
    const { createFamilyPlan } = await kit.stack.graph.request(
      familyDept,
      CREATE_PLAN.replace('nextFollowUpDue', 'nextFollowUpDue basedOnAssessment { id version }'),
      { input: planInput(familyId, parentId, { basedOnAssessmentId: assessmentId }) },
    );
    expect(createFamilyPlan.basedOnAssessment).toEqual({ id: assessmentId, version: 2 });
  });

  it("refuses a participant of another municipality, a future date, and another municipality's family", async () => {
    await kit.refused(
      RECORD,
      { ...input(), participantIds: [kit.caseworkers.family, kit.caseworkers.far] },
      'input.participantIds[1]',
    );
    await kit.refused(RECORD, { ...input(), assessedOn: '2099-01-01' }, 'input.assessedOn');
    await kit.refused(RECORD, input(), 'input.familyId', otherMunicipality);
    await kit.refused(REVISE, { assessmentId, reason: '' }, 'input.reason');
    await kit.refused(REVISE, { assessmentId: familyId, reason: 'x' }, 'input.assessmentId');
  });

  it('is recorded by the family department', async () => {
    const res = await kit.stack.post(jobcenter, RECORD, { input: input() });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps both versions in the family history', async () => {
    const { family } = await kit.stack.graph.request(
      familyDept,
      `query($id: ID!) { family(id: $id) { history(first: 50) { edges { node { operation entity entityId reason } } } } }`,
      { id: familyId },
    );
    const changes = family.history.edges.map((e: any) => e.node).filter((c: any) => c.entity === 'Assessment');
    expect(changes).toEqual([
      { operation: 'REVISE', entity: 'Assessment', entityId: assessmentId, reason: 'Sundhedsudredning afsluttet' },
      { operation: 'CREATE', entity: 'Assessment', entityId: assessmentId, reason: null },
    ]);
  });
});
