import { identity } from '@helhed/testing';
import { startTestStack, type TestStack } from '@helhed/devstack';
import type { Identity } from '@helhed/identity';

/**
 * The national view of March 2026 through the gateway, on real databases: three
 * municipalities seeded so that every figure below can be checked by hand.
 *
 * | municipality   | families                  | persons | family part | jobcenter (March)            | health                         |
 * | 101 København  | 5 × a parent              | 5       | Feb + March | all 5 in work fully, 37 h    | —                              |
 * | 630 Vejle      | 2 × a parent and a child  | 4       | March       | both parents partly, 20 h    | both parents assessed + March  |
 * | 751 Aarhus     | 3 × a parent and a teen   | 6       | March; parents also Feb | the 3 parents fully, 30 h; teens not | —                 |
 *
 * VUM is 3 in February and 2 in March (lower is better): the 5 + 3 parents with
 * both months improve. Every family is enrolled in its municipality's project;
 * Vejle's project has one milestone due and one open risk.
 */
let stack: TestStack;
const monitor = identity('FAMILY', { roles: ['NATIONAL_MONITOR'] });
const MONTH = '2026-03';

const VUM_THEMES = [
  'FUNCTIONS_AND_SOCIAL_PROBLEMS',
  'PRACTICAL_TASKS_AT_HOME',
  'SELF_CARE',
  'MOBILITY',
  'WORK_HOUSING_EDUCATION_ECONOMY',
  'NETWORK',
  'HEALTH',
];
const ICS_DIMENSIONS = [
  'HEALTH',
  'DEVELOPMENT_AND_BEHAVIOUR',
  'DAYCARE_SCHOOL_AND_LEARNING',
  'LEISURE_AND_FRIENDSHIPS',
  'FAMILY_RELATIONS',
];
const vum = (score: number) => VUM_THEMES.map((theme) => ({ theme, score }));
const ics = (score: number) => ICS_DIMENSIONS.map((dimension) => ({ dimension, score }));

interface Municipality {
  code: string;
  family: Identity;
  jobcenter: Identity;
  health: Identity;
  lead: Identity;
  projectId: string;
  /** The family, jobcenter and health caseworkers: every family's team. */
  teamIds: string[];
}

let serial = 100;
/** A CPR number of a person born on the day (the check digit is not checked; the serial keeps them apart). */
const cpr = (ddmmyy: string, centuryDigit: number) =>
  `${ddmmyy}${centuryDigit}${String((serial += 1)).padStart(3, '0')}`;

