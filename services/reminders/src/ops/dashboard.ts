import type { IncomingMessage, ServerResponse } from 'node:http';
import { now } from '@helhed/calendar';
import type { Identity } from '@helhed/identity';
import type { RemindersQueue } from '../queue/reminders-queue';

/**
 * The operator's queue dashboard (`/queues` on the ops port): job counts by
 * state, the job schedulers and their next run, and the latest failed and
 * waiting jobs — behind the operator role (ADMIN), checked on the caller's
 * bearer token exactly as the gateway checks it. A small page of our own rather
 * than bull-board: it needs no web framework, works with both queue backends,
 * and shows only delivery keys (caseworker id and day), never mail content.
 * `Accept: application/json` gives the same snapshot as JSON.
 */
export interface QueueSnapshot {
  counts: Record<string, number>;
  schedulers: Array<{ id: string; pattern: string | null; tz: string | null; next: string | null }>;
  failed: JobLine[];
  waiting: JobLine[];
}

interface JobLine {
  id: string;
  name: string;
  attempts: number;
  at: string | null;
  reason: string | null;
}

const STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children'] as const;

export async function queueSnapshot(queue: RemindersQueue, limit = 20): Promise<QueueSnapshot> {
  const line = (job: {
    id?: string;
    name: string;
    attemptsMade: number;
    finishedOn?: number;
    timestamp: number;
    failedReason?: string;
  }): JobLine => ({
    id: job.id ?? '',
    name: job.name,
    attempts: job.attemptsMade,
    at: new Date(job.finishedOn ?? job.timestamp).toISOString(),
    reason: job.failedReason ?? null,
  });
  const [counts, schedulers, failed, waiting] = await Promise.all([
    queue.getJobCounts(...STATES),
    queue.getJobSchedulers(0, 50).catch(() => []),
    queue.getJobs(['failed'], 0, limit - 1, false),
    queue.getJobs(['waiting', 'delayed'], 0, limit - 1, true),
  ]);
  return {
    counts,
    schedulers: schedulers.map((s) => ({
      id: s.key,
      pattern: s.pattern ?? null,
      tz: s.tz ?? null,
      next: s.next ? new Date(s.next).toISOString() : null,
    })),
    failed: failed.filter(Boolean).map(line),
    waiting: waiting.filter(Boolean).map(line),
  };
}

const escape = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const table = (headers: string[], rows: unknown[][]) =>
  `<table><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
    .join('')}</table>`;

export function renderDashboard(snapshot: QueueSnapshot, takenAt: Date): string {
  const jobRows = (jobs: JobLine[]) => jobs.map((j) => [j.id, j.name, j.attempts, j.at, j.reason ?? '']);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Helhed reminders queue</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:1.5rem}
th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}th{background:#f3f3f3}</style></head><body>
<h1>Reminders queue</h1><p>As of ${escape(takenAt.toISOString())}.</p>
<h2>Jobs by state</h2>${table(['state', 'jobs'], Object.entries(snapshot.counts))}
<h2>Job schedulers</h2>${table(
    ['id', 'pattern', 'time zone', 'next run'],
    snapshot.schedulers.map((s) => [s.id, s.pattern, s.tz, s.next]),
  )}
<h2>Latest failed jobs</h2>${table(['job id', 'name', 'attempts', 'at', 'reason'], jobRows(snapshot.failed))}
<h2>Next waiting and delayed jobs</h2>${table(['job id', 'name', 'attempts', 'queued', ''], jobRows(snapshot.waiting))}
</body></html>`;
}

/** Answers `/queues`: 401 without a valid bearer token, 403 without the operator role, else the dashboard. */
export function dashboardHandler(
  verify: (token: string) => Promise<Identity>,
  snapshot: () => Promise<QueueSnapshot>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const send = (status: number, body: string, type: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
      res.end(body);
    };
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer)
      return send(401, 'A bearer token with the operator role (ADMIN) is required', 'text/plain; charset=utf-8', {
        'www-authenticate': 'Bearer',
      });
    let identity: Identity;
    try {
      identity = await verify(bearer);
    } catch {
      return send(401, 'The bearer token was refused', 'text/plain; charset=utf-8', { 'www-authenticate': 'Bearer' });
    }
    if (!identity.roles.includes('ADMIN'))
      return send(403, 'The queue dashboard is for operators (role ADMIN)', 'text/plain; charset=utf-8');
    const taken = await snapshot();
    if ((req.headers.accept ?? '').includes('application/json'))
      return send(200, JSON.stringify(taken), 'application/json; charset=utf-8');
    return send(200, renderDashboard(taken, now()), 'text/html; charset=utf-8');
  };
}
