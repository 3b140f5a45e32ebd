/**
 * `npm run bench -w services/reminders`: builds and sends the digests of a
 * generated municipality of 2 000 families (real PostgreSQL and Redis, the
 * in-process SMTP server) and prints how long computing what is due took and
 * how many digests per second went out. Not a test: it asserts nothing.
 *
 * What is due comes from generated fixtures (the shape `followUpsDue` and
 * `registrationMonths` answer with), so the figures are the worker's own cost.
 */
import { addBusinessDays } from '@helhed/calendar';
import { createTestDatabase, queryDatabase, startSmtpCapture } from '@helhed/testing';
import type { CaseworkerRef, Department, DueSnapshot, FollowUpDue, PersonMonthDue } from '../src/due/due';
import { computeDigests } from '../src/digest/daily-digest';
import { DEFAULT_LEAD_TIMES } from '../src/rules/lead-times';
import { startRemindersWorker } from '../src/service';
import {
  FixtureDueSource,
  TEST_REDIS_URL,
  deleteRedisPrefix,
  silentLogger,
  testConfig,
  uniquePrefix,
} from '../src/__tests__/harness';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 2000);
const DEADLINE = '2026-04-10';
const DEPARTMENTS: Department[] = ['FAMILY', 'JOBCENTER', 'HEALTH', 'ECONOMY'];

function generate(): { snapshot: DueSnapshot; caseworkers: CaseworkerRef[] } {
  // About 25 families per caseworker, as in a municipal team.
  const caseworkers: CaseworkerRef[] = Array.from({ length: Math.ceil(FAMILIES / 25) * 4 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Sagsbehandler ${i}`,
    email: `sb${i}@kommune.dk`,
    department: DEPARTMENTS[i % 4]!,
  }));
  const byDept = (d: Department, n: number) =>
    caseworkers.filter((c) => c.department === d)[n % (caseworkers.length / 4)]!;
  const lead = caseworkers[0]!;
  const followUps: FollowUpDue[] = [];
  const members: PersonMonthDue[] = [];
  for (let f = 0; f < FAMILIES; f++) {
    const familyId = `fam-${f}`;
    const caseReference = `SAG-${String(f).padStart(5, '0')}`;
    const contact = byDept('FAMILY', f);
    // Due dates spread over the four weeks around the day benchmarked.
    for (let k = 0; k < 3; k++) {
      followUps.push({
        kind: k === 0 ? 'PLAN' : 'ACTIVITY',
        id: `${familyId}-${k}`,
        familyId,
        caseReference,
        dueOn: addBusinessDays('2026-04-13', ((f * 3 + k) % 25) - 12),
        responsible: k === 0 ? contact : byDept(DEPARTMENTS[k]!, f),
        projectLead: lead,
      });
    }
    for (let m = 1; m <= 4; m++) {
      const missing = DEPARTMENTS.filter((_, d) => (f + m + d) % 3 === 0).map((department) => ({
        department,
        responsible: byDept(department, f),
      }));
      members.push({
        personId: `${familyId}-${m}`,
        month: '2026-03',
        familyId,
        caseReference,
        memberRole: m <= 2 ? 'PARENT' : 'CHILD',
        memberNumber: m,
        deadline: DEADLINE,
        complete: missing.length === 0,
        missingParts: missing,
        contactPerson: contact,
        projectLead: lead,
      });
    }
  }
  return {
    snapshot: { followUps, registrations: [{ month: '2026-03', deadline: DEADLINE, members }] },
    caseworkers,
  };
}

async function main() {
  const { snapshot, caseworkers } = generate();
  const source = new FixtureDueSource(snapshot, caseworkers);
  const db = await createTestDatabase('reminders_bench');
  const smtp = await startSmtpCapture();
  const prefix = uniquePrefix();
  const worker = await startRemindersWorker(
    testConfig({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, SMTP_URL: smtp.url }),
    { logger: silentLogger(), prefix, dueSource: source, reconcileAtStart: false, concurrency: 10 },
  );
  try {
    console.log(
      `generated: ${FAMILIES} families, ${snapshot.followUps.length} follow-ups, ${snapshot.registrations[0]!.members.length} member-months, ${caseworkers.length} caseworkers`,
    );
    for (const day of ['2026-04-07', '2026-04-13']) {
      const deps = {
        source,
        store: worker.store,
        lead: DEFAULT_LEAD_TIMES,
        frontendBaseUrl: 'https://helhed.example',
        municipalities: ['630'],
        logger: silentLogger(),
      };
      const t0 = performance.now();
      const digests = await computeDigests(deps, '630', day);
      const computeMs = performance.now() - t0;
      const sentBefore = smtp.mails.length;
      const t1 = performance.now();
      const result = await worker.runDay(day);
      await smtp.waitFor(sentBefore + result.enqueued, 300_000);
      for (;;) {
        const [row] = await queryDatabase<{ open: number }>(
          db.url,
          `SELECT count(*)::int AS open FROM digest WHERE day = $1 AND status <> 'SENT'`,
          [day],
        );
        if (row?.open === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const seconds = (performance.now() - t1) / 1000;
      const items = digests.reduce((n, d) => n + d.reminders.length, 0);
      console.log(
        `${day}: computing what is due and building ${digests.length} digests (${items} reminders): ${computeMs.toFixed(0)} ms; ` +
          `written, queued, sent and marked in ${seconds.toFixed(2)} s = ${(result.enqueued / seconds).toFixed(0)} digests/s`,
      );
    }
  } finally {
    await worker.close();
    await deleteRedisPrefix(prefix);
    await smtp.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
