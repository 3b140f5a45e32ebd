import type { DataSource } from 'typeorm';
import type { DeliveryClaim, DeliveryLedger, DeliveryRecord, DeliveryStatus, EmailRequest } from './email-delivery';

interface Row {
  delivery_key: string;
  status: DeliveryStatus;
  attempts: number;
  message_id: string | null;
}

/** How long a second sender of the same key waits for the first before its attempt fails (and is retried). */
const LOCK_TIMEOUT = '60s';

/**
 * The delivery ledger in the worker's database (table `email_delivery`).
 *
 * A claim is a transaction holding the row lock (SELECT … FOR UPDATE) while the
 * mail is sent, so two workers can never send the same key at once; the lock
 * goes with the connection if the process dies. The one window left is a crash
 * after the SMTP server accepted the message and before SENT is committed: the
 * retry then sends again (at-least-once there, as with any SMTP sender).
 */
export class PostgresDeliveryLedger implements DeliveryLedger {
  constructor(private readonly db: DataSource) {}

  /** The row keeps the first request's recipient and subject until SENT, which records what was actually sent. */
  async claim<T>(request: EmailRequest, work: (claim: DeliveryClaim) => Promise<T>): Promise<T> {
    await this.db.query(
      `INSERT INTO email_delivery (delivery_key, recipient, subject, status, attempts)
       VALUES ($1, $2, $3, 'SENDING', 0)
       ON CONFLICT (delivery_key) DO NOTHING`,
      [request.deliveryKey, request.to, request.subject],
    );
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      const rows: Row[] = await runner.query(
        `SELECT delivery_key, status, attempts, message_id FROM email_delivery WHERE delivery_key = $1 FOR UPDATE`,
        [request.deliveryKey],
      );
      const row = rows[0];
      if (!row) throw new Error(`The delivery record ${request.deliveryKey} vanished`);
      const record: DeliveryRecord = {
        deliveryKey: row.delivery_key,
        status: row.status,
        attempts: row.attempts,
        messageId: row.message_id,
      };
      const claim: DeliveryClaim = {
        record,
        async markSent(messageId) {
          await runner.query(
            `UPDATE email_delivery
                SET status = 'SENT', message_id = $2, sent_at = now(), attempts = attempts + 1, last_error = NULL,
                    recipient = $3, subject = $4
              WHERE delivery_key = $1`,
            [request.deliveryKey, messageId, request.to, request.subject],
          );
        },
        async markFailed(reason) {
          await runner.query(
            `UPDATE email_delivery SET attempts = attempts + 1, last_error = $2 WHERE delivery_key = $1`,
            [request.deliveryKey, reason.slice(0, 1000)],
          );
        },
      };
      let result: T;
      try {
        result = await work(claim);
      } catch (error) {
        // Keep what the work recorded (the failed attempt); an aborted transaction commits as a rollback.
        await runner.commitTransaction().catch(() => undefined);
        throw error;
      }
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
