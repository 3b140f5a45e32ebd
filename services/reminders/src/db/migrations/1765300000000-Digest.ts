import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily digests (one row per caseworker and day, written before sending:
 * the record that makes a digest go out exactly once), the runs that computed
 * them, and caseworkers' reminder preferences (language, absence, substitute).
 */
export class Digest1765300000000 implements MigrationInterface {
  name = 'Digest1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digest (
        delivery_key text PRIMARY KEY,
        municipality_code char(3) NOT NULL,
        caseworker_id text NOT NULL,
        day date NOT NULL,
        recipient text NOT NULL,
        language text NOT NULL CHECK (language IN ('da', 'en')),
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        content_hash text NOT NULL CHECK (length(content_hash) = 64),
        items jsonb NOT NULL,
        item_count integer NOT NULL CHECK (item_count > 0),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNCERTAIN')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        message_id text,
        last_error text,
        attempt_started_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        failed_at timestamptz,
        CONSTRAINT digest_caseworker_day_key UNIQUE (caseworker_id, day),
        CONSTRAINT digest_sent_check CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX digest_open_idx ON digest (day) WHERE status IN ('PENDING', 'SENDING')`);
    await q.query(
      `CREATE INDEX digest_failed_idx ON digest (municipality_code, day DESC) WHERE status IN ('FAILED', 'UNCERTAIN')`,
    );
    await q.query(`
      CREATE TABLE digest_run (
        municipality_code char(3) NOT NULL,
        day date NOT NULL,
        digests integer NOT NULL CHECK (digests >= 0),
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_code, day)
      )`);
    await q.query(`
      CREATE TABLE reminder_preference (
        caseworker_id text PRIMARY KEY,
        municipality_code char(3) NOT NULL,
        language text NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en')),
        absent_from date,
        absent_to date,
        substitute_id text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (absent_to IS NULL OR absent_from IS NOT NULL),
        CHECK (absent_to IS NULL OR absent_to >= absent_from),
        CHECK (substitute_id IS NULL OR substitute_id <> caseworker_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reminder_preference');
    await q.query('DROP TABLE digest_run');
    await q.query('DROP TABLE digest');
  }
}
