import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per email the worker is asked to deliver, keyed by its delivery key: the record that makes delivery exactly-once. */
export class EmailDelivery1764000000000 implements MigrationInterface {
  name = 'EmailDelivery1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_delivery (
        delivery_key text PRIMARY KEY CHECK (length(delivery_key) BETWEEN 1 AND 200),
        recipient text NOT NULL,
        subject text NOT NULL,
        status text NOT NULL DEFAULT 'SENDING' CHECK (status IN ('SENDING', 'SENT')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        message_id text,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT email_delivery_sent_check CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX email_delivery_unsent_idx ON email_delivery (created_at) WHERE status = 'SENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE email_delivery');
  }
}
