import { DataSource } from 'typeorm';
import { verifyAuditChain } from './audit-log';
import { auditRetentionYears, deleteExpiredAuditEvents } from './audit-retention';

/**
 * `npm run audit:verify -- <database url>…` walks each service database's
 * audit chain and exits 1 when a row was altered or removed;
 * `npm run audit:retention -- <database url>…` deletes the rows older than
 * AUDIT_RETENTION_YEARS (default 5) and records the cut's anchor — run it with
 * the owner role's URL. Without arguments the URLs come from
 * AUDIT_DATABASE_URLS (comma-separated) or DATABASE_URL.
 */
async function main(command: string | undefined, args: string[]): Promise<number> {
  const urls = args.length > 0 ? args : (process.env.AUDIT_DATABASE_URLS ?? process.env.DATABASE_URL ?? '').split(',');
  const targets = urls.map((u) => u.trim()).filter(Boolean);
  if ((command !== 'verify' && command !== 'retention') || targets.length === 0) {
    process.stderr.write('usage: cli.js verify|retention <database url>…\n');
    return 2;
  }
  let failed = false;
  for (const url of targets) {
    const name = new URL(url).pathname.slice(1);
    const db = await new DataSource({ type: 'postgres', url }).initialize();
    try {
      if (command === 'verify') {
        const broken = await verifyAuditChain(db);
        failed ||= broken !== null;
        process.stdout.write(
          broken === null
            ? `${name}: audit chain intact\n`
            : `${name}: audit chain BROKEN at row ${broken} (altered or removed)\n`,
        );
      } else {
        const years = auditRetentionYears();
        const deleted = await deleteExpiredAuditEvents(db, years);
        process.stdout.write(`${name}: deleted ${deleted} audit rows older than ${years} years\n`);
      }
    } finally {
      await db.destroy();
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv[2], process.argv.slice(3)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(2);
    },
  );
}
