import type { DataSource } from 'typeorm';
import type { ReminderPreference } from '../rules/rules';
import type { Digest } from './digest';
import { digestKey } from './digest';

/** UNCERTAIN is only found on rows from before interrupted attempts were resent (see the DigestRedelivery migration). */
export type DigestStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'UNCERTAIN';

/**
 * Why a digest is FAILED: TRANSIENT (a 4xx or the server unreachable on every
 * attempt; re-opened by reconciliation within the window), PERMANENT (a 5xx
 * rejection), EXPIRED (not sent within the window of business days).
 */
export type DigestFailureKind = 'TRANSIENT' | 'PERMANENT' | 'EXPIRED';

/** A digest as stored (for sending, history and the operator view). */
export interface StoredDigest {
  deliveryKey: string;
  municipalityCode: string;
  caseworkerId: string;
  day: string;
  recipient: string;
  language: 'da' | 'en';
  subject: string;
  text: string;
  html: string;
  contentHash: string;
  itemCount: number;
  items: Array<{ kind: string; caseReference: string | null }>;
  status: DigestStatus;
  attempts: number;
  messageId: string | null;
  lastError: string | null;
  failureKind: DigestFailureKind | null;
  /** Sends after an interrupted attempt (each may have delivered a duplicate, with the same Message-ID). */
  resends: number;
  createdAt: Date;
  sentAt: Date | null;
}

const COLUMNS = `delivery_key AS "deliveryKey", municipality_code AS "municipalityCode", caseworker_id AS "caseworkerId",
  day::text AS day, recipient, language, subject, text_body AS text, html_body AS html, content_hash AS "contentHash",
  item_count AS "itemCount", items, status, attempts, message_id AS "messageId", last_error AS "lastError",
  failure_kind AS "failureKind", resends, created_at AS "createdAt", sent_at AS "sentAt"`;

/** Digests, digest runs and reminder preferences in the worker's database. */
export class DigestStore {
  constructor(readonly db: DataSource) {}

