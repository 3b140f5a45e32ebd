import type { DataSource } from 'typeorm';
import type { DigestStatus } from '../digest/digest-store';

/** A stored digest of a day as an operator sees it: whom, what kinds, which cases, its status — not its text. */
export interface DayDigest {
  deliveryKey: string;
  caseworkerId: string;
  items: Array<{ kind: string; caseReference: string | null }>;
  status: DigestStatus;
}

/** The operator's read of a day's digests (the worker's `digest` table). */
export class DayDigestStore {
  constructor(private readonly db: DataSource) {}

  /** A municipality's digests of a day, by caseworker; one statement. */
  ofDay(municipality: string, day: string): Promise<DayDigest[]> {
    return this.db.query(
      `SELECT delivery_key AS "deliveryKey", caseworker_id AS "caseworkerId", items, status
         FROM digest WHERE municipality_code = $1 AND day = $2 ORDER BY caseworker_id`,
      [municipality, day],
    );
  }
}
