import { ConfigError } from '@helhed/config';
import { loadGatewayConfig } from '@helhed/gateway';
import { loadDemoData } from './demo-data';
import { loadDemoRegistrations } from './demo-registration';
import { loadEconomyDemo } from './demo-economy';
import { GraphClient } from './graph-client';
import { resolveInfrastructure } from './infrastructure';
import { startStack } from './stack';

/**
 * `npm run seed`: loads the demo data through the graph itself (as an
 * integrator would), with the services started in this process against the
 * same databases `npm start` uses. Safe to run while `npm start` runs, and twice.
 */
async function main(): Promise<void> {
  const log = (line: string) => console.log(`[seed] ${line}`);
  // `npm start` has announced the infrastructure already.
  const quiet = process.argv.includes('--quiet');
  const infra = await resolveInfrastructure(process.env, quiet ? () => undefined : log);
  try {
    const { family, employment, health, economy } = infra.databaseUrls;
    const stack = await startStack({ databaseUrls: { family, employment, health, economy }, env: process.env });
    try {
      const gateway = loadGatewayConfig();
      const graph = new GraphClient(stack.gatewayUrl, {
        issuer: gateway.JWT_ISSUER,
        audience: gateway.JWT_AUDIENCE,
        secret: gateway.JWT_SECRET,
      });
      const added = await loadDemoData(graph);
      const registrations = await loadDemoRegistrations(graph);
      const economy = await loadEconomyDemo(graph);
      log(
        `demo data for municipality 630 (Vejle): added ${added.caseworkers} caseworkers, ${added.families} families, ` +
          `${added.plans} plans with ${added.activities} activities, ${added.projects} project, ${added.prices} example prices, ` +
          `${added.jobcenter ? 'the jobcenter records' : 'no jobcenter records'}, ` +
          `${added.health ? 'the health records' : 'no health records'}, ` +
          `${registrations ? 'the monthly registrations' : 'no monthly registrations'} (existing data kept)`,
      );
      log(
        `economy: ${economy.prices} more example prices, ${economy.investmentCases} investment case, ` +
          `${economy.grants} grant`,
      );
    } finally {
      await stack.close();
    }
  } finally {
    await infra.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
