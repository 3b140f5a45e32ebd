import { createTestDatabase, queryDatabase, type TestDatabase } from '@helhed/testing';
import {
  capturingLogger,
  deleteRedisPrefix,
  eventually,
  FixtureDueSource,
  freePort,
  TEST_REDIS_URL,
  testConfig,
  uniquePrefix,
} from './__tests__/harness';
import type { CaseworkerRef, DueSource, FollowUpDue, PersonMonthDue } from './due/due';
import { GraphDueSource } from './due/graph-due-source';
import { startRemindersWorker, type RunningRemindersWorker } from './service';

/**
 * `npm start` launches the worker beside the gateway, not after it: at 10:00 on a
 * business day with no run recorded, the worker's start-up catch-up finds the
 * gateway not answering yet. The worker starts anyway, says so once, and catches
 * up in the background once the gateway answers.
 */
const MONDAY_10 = new Date('2026-12-07T10:00:00+01:00');
const DAY = '2026-12-07';

/** The gateway as the worker reads it: down (nothing listens on its port) until `up`, then answering. */
class GatewayComingUp implements DueSource {
  up = false;
  readonly url: string;
  private readonly down: GraphDueSource;
  private readonly answering = new FixtureDueSource();

  constructor(port: number) {
    this.url = `http://127.0.0.1:${port}/graphql`;
    this.down = new GraphDueSource({
      GATEWAY_URL: this.url,
      JWT_ISSUER: 'i',
      JWT_AUDIENCE: 'a',
      JWT_SECRET: 's'.repeat(32),
    });
  }
  private get source(): DueSource {
    return this.up ? this.answering : this.down;
  }
  followUpsDue(m: string, until: string): Promise<FollowUpDue[]> {
    return this.source.followUpsDue(m, until);
  }
  registrationDeadline(m: string, month: string): Promise<string> {
    return this.source.registrationDeadline(m, month);
  }
  registrationMonths(m: string, month: string): Promise<PersonMonthDue[]> {
    return this.source.registrationMonths(m, month);
  }
  projectLeads(m: string, day: string): Promise<CaseworkerRef[]> {
    return this.source.projectLeads(m, day);
  }
  caseworkers(m: string, ids: string[]): Promise<CaseworkerRef[]> {
    return this.source.caseworkers(m, ids);
  }
}

let db: TestDatabase;
let prefix: string;
let worker: RunningRemindersWorker | undefined;

beforeEach(async () => {
  db = await createTestDatabase('reminders_startup');
  prefix = uniquePrefix();
});

afterEach(async () => {
  await worker?.close();
  worker = undefined;
  await deleteRedisPrefix(prefix);
  await db.drop();
});

async function start(source: DueSource, backoff: { first: number; max: number }) {
  const log = capturingLogger();
  worker = await startRemindersWorker(testConfig({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL }), {
    logger: log.logger,
    prefix,
    dueSource: source,
    now: () => MONDAY_10,
    catchUpBackoffMs: backoff,
  });
  const said = (pattern: RegExp, level?: number) =>
    log.lines.filter((l) => pattern.test(l.msg) && (level === undefined || l.level === level));
  return { worker, lines: log.lines, said };
}

it('starts while the gateway does not answer, says so once with its URL and cause, and catches up once it answers', async () => {
  const gateway = new GatewayComingUp(await freePort());
  const { worker, lines, said } = await start(gateway, { first: 20, max: 80 });
  // Started: nothing caught up yet, and not a crash.
  expect(await worker.store.hasRun('630', DAY)).toBe(false);

  await eventually(async () => said(/start-up catch-up failed again/).length >= 3);
  const warnings = said(/start-up catch-up/, 40);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]!.msg).toContain(`The gateway at ${gateway.url} did not answer`);
  expect(warnings[0]!.msg).toContain(`ECONNREFUSED ${gateway.url.replace(/^http:\/\/|\/graphql$/g, '')}`);
  expect(warnings[0]!.msg).not.toMatch(/did not answer: fetch failed$/);

  gateway.up = true;
  expect(await worker.startupCatchUp).toMatchObject({ day: DAY, caughtUp: ['630'] });
  expect(await worker.store.hasRun('630', DAY)).toBe(true);
  expect(said(/start-up catch-up done/, 30)).toHaveLength(1);
  expect(lines.filter((l) => l.level >= 50)).toEqual([]);
});

it('closing the worker ends the retries', async () => {
  const gateway = new GatewayComingUp(await freePort());
  const { worker, said } = await start(gateway, { first: 30, max: 30 });
  await eventually(async () => said(/start-up catch-up failed again/).length >= 2);
  const began = Date.now();
  await worker.close();
  expect(Date.now() - began).toBeLessThan(5000);
  expect(await worker.startupCatchUp).toBeNull();
  const attempts = said(/start-up catch-up failed again/).length;
  await new Promise((r) => setTimeout(r, 200));
  expect(said(/start-up catch-up failed again/)).toHaveLength(attempts);
  expect(await queryDatabase(db.url, 'SELECT * FROM digest_run')).toEqual([]);
});
