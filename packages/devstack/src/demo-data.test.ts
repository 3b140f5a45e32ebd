import { identity } from '@helhed/testing';
import { loadDemoData } from './demo-data';
import { startTestStack, type TestStack } from './test-stack';

/** `npm run seed` loads a demo a caseworker can work with, through the graph, and loading it again adds nothing. */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('demo data', () => {
  it('loads once and is idempotent', async () => {
    const first = await loadDemoData(stack.graph);
    expect(first).toEqual({ caseworkers: 5, families: 3, prices: 5, plans: 2, activities: 5, projects: 1 });
    const again = await loadDemoData(stack.graph);
    expect(again).toEqual({ caseworkers: 0, families: 0, prices: 0, plans: 0, activities: 0, projects: 0 });
  });

  it('gives the first family a team, a contact person, consents and one plan across all four departments', async () => {
    const { familyByCaseReference: f } = await stack.graph.request(
      identity('FAMILY', { userId: 'seed-family' }),
      `{ familyByCaseReference(caseReference: "VEJ-2026-0001") {
          contactPerson { email } team { department }
          members { firstName consents { status } custodyHolders { firstName } }
          assessments { id }
          plan { goals { description } phases { name } activities { department sectorPlanKind nextFollowUpDue } }
          projectEnrolments { enrolledOn }
        } }`,
    );
    expect(f.contactPerson.email).toBe('anne.kjaer@vejle.example');
    expect(f.team.map((t: { department: string }) => t.department).sort()).toEqual([
      'ECONOMY',
      'FAMILY',
      'HEALTH',
      'JOBCENTER',
    ]);
    expect(f.assessments).toHaveLength(1);
    expect(f.plan.phases).toHaveLength(3);
    expect(f.plan.goals).toHaveLength(3);
    expect(new Set(f.plan.activities.map((a: { department: string }) => a.department)).size).toBe(4);
    // Some follow-ups are overdue in the demo.
    expect(f.plan.activities.some((a: { nextFollowUpDue: string }) => a.nextFollowUpDue < '2026-11-01')).toBe(true);
    const emil = f.members.find((m: { firstName: string }) => m.firstName === 'Emil');
    expect(emil.custodyHolders).toEqual([{ firstName: 'Mette' }]);
    expect(emil.consents.length).toBeGreaterThan(0);
    expect(f.projectEnrolments).toEqual([{ enrolledOn: '2026-03-01' }]);
  });
});
