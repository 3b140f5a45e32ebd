import type { Identity } from '@helhed/identity';
import type { GraphClient } from './graph-client';

/**
 * The jobcenter's demo records for the first family: two partner companies,
 * Mette's target group moving from activity-ready to job-ready, twelve weeks
 * of a company internship with attendance, her move from no work to 15 hours a
 * week, and 14-year-old Emil's leisure job. Added once (the first company's CVR
 * marks it), so loading twice changes nothing.
 */
const SUPERMARKET = { cvr: '10150817', name: 'Brugsen Vejle', contactName: 'Store manager' };
const CAFE = { cvr: '29000018', name: 'Café Fjordglimt', contactName: 'Owner' };

export async function loadJobcenterWork(graph: GraphClient, jobcenter: Identity): Promise<number> {
  const { companyByCvr } = await graph.request<{ companyByCvr: { id: string } | null }>(
    jobcenter,
    `query($cvr: String!) { companyByCvr(cvr: $cvr) { id } }`,
    { cvr: SUPERMARKET.cvr },
  );
  if (companyByCvr) return 0;
  const { familyByCaseReference: family } = await graph.request<{
    familyByCaseReference: {
      members: Array<{ id: string; firstName: string }>;
      plan: { activities: Array<{ id: string; department: string }> } | null;
    } | null;
  }>(
    jobcenter,
    `{ familyByCaseReference(caseReference: "VEJ-2026-0001") { members { id firstName } plan { activities { id department } } } }`,
  );
  if (!family?.plan) return 0;
  const run = <T = any>(query: string, input: Record<string, unknown>) => graph.request<T>(jobcenter, query, { input });
  const memberId = (name: string) => family.members.find((m) => m.firstName === name)!.id;
  const mette = memberId('Mette');
  const emil = memberId('Emil');

  const companyIds: string[] = [];
  for (const company of [SUPERMARKET, CAFE]) {
    const { registerCompany } = await run<{ registerCompany: { id: string } }>(
      `mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id } }`,
      company,
    );
    companyIds.push(registerCompany.id);
  }
  const [supermarket, cafe] = companyIds as [string, string];
  const agreements = [
    { companyId: supermarket, kind: 'INTERNSHIP_PLACES', from: '2026-01-01', places: 2 },
    { companyId: supermarket, kind: 'LEISURE_JOBS', from: '2026-01-01', places: 3 },
    { companyId: cafe, kind: 'LEISURE_JOBS', from: '2026-06-01', places: 1 },
  ];
  for (const agreement of agreements) {
    await run(
      `mutation($input: AddPartnershipAgreementInput!) { addPartnershipAgreement(input: $input) { id } }`,
      agreement,
    );
  }

  const assignTargetGroup = `mutation($input: AssignTargetGroupInput!) { assignTargetGroup(input: $input) { id } }`;
  await run(assignTargetGroup, { personId: mette, targetGroup: 'AKTIVITETSPARAT', from: '2026-03-01' });
  await run(assignTargetGroup, { personId: mette, targetGroup: 'JOBPARAT', from: '2026-09-01' });

  // Twelve weeks of internship in the supermarket (the plan's jobplan activity), attendance growing.
  const jobplan = family.plan.activities.find((a) => a.department === 'JOBCENTER')!;
  const { startOfferParticipation } = await run<{ startOfferParticipation: { id: string } }>(
    `mutation($input: StartOfferParticipationInput!) { startOfferParticipation(input: $input) { id } }`,
    {
      personId: mette,
      planActivityId: jobplan.id,
      kind: 'VIRKSOMHEDSPRAKTIK',
      companyId: supermarket,
      plannedStartOn: '2026-05-04',
      plannedEndOn: '2026-07-26',
      plannedHoursPerWeek: 10,
    },
  );
  const attended = [4, 6, 0, 8, 10, 10, 7, 10, 10, 9, 10, 10];
  for (const [i, hours] of attended.entries()) {
    // The seed's jobcenter identity is on no family's team: it writes, and reads nothing of the week back.
    await run(`mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { __typename } }`, {
      participationId: startOfferParticipation.id,
      isoWeek: `2026-W${String(19 + i).padStart(2, '0')}`,
      plannedHours: 10,
      attendedHours: hours,
    });
  }

  // From no work to 15 hours a week in the same supermarket.
  const recordEmployment = `mutation($input: RecordEmploymentPeriodInput!) { recordEmploymentPeriod(input: $input) { id } }`;
  await run(recordEmployment, { personId: mette, kind: 'NONE', hoursPerWeek: 0, from: '2025-01-01', to: '2026-09-30' });
  await run(recordEmployment, {
    personId: mette,
    kind: 'ORDINARY_PART_TIME',
    hoursPerWeek: 15,
    employerCompanyId: supermarket,
    from: '2026-10-01',
  });

  await run(`mutation($input: RecordLeisureJobInput!) { recordLeisureJob(input: $input) { id } }`, {
    personId: emil,
    employerCompanyId: cafe,
    hoursPerWeek: 6,
    startedOn: '2026-08-01',
  });
  return 1;
}
