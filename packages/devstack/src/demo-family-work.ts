import type { Identity } from '@helhed/identity';
import type { GraphClient } from './graph-client';

/**
 * The demo families' work in the one plan: teams and contact persons, custody
 * and consents, the cross-disciplinary assessment, plans with activities in all
 * four departments and follow-ups (some overdue), a civil-society activity, and
 * the municipality's project with milestones and risks. Each part is added only
 * where it is missing, so loading twice changes nothing.
 */
type Caseworker = { id: string; email: string };
type Member = { id: string; firstName: string; role: string };
type DemoFamily = {
  id: string;
  caseReference: string;
  members: Member[];
  team: Array<{ id: string }>;
  plan: { id: string } | null;
  assessments: Array<{ id: string }>;
};

const FAMILY_QUERY = `query($ref: String!) { familyByCaseReference(caseReference: $ref) {
  id caseReference members { id firstName role } team { id } plan { id } assessments { id } } }`;

export interface FamilyWorkSummary {
  plans: number;
  activities: number;
  projects: number;
}

export async function loadFamilyWork(
  graph: GraphClient,
  as: { family: Identity; admin: Identity },
): Promise<FamilyWorkSummary> {
  const { caseworkers } = await graph.request<{ caseworkers: Caseworker[] }>(as.admin, `{ caseworkers { id email } }`);
  const cw = (name: string) => caseworkers.find((c) => c.email.startsWith(name))!.id;
  const staff = {
    anne: cw('anne.kjaer'),
    lars: cw('lars.holm'),
    soeren: cw('soeren.dahl'),
    maria: cw('maria.nielsen'),
    peter: cw('peter.bach'),
  };
  const run = <T = any>(query: string, input: Record<string, unknown>, who: Identity = as.family) =>
    graph.request<T>(who, query, { input });
  const family = async (ref: string) =>
    (await graph.request<{ familyByCaseReference: DemoFamily | null }>(as.family, FAMILY_QUERY, { ref }))
      .familyByCaseReference;
  const summary: FamilyWorkSummary = { plans: 0, activities: 0, projects: 0 };

  const teamUp = async (f: DemoFamily, from: string, members: string[], contact: string) => {
    if (f.team.length > 0) return;
    for (const caseworkerId of members) {
      await run(`mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`, {
        familyId: f.id,
        caseworkerId,
        from,
      });
    }
    await run(`mutation($input: SetContactPersonInput!) { setContactPerson(input: $input) { id } }`, {
      familyId: f.id,
      caseworkerId: contact,
      from,
      reason: 'Named at the first family meeting',
    });
  };
  const custody = async (f: DemoFamily) => {
    const parents = f.members.filter((m) => m.role === 'PARENT').map((m) => m.id);
    for (const child of f.members.filter((m) => m.role === 'CHILD')) {
      await run(`mutation($input: SetCustodyHoldersInput!) { setCustodyHolders(input: $input) { id } }`, {
        childId: child.id,
        holderIds: parents,
      });
    }
  };
  const consent = (personId: string, givenById: string, validFrom: string) =>
    run(`mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`, {
      personId,
      givenById,
      departments: ['FAMILY', 'JOBCENTER', 'HEALTH', 'ECONOMY'],
      categories: ['BASIC', 'SOCIAL', 'EMPLOYMENT', 'ECONOMY'],
      purpose: 'One coordinated plan for the family across departments (helhedsindsats)',
      validFrom,
    });
  const assess = async (f: DemoFamily, assessedOn: string) => {
    if (f.assessments.length > 0) return undefined;
    const { recordAssessment } = await run<{ recordAssessment: { id: string } }>(
      `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }`,
      {
        familyId: f.id,
        assessedOn,
        participantIds: [staff.anne, staff.soeren, staff.maria],
        domains: [
          {
            domain: 'SOCIAL',
            resources: 'A close grandmother nearby; the parent wants change.',
            challenges: 'Chaotic mornings; the children are often late for school.',
            wishes: 'Calmer everyday life.',
            needs: 'Support at home in the mornings and at bedtime.',
          },
          {
            domain: 'HEALTH',
            resources: 'Motivated to get help.',
            challenges: 'Low energy and poor sleep.',
            needs: 'A course with a psychologist.',
          },
          {
            domain: 'EMPLOYMENT',
            resources: 'Earlier experience from retail.',
            challenges: 'Out of work for several years.',
            wishes: 'A part-time job.',
            needs: 'A company internship with a mentor.',
          },
        ],
      },
    );
    return recordAssessment.id;
  };
  const addActivity = async (input: Record<string, unknown>) => {
    summary.activities++;
    const { addPlanActivity } = await run<{ addPlanActivity: { id: string } }>(
      `mutation($input: AddPlanActivityInput!) { addPlanActivity(input: $input) { id } }`,
      input,
    );
    return addPlanActivity.id;
  };

  // A single parent with two children: the full picture.
  const jensen = await family('VEJ-2026-0001');
  if (jensen) {
    const [mette, emil, freja] = ['Mette', 'Emil', 'Freja'].map((n) => jensen.members.find((m) => m.firstName === n)!);
    await teamUp(jensen, '2026-03-01', [staff.anne, staff.soeren, staff.maria, staff.peter], staff.anne);
    if (jensen.team.length === 0) {
      await custody(jensen);
      await consent(mette!.id, mette!.id, '2026-03-01');
      await consent(emil!.id, mette!.id, '2026-03-01');
    }
    const assessmentId = await assess(jensen, '2026-02-20');
    if (!jensen.plan) {
      summary.plans++;
      const { createFamilyPlan: plan } = await run<{
        createFamilyPlan: { id: string; goals: Array<{ id: string; description: string }> };
      }>(
        `mutation($input: CreateFamilyPlanInput!) { createFamilyPlan(input: $input) { id goals { id description } } }`,
        {
          familyId: jensen.id,
          basedOnAssessmentId: assessmentId,
          startsOn: '2026-03-01',
          followUpCadenceWeeks: 12,
          phases: [
            { name: 'Phase 1', startsOn: '2026-03-01', endsOn: '2026-08-31', focus: 'Stabilise everyday life' },
            { name: 'Phase 2', startsOn: '2026-09-01', endsOn: '2027-02-28', focus: 'Towards work and school' },
            { name: 'Phase 3', startsOn: '2027-03-01', endsOn: '2027-08-31', focus: 'Keep it going without us' },
          ],
          goals: [
            {
              description: 'The family keeps a fixed routine for mornings and bedtime 5 days a week',
              targetDate: '2027-03-01',
            },
            { memberId: mette!.id, description: 'Mette works at least 15 hours a week', targetDate: '2027-06-01' },
            {
              memberId: emil!.id,
              description: 'Emil attends school at least 90 % of the days',
              targetDate: '2027-01-31',
            },
          ],
        },
      );
      const goal = (prefix: string) => plan.goals.find((g) => g.description.startsWith(prefix))!.id;
      const common = { planId: plan.id, followUpCadenceWeeks: 4 };
      const homeSupport = await addActivity({
        ...common,
        department: 'FAMILY',
        sectorPlanKind: 'HANDLEPLAN',
        memberIds: [mette!.id, emil!.id, freja!.id],
        goalId: goal('The family'),
        offerDescription: 'Family treatment at home, mornings and bedtime',
        startsOn: '2026-03-15',
        hoursPerWeek: 4,
        responsibleCaseworkerId: staff.anne,
      });
      await addActivity({
        ...common,
        department: 'JOBCENTER',
        sectorPlanKind: 'JOBPLAN',
        memberIds: [mette!.id],
        goalId: goal('Mette'),
        offerDescription: 'Company internship (virksomhedspraktik) in a supermarket, with a mentor',
        startsOn: '2026-05-01',
        hoursPerWeek: 10,
        responsibleCaseworkerId: staff.soeren,
      });
      await addActivity({
        ...common,
        department: 'HEALTH',
        sectorPlanKind: 'BEHANDLINGSPLAN',
        memberIds: [mette!.id],
        offerDescription: 'A course of sessions with a psychologist',
        startsOn: '2026-04-20',
        hoursPerWeek: 1,
        followUpCadenceWeeks: 6,
        responsibleCaseworkerId: staff.maria,
      });
      await addActivity({
        ...common,
        department: 'ECONOMY',
        sectorPlanKind: 'OTHER',
        memberIds: [mette!.id],
        offerDescription: 'Debt counselling and a monthly budget',
        startsOn: '2026-06-01',
        hoursPerWeek: 1,
        followUpCadenceWeeks: 8,
        responsibleCaseworkerId: staff.peter,
      });
      // The home support was followed up in October; the internship never was (overdue since May).
      await run(`mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`, {
        activityId: homeSupport,
        heldOn: '2026-10-20',
        participantIds: [staff.anne],
        otherParticipants: ['Mette'],
        outcome: 'Mornings work most days now; bedtime is still hard.',
        goalProgress: [{ goalId: goal('The family'), status: 'PROGRESSING' }],
      });
      await run(`mutation($input: PlanFollowUpInput!) { planFollowUp(input: $input) { id } }`, {
        planId: plan.id,
        plannedOn: '2026-11-10',
        participantIds: [staff.anne, staff.soeren, staff.maria],
      });
    }
  }

  // A couple with three children: a lighter plan.
  const hassan = await family('VEJ-2026-0002');
  if (hassan) {
    const [ahmed, leila, yasmin] = ['Ahmed', 'Leila', 'Yasmin'].map((n) =>
      hassan.members.find((m) => m.firstName === n)!,
    );
    await teamUp(hassan, '2026-06-01', [staff.anne, staff.soeren, staff.maria, staff.peter], staff.soeren);
    if (hassan.team.length === 0) {
      await custody(hassan);
      await consent(ahmed!.id, ahmed!.id, '2026-06-01');
      await consent(leila!.id, leila!.id, '2026-06-01');
      await consent(yasmin!.id, ahmed!.id, '2026-06-01');
    }
    if (!hassan.plan) {
      summary.plans++;
      const { createFamilyPlan: plan } = await run<{ createFamilyPlan: { id: string; goals: Array<{ id: string }> } }>(
        `mutation($input: CreateFamilyPlanInput!) { createFamilyPlan(input: $input) { id goals { id } } }`,
        {
          familyId: hassan.id,
          startsOn: '2026-06-01',
          followUpCadenceWeeks: 8,
          phases: [{ name: 'Phase 1', startsOn: '2026-06-01', endsOn: '2026-11-30', focus: 'Back to work' }],
          goals: [
            { memberId: leila!.id, description: 'Leila is back in work 20 hours a week', targetDate: '2027-03-01' },
          ],
        },
      );
      await addActivity({
        planId: plan.id,
        department: 'JOBCENTER',
        sectorPlanKind: 'JOBPLAN',
        memberIds: [leila!.id],
        goalId: plan.goals[0]!.id,
        offerDescription: 'Mentor support and a wage-subsidised job (løntilskud)',
        startsOn: '2026-09-01',
        hoursPerWeek: 20,
        responsibleCaseworkerId: staff.soeren,
        followUpCadenceWeeks: 4,
      });
    }
  }

  // A couple with a 15-year-old, still in intake: a team and the assessment.
  const poulsen = await family('VEJ-2026-0003');
  if (poulsen) {
    await teamUp(poulsen, '2026-11-01', [staff.anne, staff.peter], staff.anne);
    await assess(poulsen, '2026-11-12');
  }

  summary.projects = await loadProject(graph, as, staff, [jensen, hassan]);
  await loadCivilSociety(graph, as, jensen);
  return summary;
}

