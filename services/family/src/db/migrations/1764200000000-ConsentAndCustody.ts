import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEPARTMENTS = `ARRAY['FAMILY', 'JOBCENTER', 'HEALTH', 'ECONOMY']::text[]`;
const CATEGORIES = `ARRAY['BASIC', 'SOCIAL', 'EMPLOYMENT', 'HEALTH', 'ECONOMY']::text[]`;

/**
 * Custody with its periods (a replaced holder is ended, never deleted), consents
 * to share data between departments, and other legal bases for sharing.
 */
export class ConsentAndCustody1764200000000 implements MigrationInterface {
  name = 'ConsentAndCustody1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE custody
        ADD COLUMN municipality_code char(3) REFERENCES municipality(code),
        ADD COLUMN started_on date,
        ADD COLUMN ended_on date,
        ADD COLUMN ended_by text`);
    await q.query(`
      UPDATE custody c
         SET municipality_code = f.municipality_code,
             started_on = (c.created_at AT TIME ZONE 'Europe/Copenhagen')::date
        FROM family f
       WHERE f.id = c.family_id`);
    await q.query(`
      ALTER TABLE custody
        ALTER COLUMN municipality_code SET NOT NULL,
        ALTER COLUMN started_on SET NOT NULL,
        ADD CONSTRAINT custody_ended_check CHECK (
          (ended_on IS NULL) = (ended_by IS NULL) AND (ended_on IS NULL OR ended_on >= started_on)
        )`);
    await q.query('CREATE INDEX custody_child_current_idx ON custody (child_id) WHERE ended_on IS NULL');
    await q.query('CREATE INDEX custody_holder_current_idx ON custody (holder_id) WHERE ended_on IS NULL');

    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        person_id uuid NOT NULL REFERENCES person(id),
        given_by_id uuid NOT NULL REFERENCES person(id),
        departments text[] NOT NULL CHECK (cardinality(departments) > 0 AND departments <@ ${DEPARTMENTS}),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0 AND categories <@ ${CATEGORIES}),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        withdrawn_on date CHECK (withdrawn_on IS NULL OR withdrawn_on >= valid_from),
        withdrawal_reason text CHECK (withdrawal_reason IS NULL OR length(withdrawal_reason) BETWEEN 1 AND 500),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT consent_withdrawal_check CHECK (withdrawal_reason IS NULL OR withdrawn_on IS NOT NULL)
      )`);
    await q.query('CREATE INDEX consent_person_idx ON consent (person_id, valid_from)');
    await q.query('CREATE INDEX consent_family_idx ON consent (family_id)');

    await q.query(`
      CREATE TABLE legal_basis (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        person_id uuid NOT NULL REFERENCES person(id),
        departments text[] NOT NULL CHECK (cardinality(departments) > 0 AND departments <@ ${DEPARTMENTS}),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0 AND categories <@ ${CATEGORIES}),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
        citation text NOT NULL CHECK (length(citation) BETWEEN 1 AND 500),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX legal_basis_person_idx ON legal_basis (person_id, valid_from)');
    await q.query('CREATE INDEX legal_basis_family_idx ON legal_basis (family_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE legal_basis');
    await q.query('DROP TABLE consent');
    await q.query('DROP INDEX custody_holder_current_idx');
    await q.query('DROP INDEX custody_child_current_idx');
    await q.query(
      'ALTER TABLE custody DROP CONSTRAINT custody_ended_check, DROP COLUMN ended_by, DROP COLUMN ended_on, DROP COLUMN started_on, DROP COLUMN municipality_code',
    );
  }
}
