import type { Identity } from '@helhed/identity';
import type { GraphClient } from './graph-client';

/**
 * The health coordinator's demo records: referrals (one waiting, one seen),
 * treatment details on the first family's treatment activity, and monthly
 * WHO-5 series that improve for Mette and worsen for Ahmed. Added once (Mette's
 * first referral marks it), so loading twice changes nothing.
 * Then, each step once: Mette's assessment revised with findings per area,
 * and Mette's consent to share her health data with the family department (so
 * the family caseworker on her team sees the summary for the team, the
 * referrals' course and treatment attendance, and the others only the date).
 */
type Family = {
  members: Array<{ id: string; firstName: string }>;
  plan: { activities: Array<{ id: string; department: string }> } | null;
} | null;

const FAMILY = `query($ref: String!) { familyByCaseReference(caseReference: $ref) {
  members { id firstName } plan { activities { id department } } } }`;

/** Item scores (0–5 each) of the five WHO-5 items per month. */
const IMPROVING = [
  ['2026-05', [1, 2, 1, 2, 1]],
  ['2026-07', [2, 2, 2, 3, 2]],
  ['2026-09', [3, 3, 2, 3, 3]],
  ['2026-10', [3, 4, 3, 4, 3]],
] as const;
const WORSENING = [
  ['2026-06', [3, 3, 3, 3, 2]],
  ['2026-08', [2, 3, 2, 2, 2]],
  ['2026-10', [1, 2, 1, 1, 1]],
] as const;

/** Mette's findings per area (VUM scale 0–4, 9 not relevant), added by revising her assessment. */
const METTE_FINDINGS = [
  {
    area: 'PHYSICAL',
    severity: 1,
    dailyLifeConsequences: 'Back pain after long walks',
    workConsequences: 'No heavy lifting',
    ownView: 'Not a problem day to day',
  },
  {
    area: 'MENTAL',
    severity: 3,
    dailyLifeConsequences: 'Anxiety in the mornings; finds it hard to leave home before 10',
    workConsequences: 'Start with few hours, late mornings',
    ownView: 'Wants to work on it with the psychologist',
    recommendations: 'Course of sessions with a psychologist',
  },
  { area: 'SUBSTANCE_USE', severity: 9 },
  { area: 'MEDICATION', severity: 0 },
  { area: 'DENTAL', severity: 2, recommendations: 'Municipal dental care for adults' },
  { area: 'SLEEP', severity: 2, dailyLifeConsequences: 'Wakes early', ownView: 'Sleeps better on work days' },
] as const;

export async function loadHealthWork(graph: GraphClient, health: Identity, familyDept?: Identity): Promise<number> {
  const added = await loadHealthRecords(graph, health);
  await loadFindingsAndConsent(graph, health, familyDept);
  return added;
}

async function loadFindingsAndConsent(graph: GraphClient, health: Identity, familyDept?: Identity): Promise<void> {
  const jensen = (await graph.request<{ familyByCaseReference: Family }>(health, FAMILY, { ref: 'VEJ-2026-0001' }))
    .familyByCaseReference;
  const mette = jensen?.members.find((m) => m.firstName === 'Mette')?.id;
  if (!mette) return;
  const { person } = await graph.request<{
    person: { healthAssessments: Array<{ id: string; findings: unknown[] | null }> } | null;
  }>(health, `query($id: ID!) { person(id: $id) { healthAssessments { id findings { area } } } }`, { id: mette });
  const latest = person?.healthAssessments[0];
  if (latest && (latest.findings ?? []).length === 0) {
    await graph.request(
      health,
      `mutation($input: ReviseHealthAssessmentInput!) { reviseHealthAssessment(input: $input) { id } }`,
      {
        input: {
          assessmentId: latest.id,
          findings: METTE_FINDINGS,
          reason: 'Findings per area added after the cross-disciplinary assessment',
        },
      },
    );
  }
  if (!familyDept) return;
  const { person: consenting } = await graph.request<{
    person: { consents: Array<{ categories: string[]; departments: string[] }> } | null;
  }>(familyDept, `query($id: ID!) { person(id: $id) { consents { categories departments } } }`, { id: mette });
  const covered = consenting?.consents.some((c) => c.categories.includes('HEALTH') && c.departments.includes('FAMILY'));
  if (consenting && !covered) {
    await graph.request(familyDept, `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`, {
      input: {
        personId: mette,
        givenById: mette,
        departments: ['FAMILY'],
        categories: ['HEALTH'],
        purpose: "The family caseworker plans the family's week with Mette's treatment in mind",
        validFrom: '2026-04-10',
      },
    });
  }
}

async function loadHealthRecords(graph: GraphClient, health: Identity): Promise<number> {
  const family = async (ref: string) =>
    (await graph.request<{ familyByCaseReference: Family }>(health, FAMILY, { ref })).familyByCaseReference;
  const jensen = await family('VEJ-2026-0001');
  const hassan = await family('VEJ-2026-0002');
  if (!jensen || !hassan) return 0;
  const mette = jensen.members.find((m) => m.firstName === 'Mette')!.id;
  const ahmed = hassan.members.find((m) => m.firstName === 'Ahmed')!.id;
  const { person } = await graph.request<{ person: { referrals: unknown[] | null } | null }>(
    health,
    `query($id: ID!) { person(id: $id) { referrals { id } } }`,
    { id: mette },
  );
  if (!person || (person.referrals ?? []).length > 0) return 0;

  const run = <T = any>(query: string, input: Record<string, unknown>) => graph.request<T>(health, query, { input });
  const send = `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`;
  const { sendReferral: psychologist } = await run<{ sendReferral: { id: string } }>(send, {
    personId: mette,
    to: 'PSYCHOLOGIST',
    sentOn: '2026-04-12',
  });
  await run(`mutation($input: UpdateReferralInput!) { updateReferral(input: $input) { id } }`, {
    referralId: psychologist.id,
    acceptedOn: '2026-04-15',
    firstAppointmentOn: '2026-04-20',
  });
  await run(send, { personId: ahmed, to: 'SUBSTANCE_ABUSE_TREATMENT', sentOn: '2026-10-05' });

  const treatment = jensen.plan?.activities.find((a) => a.department === 'HEALTH');
  if (treatment) {
    await run(`mutation($input: RecordTreatmentDetailsInput!) { recordTreatmentDetails(input: $input) { id } }`, {
      planActivityId: treatment.id,
      personId: mette,
      provider: 'Psykologhuset Vejle',
      frequency: 'Every other week',
      sessionsPlanned: 12,
    });
    await run(`mutation($input: RecordTreatmentSessionsInput!) { recordTreatmentSessions(input: $input) { id } }`, {
      planActivityId: treatment.id,
      sessionsAttended: 9,
    });
  }

  const indicators = `mutation($input: RecordHealthIndicatorsInput!) { recordHealthIndicators(input: $input) { month } }`;
  for (const [month, items] of IMPROVING) {
    await run(indicators, {
      personId: mette,
      month,
      who5Items: [...items],
      selfRatedHealth: month < '2026-09' ? 2 : 3,
      inTreatment: true,
      attendingAsPlanned: true,
    });
  }
  for (const [month, items] of WORSENING) {
    await run(indicators, {
      personId: ahmed,
      month,
      who5Items: [...items],
      selfRatedHealth: month < '2026-08' ? 3 : 2,
      inTreatment: false,
      attendingAsPlanned: false,
    });
  }
  return 1;
}