async function loadProject(
  graph: GraphClient,
  as: { family: Identity; admin: Identity },
  staff: Record<'anne' | 'lars', string>,
  families: Array<DemoFamily | null>,
): Promise<number> {
  const name = 'Helhedsindsats Vejle 2026-2028';
  const { projects } = await graph.request<{ projects: { edges: Array<{ node: { name: string } }> } }>(
    as.admin,
    `{ projects(first: 100) { edges { node { name } } } }`,
  );
  if (projects.edges.some((e) => e.node.name === name)) return 0;
  const run = <T = any>(query: string, input: Record<string, unknown>) => graph.request<T>(as.admin, query, { input });
  const { createProject } = await run<{ createProject: { id: string } }>(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      name,
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      projectLeadId: staff.lars,
      targetFamilyCount: 40,
      description: "Vejle's part of the national programme for integrated effort for vulnerable families",
    },
  );
  const projectId = createProject.id;
  const milestones = [
    { title: 'First 10 families enrolled', dueOn: '2026-06-30', doneOn: '2026-06-15' },
    { title: 'Data-sharing agreement between the departments signed', dueOn: '2026-04-30', status: 'IN_PROGRESS' },
    { title: 'Mid-term evaluation delivered to the agency', dueOn: '2027-06-30' },
  ];
  for (const m of milestones) {
    await run(`mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`, { projectId, ...m });
  }
  const risks = [
    {
      description: 'Caseworker turnover in the jobcenter breaks the one-contact-person promise',
      likelihood: 3,
      impact: 4,
      ownerId: staff.lars,
      mitigation: 'Two named caseworkers per family in the jobcenter',
    },
    {
      description: 'Families withdraw their consent and the plan loses its shared picture',
      likelihood: 2,
      impact: 3,
      ownerId: staff.anne,
      mitigation: 'Explain the consent at every plan follow-up',
    },
  ];
  for (const r of risks) {
    await run(`mutation($input: AddRiskInput!) { addRisk(input: $input) { id } }`, { projectId, ...r });
  }
  const enrolments: Array<[DemoFamily | null, string]> = [
    [families[0] ?? null, '2026-03-01'],
    [families[1] ?? null, '2026-06-01'],
  ];
  for (const [f, enrolledOn] of enrolments) {
    if (!f) continue;
    await run(`mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`, {
      projectId,
      familyId: f.id,
      enrolledOn,
    });
  }
  return 1;
}

