import type { Identity } from '@helhed/identity';
import type { GraphClient } from './graph-client';

/**
 * The health coordinator's demo records: referrals (one waiting, one seen),
 * treatment details on the first family's treatment activity, and monthly
 * WHO-5 series that improve for Mette and worsen for Ahmed. Added once (Mette's
 * first referral marks it), so loading twice changes nothing.
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

export async function loadHealthWork(graph: GraphClient, health: Identity): Promise<number> {
  const family = async (ref: string) =>
    (await graph.request<{ familyByCaseReference: Family }>(health, FAMILY, { ref })).familyByCaseReference;
  const jensen = await family('VEJ-2026-0001');
  const hassan = await family('VEJ-2026-0002');
  if (!jensen || !hassan) return 0;
  const mette = jensen.members.find((m) => m.firstName === 'Mette')!.id;
  const ahmed = hassan.members.find((m) => m.firstName === 'Ahmed')!.id;
  const { person } = await graph.request<{ person: { referrals: unknown[] } | null }>(
    health,
    `query($id: ID!) { person(id: $id) { referrals { id } } }`,
    { id: mette },
  );
  if (!person || person.referrals.length > 0) return 0;

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
