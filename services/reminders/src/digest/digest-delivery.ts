import type { Mailer } from '../mail/mailer';
import type { DigestStore, DigestStatus } from './digest-store';

/** What one send attempt of a digest did. */
export type DigestSendOutcome =
  | {
      sent: true;
      deliveryKey: string;
      messageId: string;
      /** Sent again after an interrupted attempt: the recipient may have it twice (with the same Message-ID). */
      resent: boolean;
    }
  | { sent: false; deliveryKey: string; status: DigestStatus; reason: string };

/** Thrown for an SMTP failure worth retrying (the queue retries with backoff). */
export class TransientSendError extends Error {}
/** Thrown when the digest will not be sent: a permanent SMTP rejection, or the last attempt failed. */
export class PermanentSendError extends Error {}

/** An SMTP 5xx reply is a permanent rejection; anything else (4xx, a connection failure) may pass on retry. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export interface SendOptions {
  /** This attempt's number (1-based) and how many there are in all. */
  attempt: number;
  attempts: number;
  /** Called when this attempt sends again after an interrupted one (a possible duplicate; for the metrics). */
  onResend?: (deliveryKey: string) => void;
  /** Test hook: runs after the SMTP server accepted the message, before the row is marked SENT. */
  afterAccepted?: (deliveryKey: string) => Promise<void>;
}

/** The Message-ID of a digest: fixed per delivery key, so a message can always be traced to its row. */
export const digestMessageId = (deliveryKey: string) => `<${deliveryKey}@helhed.reminders>`;

/**
 * Sends a stored digest as the only sender of its key (an advisory lock on the
 * key: a second worker waits, then finds the row SENT). Before talking to SMTP
 * the row is committed as SENDING; after SMTP accepts it is marked SENT. A row
 * found SENDING under the lock means an earlier attempt died (or lost its
 * database) before recording the outcome: it is sent again, with the same
 * Message-ID, and counted in `resends`. Only an attempt cut off between the
 * server's acceptance and the SENT commit makes that a duplicate; the stable
 * Message-ID lets mail clients and the operator recognise it (see README).
 */
export async function sendDigest(
  store: DigestStore,
  mailer: Mailer,
  deliveryKey: string,
  options: SendOptions,
): Promise<DigestSendOutcome> {
  // One connection for the whole attempt: a session advisory lock on the key (a second
  // sender waits; the lock goes with the connection if the process dies), and every
  // statement on it committed at once.
  const runner = store.db.createQueryRunner();
  await runner.connect();
  const q = (sql: string, params: unknown[] = []) => runner.query(sql, params);
  let locked = false;
  try {
    await q(`SET lock_timeout = '60s'`);
    await q('SELECT pg_advisory_lock(hashtextextended($1, 0))', [deliveryKey]);
    locked = true;
    const digest = await store.byKey(deliveryKey, q);
    if (!digest) throw new PermanentSendError(`There is no digest ${deliveryKey}`);
    const skip = (status: DigestStatus, reason: string): DigestSendOutcome => ({
      sent: false,
      deliveryKey,
      status,
      reason,
    });
    if (digest.status === 'SENT') return skip('SENT', 'already sent');
    // FAILED is final for this job; reconciliation re-opens a transient failure (as PENDING) when it retries it.
    if (digest.status === 'FAILED' || digest.status === 'UNCERTAIN') return skip(digest.status, 'not sent again');
    const resent = digest.status === 'SENDING';
    await q(
      `UPDATE digest SET status = 'SENDING', attempt_started_at = now(), resends = resends + $2 WHERE delivery_key = $1`,
      [deliveryKey, resent ? 1 : 0],
    );
    if (resent) options.onResend?.(deliveryKey);
    let messageId: string;
    try {
      ({ messageId } = await mailer.send({
        to: digest.recipient,
        subject: digest.subject,
        text: digest.text,
        html: digest.html,
        reference: deliveryKey,
        messageId: digestMessageId(deliveryKey),
      }));
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const permanent = isPermanentSmtpError(error);
      const last = permanent || options.attempt >= options.attempts;
      await q(
        `UPDATE digest SET status = $2, attempts = attempts + 1, last_error = $3, attempt_started_at = NULL,
                failed_at = CASE WHEN $2 = 'FAILED' THEN now() END,
                failure_kind = CASE WHEN $2 = 'FAILED' THEN $4 END
          WHERE delivery_key = $1`,
        [deliveryKey, last ? 'FAILED' : 'PENDING', reason, permanent ? 'PERMANENT' : 'TRANSIENT'],
      );
      if (last)
        throw new PermanentSendError(
          `${permanent ? 'SMTP refused the digest for good' : 'The last attempt failed'}: ${reason}`,
        );
      throw new TransientSendError(reason);
    }
    await options.afterAccepted?.(deliveryKey);
    await q(
      `UPDATE digest SET status = 'SENT', message_id = $2, sent_at = now(), attempts = attempts + 1, last_error = NULL,
              attempt_started_at = NULL, failure_kind = NULL
        WHERE delivery_key = $1`,
      [deliveryKey, messageId],
    );
    return { sent: true, deliveryKey, messageId, resent };
  } finally {
    if (locked) await q('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [deliveryKey]).catch(() => undefined);
    await q('RESET lock_timeout').catch(() => undefined);
    await runner.release();
  }
}
