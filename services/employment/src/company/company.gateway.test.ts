import { randomUUID } from 'node:crypto';
import { elsewhere, jobcenter, startJobcenterKit, type JobcenterKit } from '../benefit-period/__tests__/jobcenter-kit';

/** Companies through the gateway: CVR check, one per municipality, agreements, paging, placements. */
let kit: JobcenterKit;
let parent: string;
let child: string;

const REGISTER = `mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) {
  id cvr name contact { name email phone } } }`;
const AGREE = `mutation($input: AddPartnershipAgreementInput!) { addPartnershipAgreement(input: $input) {
  id kind from to places company { name } } }`;
const COMPANIES = `query($first: Int, $after: String) { companies(first: $first, after: $after) {
  edges { cursor node { name } } nodes { cvr } pageInfo { hasNextPage endCursor } } }`;
const COMPANY = `query($id: ID!, $cvr: String!) {
  company(id: $id) { name partnershipAgreements { kind from to places }
    placements { __typename ... on EmploymentPeriod { kind from person { id } } ... on LeisureJob { startedOn person { id } } } }
  companyByCvr(cvr: $cvr) { id } }`;

const register = async (input: Record<string, unknown>) =>
  (await kit.stack.graph.request(jobcenter, REGISTER, { input })).registerCompany;

beforeAll(async () => {
  kit = await startJobcenterKit();
  [parent, child] = (await kit.createFamily('COMPANY-1', ['1984-03-03', '2011-02-02'])).memberIds as [string, string];
});

afterAll(async () => {
  await kit?.close();
});

describe('companies', () => {
  let bakery: { id: string };

  it('registers a company with a checked CVR number and its contact, with history', async () => {
    bakery = await register({
      cvr: 'DK 1234 5674',
      name: 'Bageriet Vejle',
      contactName: 'Bente Bager',
      contactEmail: 'bente@bageriet.dk',
      contactPhone: '+45 75 12 34 56',
    });
    expect(bakery).toMatchObject({
      cvr: '12345674',
      name: 'Bageriet Vejle',
      contact: { name: 'Bente Bager', email: 'bente@bageriet.dk', phone: '+45 75 12 34 56' },
    });
    expect(await kit.historyOf(bakery.id)).toMatchObject([{ entity: 'Company', operation: 'CREATE' }]);
  });

  it('refuses a bad check digit, a bad length and a CVR registered already; another municipality may register it', async () => {
    const bad = await kit.refused(REGISTER, { cvr: '12345675', name: 'Forkert ApS' }, 'input.cvr');
    expect(bad.message).toMatch(/modulus-11/);
    await kit.refused(REGISTER, { cvr: '1234567', name: 'Kort ApS' }, 'input.cvr');
    const taken = await kit.refused(REGISTER, { cvr: '12345674', name: 'Igen ApS' }, 'input.cvr');
    expect(taken.message).toMatch(/registered in your municipality already/);
    const other = await kit.stack.graph.request(elsewhere, REGISTER, {
      input: { cvr: '12345674', name: 'Bageriet København' },
    });
    expect(other.registerCompany.cvr).toBe('12345674');
  });

  it('records partnership agreements and refuses a company of another municipality', async () => {
    const { addPartnershipAgreement } = await kit.stack.graph.request(jobcenter, AGREE, {
      input: { companyId: bakery.id, kind: 'LEISURE_JOBS', from: '2026-01-01', to: '2026-12-31', places: 3 },
    });
    expect(addPartnershipAgreement).toMatchObject({
      kind: 'LEISURE_JOBS',
      places: 3,
      company: { name: 'Bageriet Vejle' },
    });
    await kit.stack.graph.request(jobcenter, AGREE, {
      input: { companyId: bakery.id, kind: 'INTERNSHIP_PLACES', from: '2026-03-01' },
    });
    await kit.refused(
      AGREE,
      { companyId: bakery.id, kind: 'WAGE_SUBSIDY', from: '2026-03-01', to: '2026-02-01' },
      'input.to',
    );
    await kit.refused(AGREE, { companyId: randomUUID(), kind: 'WAGE_SUBSIDY', from: '2026-03-01' }, 'input.companyId');
    await kit.refused(
      AGREE,
      { companyId: bakery.id, kind: 'WAGE_SUBSIDY', from: '2026-03-01' },
      'input.companyId',
      elsewhere,
    );
  });

  it('lists companies by name a page at a time, and finds one by CVR', async () => {
    await register({ cvr: '29876541', name: 'Autoværkstedet' });
    await register({ cvr: '31000009', name: 'Cykelsmeden' });
    const first = (await kit.stack.graph.request(jobcenter, COMPANIES, { first: 2 })).companies;
    expect(first.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Autoværkstedet',
      'Bageriet Vejle',
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await kit.stack.graph.request(jobcenter, COMPANIES, { first: 2, after: first.pageInfo.endCursor }))
      .companies;
    expect(rest.nodes).toEqual([{ cvr: '31000009' }]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it("lists the company's placements: employment periods and leisure jobs, by start", async () => {
    await kit.stack.graph.request(
      jobcenter,
      `mutation($input: RecordEmploymentPeriodInput!) { recordEmploymentPeriod(input: $input) { id } }`,
      {
        input: {
          personId: parent,
          kind: 'ORDINARY_PART_TIME',
          hoursPerWeek: 15,
          employerCompanyId: bakery.id,
          from: '2026-02-01',
        },
      },
    );
    await kit.stack.graph.request(
      jobcenter,
      `mutation($input: RecordLeisureJobInput!) { recordLeisureJob(input: $input) { id } }`,
      { input: { personId: child, employerCompanyId: bakery.id, hoursPerWeek: 6, startedOn: '2026-01-10' } },
    );
    const { company, companyByCvr } = await kit.stack.graph.request(jobcenter, COMPANY, {
      id: bakery.id,
      cvr: '1234 5674',
    });
    expect(companyByCvr).toEqual({ id: bakery.id });
    expect(company.partnershipAgreements).toEqual([
      { kind: 'LEISURE_JOBS', from: '2026-01-01', to: '2026-12-31', places: 3 },
      { kind: 'INTERNSHIP_PLACES', from: '2026-03-01', to: null, places: null },
    ]);
    expect(company.placements).toEqual([
      { __typename: 'LeisureJob', startedOn: '2026-01-10', person: { id: child } },
      { __typename: 'EmploymentPeriod', kind: 'ORDINARY_PART_TIME', from: '2026-02-01', person: { id: parent } },
    ]);
  });
});