  /**
   * Writes a day's digests (a caseworker's first digest of a day wins: a second
   * run of the day adds only caseworkers without one) and records the run, in
   * one transaction. Returns the delivery keys of the day still to send.
   */
  async saveRun(municipality: string, day: string, digests: Digest[]): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      for (const d of digests) {
        await tx.query(
          `INSERT INTO digest (delivery_key, municipality_code, caseworker_id, day, recipient, language, subject,
                               text_body, html_body, content_hash, items, item_count)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT DO NOTHING`,
          [
            digestKey(d.caseworkerId, d.day),
            municipality,
            d.caseworkerId,
            d.day,
            d.to,
            d.language,
            d.subject,
            d.text,
            d.html,
            d.contentHash,
            JSON.stringify(
              d.reminders.map((r) => ({ kind: r.kind, caseReference: 'caseReference' in r ? r.caseReference : null })),
            ),
            d.reminders.length,
          ],
        );
      }
      await tx.query(
        `INSERT INTO digest_run (municipality_code, day, digests) VALUES ($1, $2, $3)
         ON CONFLICT (municipality_code, day) DO UPDATE SET digests = EXCLUDED.digests, completed_at = now()`,
        [municipality, day, digests.length],
      );
      const open: Array<{ key: string }> = await tx.query(
        `SELECT delivery_key AS key FROM digest WHERE municipality_code = $1 AND day = $2 AND status IN ('PENDING', 'SENDING')
          ORDER BY delivery_key`,
        [municipality, day],
      );
      return open.map((r) => r.key);
    });
  }

  async hasRun(municipality: string, day: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM digest_run WHERE municipality_code = $1 AND day = $2', [
      municipality,
      day,
    ]);
    return rows.length > 0;
  }

  /**
   * Delivery keys of digests from `from` on not sent yet (PENDING, or SENDING
   * when an attempt died), oldest first.
   */
  async openKeys(from: string): Promise<string[]> {
    const rows: Array<{ key: string }> = await this.db.query(
      `SELECT delivery_key AS key FROM digest WHERE day >= $1 AND status IN ('PENDING', 'SENDING')
        ORDER BY day, delivery_key`,
      [from],
    );
    return rows.map((r) => r.key);
  }

  /**
   * Re-opens the transient failures from `from` on (every attempt met a 4xx or
   * an unreachable server): PENDING again, for a new round of attempts.
   * Returns how many.
   */
  async reopenTransient(from: string): Promise<number> {
    // Counted in SQL: TypeORM answers an UPDATE … RETURNING with [rows, count], not the rows.
    const [{ n }]: [{ n: number }] = await this.db.query(
      `WITH reopened AS (
         UPDATE digest SET status = 'PENDING', failure_kind = NULL, failed_at = NULL
          WHERE day >= $1 AND status = 'FAILED' AND failure_kind = 'TRANSIENT'
          RETURNING 1)
       SELECT count(*)::int AS n FROM reopened`,
      [from],
    );
    return n;
  }

  /**
   * Gives up on the digests before `before` that are still unsent (open, or
   * failed transiently): FAILED, EXPIRED, with `reason` (kept with the last
   * SMTP error, if any). Returns how many.
   */
  async expire(before: string, reason: string): Promise<number> {
    const [{ n }]: [{ n: number }] = await this.db.query(
      `WITH expired AS (
         UPDATE digest SET status = 'FAILED', failure_kind = 'EXPIRED', failed_at = now(), attempt_started_at = NULL,
                last_error = $2 || COALESCE(' (last error: ' || last_error || ')', '')
          WHERE day < $1 AND (status IN ('PENDING', 'SENDING') OR (status = 'FAILED' AND failure_kind = 'TRANSIENT'))
          RETURNING 1)
       SELECT count(*)::int AS n FROM expired`,
      [before, reason],
    );
    return n;
  }

  /** A digest by its key; `query` runs it on a given connection (the sender's). */
  async byKey(
    key: string,
    query: (sql: string, params: unknown[]) => Promise<StoredDigest[]> = (sql, params) => this.db.query(sql, params),
  ): Promise<StoredDigest | null> {
    const rows = await query(`SELECT ${COLUMNS} FROM digest WHERE delivery_key = $1`, [key]);
    return rows[0] ?? null;
  }

  /** A caseworker's digests, newest first ("my reminders"). */
  history(caseworkerId: string, limit = 50): Promise<StoredDigest[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM digest WHERE caseworker_id = $1 ORDER BY day DESC LIMIT $2`, [
      caseworkerId,
      limit,
    ]);
  }

  /** Digests that failed for good or whose delivery is uncertain, newest first (operator view). */
  failed(municipality: string): Promise<StoredDigest[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM digest WHERE municipality_code = $1 AND status IN ('FAILED', 'UNCERTAIN')
        ORDER BY day DESC, delivery_key`,
      [municipality],
    );
  }

  async preferences(municipality: string): Promise<Map<string, ReminderPreference>> {
    const rows: ReminderPreference[] = await this.db.query(
      `SELECT caseworker_id AS "caseworkerId", language, absent_from::text AS "absentFrom", absent_to::text AS "absentTo",
              substitute_id AS "substituteId"
         FROM reminder_preference WHERE municipality_code = $1`,
      [municipality],
    );
    return new Map(rows.map((p) => [p.caseworkerId, p]));
  }

  async setPreference(municipality: string, p: ReminderPreference): Promise<void> {
    await this.db.query(
      `INSERT INTO reminder_preference (caseworker_id, municipality_code, language, absent_from, absent_to, substitute_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (caseworker_id) DO UPDATE SET language = $3, absent_from = $4, absent_to = $5, substitute_id = $6,
         updated_at = now()`,
      [p.caseworkerId, municipality, p.language, p.absentFrom, p.absentTo, p.substituteId],
    );
  }
}
