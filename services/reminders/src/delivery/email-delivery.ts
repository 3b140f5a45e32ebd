import { z } from 'zod';
import type { Mailer } from '../mail/mailer';

export type DeliveryStatus = 'SENDING' | 'SENT';

/**
 * A delivery key names one email for all time (e.g. `digest.cw-42.2026-11-23`):
 * the same key is sent at most once. It is also the queue's job id, so it may
 * not contain ':' and may not be a plain integer (BullMQ reserves both).
 */
export const deliveryKey = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._~@+/-]{0,199}$/, 'must be 1–200 of A-Z a-z 0-9 . _ ~ @ + / - (no ":")')
  .refine((v) => !/^\d+$/.test(v), 'must not be a plain integer');

/** A request to send one email to one caseworker, exactly once per delivery key. */
export const emailRequest = z.object({
  deliveryKey,
  to: z.email(),
  subject: z.string().trim().min(1).max(250),
  text: z.string().min(1),
});

export type EmailRequest = z.infer<typeof emailRequest>;

/** Thrown when an email request could never be sent; the message names each bad field. */
export class InvalidEmailRequest extends Error {
  constructor(readonly problems: string[]) {
    super(`The email request is not valid: ${problems.join('; ')}`);
    this.name = 'InvalidEmailRequest';
  }
}

export function parseEmailRequest(input: unknown): EmailRequest {
  const result = emailRequest.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidEmailRequest(result.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`));
}

export interface DeliveryRecord {
  deliveryKey: string;
  status: DeliveryStatus;
  attempts: number;
  messageId: string | null;
}

/** What happened to a request. */
export type DeliveryOutcome =
  | { skipped: true; deliveryKey: string; messageId: string | null }
  | { skipped: false; deliveryKey: string; messageId: string };

/** The record of deliveries while one sender holds a delivery key. */
export interface DeliveryClaim {
  /** The record as it was when the key was claimed. */
  readonly record: DeliveryRecord;
  markSent(messageId: string): Promise<void>;
  markFailed(reason: string): Promise<void>;
}

/** The source of truth for what was delivered (PostgreSQL in the worker). */
export interface DeliveryLedger {
  /**
   * Records the request (once per key) and runs `work` as the only holder of
   * the key: a second sender of the same key waits until the first is done.
   */
  claim<T>(request: EmailRequest, work: (claim: DeliveryClaim) => Promise<T>): Promise<T>;
}

/**
 * Sends the email unless its delivery key was already sent. The ledger, not
 * the queue, decides: a retried job, a re-enqueued key or a restarted worker
 * finds the key SENT and sends nothing more.
 */
export async function deliverEmail(
  request: EmailRequest,
  ledger: DeliveryLedger,
  mailer: Mailer,
): Promise<DeliveryOutcome> {
  return ledger.claim(request, async (claim) => {
    if (claim.record.status === 'SENT') {
      return { skipped: true, deliveryKey: request.deliveryKey, messageId: claim.record.messageId };
    }
    let messageId: string;
    try {
      ({ messageId } = await mailer.send({
        to: request.to,
        subject: request.subject,
        text: request.text,
        reference: request.deliveryKey,
      }));
    } catch (error) {
      await claim.markFailed(error instanceof Error ? error.message : String(error));
      throw error;
    }
    await claim.markSent(messageId);
    return { skipped: false, deliveryKey: request.deliveryKey, messageId };
  });
}