async function setUpMunicipality(code: string, name: string): Promise<Municipality> {
  const admin = identity('FAMILY', { roles: ['ADMIN'], municipality: code });
  await stack.graph.request(
    admin,
    `mutation($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { code } }`,
    {
      i: { code, name },
    },
  );
  const register = async (who: string, department: string, roles?: string[]) =>
    (
      await stack.graph.request(
        admin,
        `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
        { input: { name: who, email: `${who.toLowerCase()}.${code}@example.dk`, department, roles } },
      )
    ).registerCaseworker.id as string;
  const ids = {
    family: await register('Familie', 'FAMILY'),
    jobcenter: await register('Job', 'JOBCENTER'),
    health: await register('Sundhed', 'HEALTH'),
    lead: await register('Leder', 'FAMILY', ['PROJECT_LEAD']),
  };
  const lead = identity('FAMILY', { userId: ids.lead, municipality: code, roles: ['PROJECT_LEAD'] });
  const { createProject } = await stack.graph.request(
    lead,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        name: `Helhed ${name}`,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        projectLeadId: ids.lead,
        targetFamilyCount: 10,
      },
    },
  );
  return {
    code,
    family: identity('FAMILY', { userId: ids.family, municipality: code }),
    jobcenter: identity('JOBCENTER', { userId: ids.jobcenter, municipality: code }),
    health: identity('HEALTH', { userId: ids.health, municipality: code }),
    lead,
    projectId: createProject.id,
    teamIds: [ids.family, ids.jobcenter, ids.health],
  };
}

/** Creates an ACTIVE family with the team of the municipality, enrolled in its project; returns the members' ids. */
async function family(m: Municipality, caseReference: string, members: Array<[string, string]>) {
  const { createFamily } = await stack.graph.request(
    m.family,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id role } } }`,
    {
      input: {
        caseReference,
        enrolmentDate: '2026-01-15',
        members: members.map(([number, role]) => ({ cpr: number, role, firstName: 'X', lastName: caseReference })),
      },
    },
  );
  for (const caseworkerId of m.teamIds)
    await stack.graph.request(
      m.family,
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      {
        input: { familyId: createFamily.id, caseworkerId, from: '2026-01-15' },
      },
    );
  await stack.graph.request(
    m.lead,
    `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`,
    {
      input: { projectId: m.projectId, familyId: createFamily.id, enrolledOn: '2026-01-15' },
    },
  );
  const byRole = (role: string) =>
    createFamily.members.filter((p: { role: string }) => p.role === role).map((p: { id: string }) => p.id) as string[];
  return { familyId: createFamily.id as string, parent: byRole('PARENT')[0]!, child: byRole('CHILD')[0] };
}

const registerFamilyPart = (m: Municipality, input: Record<string, unknown>) =>
  stack.graph.request(
    m.family,
    `mutation($input: RegisterFamilyPartInput!) { registerFamilyPart(input: $input) { personId } }`,
    {
      input,
    },
  );
const confirmJobcenter = (m: Municipality, personId: string, inWork: string, hours: number) =>
  stack.graph.request(
    m.jobcenter,
    `mutation($input: ConfirmEmploymentRegistrationInput!) { confirmEmploymentRegistration(input: $input) { complete } }`,
    { input: { personId, month: MONTH, corrections: { inWork, hoursWorkedPerWeek: hours } } },
  );

beforeAll(async () => {
  stack = await startTestStack();
  const kbh = await setUpMunicipality('101', 'København');
  const vejle = await setUpMunicipality('630', 'Vejle');
  const aarhus = await setUpMunicipality('751', 'Aarhus');
  for (let i = 0; i < 5; i += 1) {
    const f = await family(kbh, `KBH-${i}`, [[cpr('010185', 1), 'PARENT']]);
    await registerFamilyPart(kbh, { familyId: f.familyId, personId: f.parent, month: '2026-02', vum: vum(3) });
    await registerFamilyPart(kbh, { familyId: f.familyId, personId: f.parent, month: MONTH, vum: vum(2) });
    await confirmJobcenter(kbh, f.parent, 'FULLY', 37);
  }
  for (let i = 0; i < 2; i += 1) {
    const f = await family(vejle, `VEJ-${i}`, [
      [cpr('020285', 1), 'PARENT'],
      [cpr('030319', 4), 'CHILD'],
    ]);
    await registerFamilyPart(vejle, { familyId: f.familyId, personId: f.parent, month: MONTH, vum: vum(2) });
    await registerFamilyPart(vejle, { familyId: f.familyId, personId: f.child!, month: MONTH, ics: ics(1) });
    await confirmJobcenter(vejle, f.parent, 'PARTLY', 20);
    await stack.graph.request(
      vejle.health,
      `mutation($input: RecordHealthAssessmentInput!) { recordHealthAssessment(input: $input) { id } }`,
      { input: { personId: f.parent, assessedOn: '2026-02-10', summaryForTeam: 'Vurderet' } },
    );
    await stack.graph.request(
      vejle.health,
      `mutation($input: RecordHealthIndicatorsInput!) { recordHealthIndicators(input: $input) { month } }`,
      {
        input: {
          personId: f.parent,
          month: MONTH,
          who5Items: [2, 2, 2, 2, 2],
          selfRatedHealth: 3,
          inTreatment: false,
          attendingAsPlanned: false,
        },
      },
    );
  }
  await stack.graph.request(vejle.lead, `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`, {
    input: { projectId: vejle.projectId, title: 'Første statusmøde', dueOn: '2026-03-20' },
  });
  await stack.graph.request(vejle.lead, `mutation($input: AddRiskInput!) { addRisk(input: $input) { id } }`, {
    input: {
      projectId: vejle.projectId,
      description: 'Lav registreringsgrad',
      likelihood: 3,
      impact: 3,
      ownerId: vejle.lead.userId,
    },
  });
  for (let i = 0; i < 3; i += 1) {
    const f = await family(aarhus, `AAR-${i}`, [
      [cpr('040485', 1), 'PARENT'],
      [cpr('050510', 4), 'CHILD'],
    ]);
    await registerFamilyPart(aarhus, { familyId: f.familyId, personId: f.parent, month: '2026-02', vum: vum(3) });
    await registerFamilyPart(aarhus, { familyId: f.familyId, personId: f.parent, month: MONTH, vum: vum(2) });
    await registerFamilyPart(aarhus, { familyId: f.familyId, personId: f.child!, month: MONTH, ics: ics(2) });
    await confirmJobcenter(aarhus, f.parent, 'FULLY', 30);
  }
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

const COUNT = '{ value shown }';
const VIEW = `query($m: YearMonth!) { nationalRegistrationView(month: $m) {
  municipalities { ...figures }
  total { ...figures }
  employment {
    municipalities { ...employment }
    total { ...employment } }
  health {
    municipalities { ...health }
    total { ...health } } } }
fragment figures on RegistrationAggregate {
  municipality { code } families ${COUNT} personMonths ${COUNT} complete ${COUNT} completeOnTime ${COUNT} completePercent
  parts { department applying ${COUNT} done ${COUNT} onTime ${COUNT} }
  enrolment { enrolled ${COUNT} active ${COUNT} closed ${COUNT} }
  indicatorMovement { indicator department improving ${COUNT} unchanged ${COUNT} worsening ${COUNT} }
  milestonesDue ${COUNT} risksOpen ${COUNT} }
fragment employment on NationalEmploymentAggregate {
  municipality { code } adultsInWorkFully ${COUNT} adultsInWorkPartly ${COUNT} averageHoursWorked
  adultsStartedEducation ${COUNT} childrenWithLeisureJob ${COUNT} inCompanyBasedOffer ${COUNT}
  indicatorMovement { indicator improving ${COUNT} } }
fragment health on NationalHealthAggregate {
  municipality { code } withHealthAssessment ${COUNT} inTreatment ${COUNT} who5BelowFifty ${COUNT}
  indicatorMovement { indicator } }`;

const n = (value: number) => ({ value, shown: String(value) });
const small = { value: null, shown: '<5' };
const hidden = { value: null, shown: 'x' };

/** A row's counts by measure name, for the differencing check. */
type Row = Record<string, { value: number | null; shown: string }>;

describe('the national view', () => {
  let view: any;
  beforeAll(async () => {
    view = (await stack.graph.request(monitor, VIEW, { m: MONTH })).nationalRegistrationView;
  });

  it('aggregates the family figures per municipality and in total, checked by hand', () => {
    const [kbh, vejle, aarhus] = view.municipalities;
    expect([kbh, vejle, aarhus].map((m: any) => m.municipality.code)).toEqual(['101', '630', '751']);
    // Families 5 / 2 / 3: the two small ones sum to 5, so København's 5 (the 4/5 boundary) stays shown.
    expect([kbh.families, vejle.families, aarhus.families, view.total.families]).toEqual([n(5), small, small, n(10)]);
    // Persons 5 / 4 / 6: Vejle's 4 is under 5; København's 5 is hidden too (x), or 15 − 5 − 6 would give 4.
    expect([kbh.personMonths, vejle.personMonths, aarhus.personMonths, view.total.personMonths]).toEqual([
      hidden,
      small,
      n(6),
      n(15),
    ]);
    // Complete 5 / 4 / 3 (Aarhus' teens miss the jobcenter part): the hidden 4 + 3 = 7 pins neither down.
    expect([kbh.complete, vejle.complete, aarhus.complete, view.total.complete]).toEqual([n(5), small, small, n(12)]);
    // Every month was registered after its deadline (2026-04-10).
    expect(view.total.completeOnTime).toEqual(small);
    // A share only from shown counts: København's persons are hidden, Aarhus' complete is under 5.
    expect([kbh.completePercent, vejle.completePercent, aarhus.completePercent, view.total.completePercent]).toEqual([
      null,
      null,
      null,
      80,
    ]);
    const jobcenter = (m: any) => m.parts.find((p: any) => p.department === 'JOBCENTER');
    // The jobcenter part applies to adults and children 13+: 5 / 2 / 6.
    expect([kbh, vejle, aarhus, view.total].map((m) => jobcenter(m).applying)).toEqual([hidden, small, n(6), n(13)]);
    expect([kbh, vejle, aarhus, view.total].map((m) => jobcenter(m).done)).toEqual([n(5), small, small, n(10)]);
    // Enrolment 5 / 2 / 3, none closed: closed is under 5 everywhere, so enrolled (= active + closed + intake) is hidden.
    expect(kbh.enrolment).toEqual({ enrolled: hidden, active: n(5), closed: small });
    expect(view.total.enrolment).toEqual({ enrolled: hidden, active: n(10), closed: small });
    expect([vejle.milestonesDue, vejle.risksOpen, view.total.milestonesDue]).toEqual([small, small, small]);
    // VUM 3 → 2 improves for the 5 + 3 parents with both months: 5 / 0 / 3 → København hidden so 0 + 3 is not read.
    const network = (m: any) => m.indicatorMovement.find((i: any) => i.indicator === 'VUM_NETWORK');
    expect([kbh, vejle, aarhus, view.total].map((m) => network(m).improving)).toEqual([hidden, small, small, n(8)]);
    expect(network(view.total)).toMatchObject({ department: 'FAMILY', worsening: small });
  });

  it("carries the jobcenter's and the health coordinator's own sections, protected the same way", () => {
    const [kbh, vejle, aarhus] = view.employment.municipalities;
    expect([kbh, vejle, aarhus].map((m: any) => m.municipality.code)).toEqual(['101', '630', '751']);
    // In work fully 5 / 0 / 3: the hidden 0 + 3 is under 5, so København's 5 is hidden too; the total 8 stays.
    expect([kbh, vejle, aarhus, view.employment.total].map((m) => m.adultsInWorkFully)).toEqual([
      hidden,
      small,
      small,
      n(8),
    ]);
    // Average hours only over 5 or more who reported: København 37; total (5×37 + 2×20 + 3×30) / 10.
    expect([kbh, vejle, aarhus, view.employment.total].map((m) => m.averageHoursWorked)).toEqual([
      37,
      null,
      null,
      31.5,
    ]);
    expect(view.employment.total.adultsInWorkPartly).toEqual(small);
    expect(view.employment.total.childrenWithLeisureJob).toEqual(small);
    expect(view.health.municipalities.map((m: any) => m.municipality.code)).toEqual(['101', '630', '751']);
    expect(view.health.total).toMatchObject({ withHealthAssessment: small, who5BelowFifty: small, inTreatment: small });
  });

  it('lets no count under 5 be calculated as the total minus the shown municipalities', () => {
    const rows = (section: { municipalities: any[]; total: any }) => [...section.municipalities, section.total];
    const checks: Array<{ name: string; cells: Row[]; total: Row }> = [];
    const flatten = (m: any, prefix = ''): Row => {
      const out: Row = {};
      for (const [key, v] of Object.entries(m)) {
        if (v && typeof v === 'object' && 'shown' in (v as object)) out[prefix + key] = v as Row[string];
        else if (Array.isArray(v))
          for (const item of v)
            Object.assign(out, flatten(item, `${prefix}${key}.${item.department ?? item.indicator}.`));
        else if (v && typeof v === 'object' && key !== 'municipality')
          Object.assign(out, flatten(v, `${prefix}${key}.`));
      }
      return out;
    };
    for (const section of [view, view.employment, view.health]) {
      const all = rows(section).map((m) => flatten(m));
      checks.push({ name: 'section', cells: all.slice(0, -1), total: all.at(-1)! });
    }
    let measures = 0;
    for (const { cells, total } of checks)
      for (const [measure, shownTotal] of Object.entries(total)) {
        if (shownTotal.value === null) continue;
        const column = cells.map((c) => c[measure] ?? small);
        const hiddenCells = column.filter((c) => c.value === null);
        const rest = shownTotal.value - column.reduce((sum, c) => sum + (c.value ?? 0), 0);
        // Either nothing is hidden, or at least two cells are and they sum to 5 or more.
        if (hiddenCells.length > 0) {
          measures += 1;
          expect({ measure, hidden: hiddenCells.length >= 2, rest: rest >= 5 }).toEqual({
            measure,
            hidden: true,
            rest: true,
          });
        }
      }
    // Shown totals next to hidden municipalities: families, persons, complete, jobcenter parts, in work, VUM, …
    expect(measures).toBeGreaterThanOrEqual(8);
  });

  it('is refused with FORBIDDEN for every role but NATIONAL_MONITOR, and reaches no person', async () => {
    for (const who of [
      identity('FAMILY', { roles: ['PROJECT_LEAD'] }),
      identity('FAMILY', { roles: ['ADMIN'] }),
      identity('JOBCENTER'),
      identity('HEALTH'),
      identity('ECONOMY'),
      identity('FAMILY', { userId: 'reminder-worker', roles: ['SERVICE'] }),
    ]) {
      const res = await stack.post(who, VIEW, { m: MONTH });
      expect(res.data?.nationalRegistrationView ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    for (const field of ['participants { personId }', 'jobcenterParts { personId }', 'healthParts { personId }']) {
      const res = await stack.post(monitor, `{ nationalRegistrationView(month: "${MONTH}") { ${field} } }`);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
