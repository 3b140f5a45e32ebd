import { parseArgs } from 'node:util';
import pino from 'pino';
import { today } from '@helhed/calendar';
import { ConfigError, type Environment } from '@helhed/config';
import { openDatabase, prepareDatabaseAccounts } from '@helhed/db';
import { UserInputError, UserInputErrors } from '@helhed/errors';
import { createLogger } from '@helhed/server';
import { loadRemindersConfig } from '../config';
import { entities, migrations } from '../db/schema';
import { DigestStore } from '../digest/digest-store';
import { dayProblem, validateReminderRun, type ReminderRunReport } from './reminder-runs';
import { reminderRunsOf } from './reminder-runs-of';

export const USAGE = `Usage: npm run reminders -- --day YYYY-MM-DD [--municipality 630] [--dry-run] [--json]

  --day           the day whose digests to build (required)
  --municipality  one municipality the worker sends for (default: all of MUNICIPALITIES)
  --dry-run       print who would get what (caseworker ids, reminders per kind, case
                  references; never a citizen) and write nothing, send nothing
  --json          print the report as JSON

Without --dry-run the day's digests are written as the daily run writes them and every
one not sent yet is sent (safe while the worker runs; a digest already sent is not sent
again). Reads the worker's settings from the environment (DATABASE_URL, GATEWAY_URL, ...).`;

/** Exit codes: 0 done, 1 a failure (settings, database, gateway), 2 bad arguments (nothing read or written). */
export interface CommandResult {
  code: 0 | 1 | 2;
}

const input = (message: string) => new UserInputError('arguments', message);

function argumentsOf(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        day: { type: 'string' },
        municipality: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw input(`unexpected argument "${positionals[0]}"`);
    return values;
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    throw input(error instanceof Error ? error.message : String(error));
  }
}

function describe(report: ReminderRunReport): string {
  const lines = [
    `${report.day} · municipality ${report.municipality} · ${report.dryRun ? 'dry run: nothing written, nothing sent' : 'sent'}` +
      (report.businessDay ? '' : ' · not a business day: no digests'),
  ];
  for (const r of report.recipients) {
    const kinds = r.items.map((i) => `${i.kind} ${i.count}`).join(', ');
    const cases = r.caseReferences.length > 0 ? `cases ${r.caseReferences.join(', ')}` : 'no case references';
    lines.push(`  caseworker ${r.caseworkerId}  ${kinds}  ${cases}  ${r.status ?? 'not written yet'}`);
  }
  lines.push(
    report.dryRun
      ? `  ${report.recipients.length} recipient(s): ${report.alreadySent} already sent, ${report.unsent} not sent yet`
      : `  ${report.recipients.length} digest(s): ${report.written} written, ${report.sent} sent now, ` +
          `${report.alreadySent} sent before, ${report.unsent} not sent`,
  );
  return lines.join('\n');
}

/**
 * `npm run reminders`: previews or sends a day's digests through the one
 * provider the `runReminders` mutation calls too (`ReminderRuns`). Arguments
 * are checked before the database or the gateway is touched.
 */
export async function runReminderCommand(
  argv: string[],
  env: Environment,
  out: { log(text: string): void; error(text: string): void },
): Promise<CommandResult> {
  let args: ReturnType<typeof argumentsOf>;
  let config: ReturnType<typeof loadRemindersConfig>;
  let municipalities: string[];
  try {
    args = argumentsOf(argv);
    if (args.help) {
      out.log(USAGE);
      return { code: 0 };
    }
    if (!args.day) throw input('--day YYYY-MM-DD is required');
    // A malformed day is refused before the settings are read (a shell without DATABASE_URL still hears why).
    const malformed = dayProblem(args.day);
    if (malformed) throw new UserInputError('day', malformed);
    config = loadRemindersConfig(env);
    const served = config.MUNICIPALITIES.split(',').map((m) => m.trim());
    municipalities = args.municipality ? [args.municipality] : served;
    for (const municipality of municipalities)
      validateReminderRun(
        { day: args.day, municipality, dryRun: args['dry-run'] },
        { municipalities: served, today: today() },
      );
  } catch (error) {
    if (error instanceof UserInputError || error instanceof UserInputErrors) {
      const problems = error instanceof UserInputErrors ? error.problems : [error as UserInputError];
      for (const p of problems)
        out.error(`reminders: ${p.field === 'arguments' ? '' : `${flagOf(p.field)}: `}${p.message}`);
      out.error(USAGE);
      return { code: 2 };
    }
    if (error instanceof ConfigError) {
      out.error(error.message);
      return { code: 1 };
    }
    throw error;
  }

  // Log lines go to stderr: stdout is the report.
  const logger = createLogger('reminders-cli', {
    level: config.LOG_LEVEL,
    production: config.NODE_ENV === 'production',
    destination: pino.destination(2),
  });
  const accounts = await prepareDatabaseAccounts(config);
  // A preview writes nothing, not even a migration; a send migrates as the worker does at its start.
  const db = await openDatabase(
    { url: accounts.ownerUrl, entities, migrations, poolSize: 2 },
    { migrate: !args['dry-run'] },
  );
  const { runs, close } = reminderRunsOf(config, { store: new DigestStore(db), logger });
  try {
    const reports: ReminderRunReport[] = [];
    for (const municipality of municipalities)
      reports.push(await runs.run({ day: args.day, municipality, dryRun: args['dry-run'] }));
    out.log(args.json ? JSON.stringify(reports, null, 2) : reports.map(describe).join('\n'));
    return { code: 0 };
  } catch (error) {
    out.error(`reminders: ${error instanceof Error ? error.message : String(error)}`);
    return { code: 1 };
  } finally {
    await close();
    await db.destroy();
  }
}

const flagOf = (field: string) => (field === 'municipalityCode' ? '--municipality' : `--${field}`);
