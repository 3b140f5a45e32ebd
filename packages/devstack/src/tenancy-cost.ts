import { tenancyStats } from '@helhed/db';
import { identity } from '@helhed/testing';
import { loadDemoData } from './demo-data';
import { startTestStack } from './test-stack';

/**
 * Prints what the tenancy wall costs a request (README, "Tenancy wall"): the
 * statements the services send, and the scope-setting statements among them,
 * per request of a few typical operations on the demo data.
 * Run: `npx tsc -b && node packages/devstack/dist/tenancy-cost.js`.
 */
const OPERATIONS: Record<string, string> = {
  overview: `{ families { edges { node { caseReference members { firstName benefitPeriods { type }
    healthAssessments { assessedOn } monthlyBenefitCost(month: "2026-11") { total { ore } } } } } } }`,
  families: `{ families { edges { node { caseReference members { firstName } } } } }`,
};

async function main(): Promise<void> {
  const stack = await startTestStack();
  try {
    await loadDemoData(stack.graph);
    const rounds = 20;
    // Alternating municipalities: no pooled connection holds the next request's scope (the worst case).
    const runs = [
      ...Object.entries(OPERATIONS).map(([name, query]) => ({ name, query, alternate: false })),
      { name: 'overview, alternating 630/101', query: OPERATIONS.overview!, alternate: true },
    ];
    for (const { name, query, alternate } of runs) {
      const caller = (i: number) => identity('HEALTH', { municipality: alternate && i % 2 ? '101' : '630' });
      await stack.post(caller(0), query); // warm up (connections, plans)
      const before = { ...tenancyStats };
      const started = process.hrtime.bigint();
      for (let i = 0; i < rounds; i += 1) {
        const answer = await stack.post(caller(i), query);
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
      const statements = (tenancyStats.statements - before.statements) / rounds;
      const scope = (tenancyStats.scopeStatements - before.scopeStatements) / rounds;
      console.log(
        `${name}: ${statements.toFixed(1)} statements and ${scope.toFixed(1)} scope settings per request, ${ms.toFixed(1)} ms per request`,
      );
    }
  } finally {
    await stack.close();
  }
}

void main();
