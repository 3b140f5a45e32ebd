import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Registry } from 'prom-client';

/** The worker's Prometheus metrics (a registry of its own, so several workers in one process do not clash). */
export class ReminderMetrics {
  readonly registry = new Registry();
  readonly built = new Counter({
    name: 'helhed_digests_built_total',
    help: 'Digests written for sending',
    registers: [this.registry],
  });
  readonly sent = new Counter({
    name: 'helhed_digests_sent_total',
    help: 'Digests accepted by SMTP',
    registers: [this.registry],
  });
  readonly failed = new Counter({
    name: 'helhed_digests_failed_total',
    help: 'Digests that failed (a permanent rejection, or the last attempt of a round; a transient failure is re-opened within the window)',
    registers: [this.registry],
  });
  readonly resent = new Counter({
    name: 'helhed_digests_resent_total',
    help: 'Attempts that send a digest again (same Message-ID) after one was interrupted before recording its outcome: each may deliver a duplicate',
    registers: [this.registry],
  });
  readonly expired = new Counter({
    name: 'helhed_digests_expired_total',
    help: 'Digests given up (FAILED, EXPIRED) because they were not sent within DIGEST_WINDOW_BUSINESS_DAYS',
    registers: [this.registry],
  });
  readonly reopened = new Counter({
    name: 'helhed_digests_reopened_total',
    help: 'Digests FAILED after a transient SMTP outage that reconciliation re-opened for another round of attempts',
    registers: [this.registry],
  });
  readonly retried = new Counter({
    name: 'helhed_digests_retried_total',
    help: 'Digest attempts that failed and will be retried',
    registers: [this.registry],
  });

  constructor(queueDepth: () => Promise<Record<string, number>>) {
    new Gauge({
      name: 'helhed_reminders_queue_depth',
      help: 'Jobs in the reminders queue by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const counts = await queueDepth().catch(() => ({}) as Record<string, number>);
        for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
      },
    });
  }
}

/**
 * Health (`/healthz`: the worker runs), readiness (`/readyz`: and its database
 * answers), `/metrics` and the operator's `/queues` dashboard on `port` (0 = a
 * free port, for tests).
 */
export async function startOpsServer(
  port: number,
  metrics: ReminderMetrics,
  checks: { alive(): boolean; ready(): Promise<boolean> },
  /** The operator's queue dashboard on `/queues` (see dashboard.ts). */
  dashboard?: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    void (async () => {
      if (req.url === '/healthz') return reply(checks.alive() ? 200 : 503, checks.alive() ? 'ok' : 'stopped');
      if (req.url === '/readyz') {
        const ready = checks.alive() && (await checks.ready().catch(() => false));
        return reply(ready ? 200 : 503, ready ? 'ready' : 'not ready');
      }
      if (req.url === '/metrics') return reply(200, await metrics.registry.metrics(), metrics.registry.contentType);
      if (dashboard && (req.url === '/queues' || req.url?.startsWith('/queues?'))) return dashboard(req, res);
      return reply(404, 'not found');
    })().catch(() => reply(500, 'error'));
  });
  await new Promise<void>((resolve) => server.listen(port, () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