async function loadCivilSociety(
  graph: GraphClient,
  as: { family: Identity },
  jensen: DemoFamily | null,
): Promise<void> {
  const name = 'Vejle Boldklub';
  const { civilSocietyPartners } = await graph.request<{
    civilSocietyPartners: { edges: Array<{ node: { name: string } }> };
  }>(as.family, `{ civilSocietyPartners(first: 100) { edges { node { name } } } }`);
  if (civilSocietyPartners.edges.some((e) => e.node.name === name) || !jensen) return;
  const { registerCivilSocietyPartner } = await graph.request<{ registerCivilSocietyPartner: { id: string } }>(
    as.family,
    `mutation($input: RegisterCivilSocietyPartnerInput!) { registerCivilSocietyPartner(input: $input) { id } }`,
    { input: { name, kind: 'SPORTS_CLUB', contact: 'Youth coordinator, via the club office' } },
  );
  await graph.request(
    as.family,
    `mutation($input: RecordParticipationInput!) { recordParticipation(input: $input) { id } }`,
    {
      input: {
        personId: jensen.members.find((m) => m.firstName === 'Emil')!.id,
        partnerId: registerCivilSocietyPartner.id,
        activity: 'Football, U15 team',
        start: '2026-09-01',
        hoursPerWeek: 3,
      },
    },
  );
}
