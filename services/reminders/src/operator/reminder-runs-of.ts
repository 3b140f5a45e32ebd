import { today } from '@helhed/calendar';
import type { Logger } from '@helhed/server';
import type { RemindersConfig } from '../config';
import { sendDigest } from '../digest/digest-delivery';
import type { DigestStore } from '../digest/digest-store';
import type { DueSource } from '../due/due';
import { GraphDueSource } from '../due/graph-due-source';
import { createMailer } from '../mail/create-mailer';
import type { Mailer } from '../mail/mailer';
import { leadTimesOf } from '../rules/lead-times';
import { ReminderRuns } from './reminder-runs';

/**
 * Attempts an operator's send counts as: a temporary SMTP failure leaves the
 * digest PENDING (the worker's reconciliation or the next run retries it),
 * only a permanent refusal makes it FAILED.
 */
const OPERATOR_SEND = { attempt: 1, attempts: 5 } as const;

/**
 * The operator's provider from the reminders configuration, as the CLI and
 * the notifications subgraph make it: what is due read through the gateway
 * with the worker's SERVICE identity, digests written to `store`, and mail
 * sent (through `sendDigest`, the worker's path) by a mailer made at the first
 * send. `close()` closes that mailer.
 */
export function reminderRunsOf(
  config: RemindersConfig,
  parts: { store: DigestStore; logger: Logger; source?: DueSource; mailer?: Mailer },
): { runs: ReminderRuns; close(): Promise<void> } {
  let mailer: Mailer | undefined = parts.mailer;
  const runs = new ReminderRuns({
    source: parts.source ?? new GraphDueSource(config),
    store: parts.store,
    lead: leadTimesOf(config),
    frontendBaseUrl: config.FRONTEND_BASE_URL,
    municipalities: config.MUNICIPALITIES.split(',').map((m) => m.trim()),
    logger: parts.logger,
    today,
    send: (key) => sendDigest(parts.store, (mailer ??= createMailer(config, parts.logger)), key, OPERATOR_SEND),
  });
  return {
    runs,
    close: async () => {
      if (mailer && mailer !== parts.mailer) await mailer.close();
    },
  };
}
