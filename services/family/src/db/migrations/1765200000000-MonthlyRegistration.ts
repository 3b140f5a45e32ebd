import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One SDQ band row: a score range of one scale for one informant in one banding. */
type Band = [informant: string, scale: string, banding: string, band: string, min: number, max: number];

/**
 * The published UK SDQ cut-offs for 4-17-year-olds, original three-band and newer
 * four-band categorisation, per informant. Source: sdqinfo.org, "Scoring the SDQ"
 * (Youth in Mind). Scores only — no item texts (they are licensed).
 */
const UK_BANDS: Band[] = [];
const three = (informant: string, scale: string, ranges: [number, number][]) =>
  ['NORMAL', 'BORDERLINE', 'ABNORMAL'].forEach((band, i) =>
    UK_BANDS.push([informant, scale, 'THREE_BAND', band, ranges[i]![0], ranges[i]![1]]),
  );
const four = (informant: string, scale: string, ranges: [number, number][]) =>
  (scale === 'PROSOCIAL'
    ? ['CLOSE_TO_AVERAGE', 'SLIGHTLY_LOWERED', 'LOW', 'VERY_LOW']
    : ['CLOSE_TO_AVERAGE', 'SLIGHTLY_RAISED', 'HIGH', 'VERY_HIGH']
  ).forEach((band, i) => UK_BANDS.push([informant, scale, 'FOUR_BAND', band, ranges[i]![0], ranges[i]![1]]));
// Prosocial is a strength: its bands run the other way (normal = high scores).
three('PARENT', 'TOTAL_DIFFICULTIES', [
  [0, 13],
  [14, 16],
  [17, 40],
]);
three('PARENT', 'EMOTIONAL', [
  [0, 3],
  [4, 4],
  [5, 10],
]);
three('PARENT', 'CONDUCT', [
  [0, 2],
  [3, 3],
  [4, 10],
]);
three('PARENT', 'HYPERACTIVITY', [
  [0, 5],
  [6, 6],
  [7, 10],
]);
three('PARENT', 'PEER', [
  [0, 2],
  [3, 3],
  [4, 10],
]);
three('PARENT', 'PROSOCIAL', [
  [6, 10],
  [5, 5],
  [0, 4],
]);
three('TEACHER', 'TOTAL_DIFFICULTIES', [
  [0, 11],
  [12, 15],
  [16, 40],
]);
three('TEACHER', 'EMOTIONAL', [
  [0, 4],
  [5, 5],
  [6, 10],
]);
three('TEACHER', 'CONDUCT', [
  [0, 2],
  [3, 3],
  [4, 10],
]);
three('TEACHER', 'HYPERACTIVITY', [
  [0, 5],
  [6, 6],
  [7, 10],
]);
three('TEACHER', 'PEER', [
  [0, 3],
  [4, 4],
  [5, 10],
]);
three('TEACHER', 'PROSOCIAL', [
  [6, 10],
  [5, 5],
  [0, 4],
]);
three('SELF', 'TOTAL_DIFFICULTIES', [
  [0, 15],
  [16, 19],
  [20, 40],
]);
three('SELF', 'EMOTIONAL', [
  [0, 5],
  [6, 6],
  [7, 10],
]);
three('SELF', 'CONDUCT', [
  [0, 3],
  [4, 4],
  [5, 10],
]);
three('SELF', 'HYPERACTIVITY', [
  [0, 5],
  [6, 6],
  [7, 10],
]);
three('SELF', 'PEER', [
  [0, 3],
  [4, 5],
  [6, 10],
]);
three('SELF', 'PROSOCIAL', [
  [6, 10],
  [5, 5],
  [0, 4],
]);
four('PARENT', 'TOTAL_DIFFICULTIES', [
  [0, 13],
  [14, 16],
  [17, 19],
  [20, 40],
]);
four('PARENT', 'EMOTIONAL', [
  [0, 3],
  [4, 4],
  [5, 6],
  [7, 10],
]);
four('PARENT', 'CONDUCT', [
  [0, 2],
  [3, 3],
  [4, 5],
  [6, 10],
]);
four('PARENT', 'HYPERACTIVITY', [
  [0, 5],
  [6, 7],
  [8, 8],
  [9, 10],
]);
four('PARENT', 'PEER', [
  [0, 2],
  [3, 3],
  [4, 4],
  [5, 10],
]);
four('PARENT', 'PROSOCIAL', [
  [8, 10],
  [7, 7],
  [6, 6],
  [0, 5],
]);
four('TEACHER', 'TOTAL_DIFFICULTIES', [
  [0, 11],
  [12, 15],
  [16, 18],
  [19, 40],
]);
four('TEACHER', 'EMOTIONAL', [
  [0, 3],
  [4, 4],
  [5, 5],
  [6, 10],
]);
four('TEACHER', 'CONDUCT', [
  [0, 2],
  [3, 3],
  [4, 4],
  [5, 10],
]);
four('TEACHER', 'HYPERACTIVITY', [
  [0, 5],
  [6, 7],
  [8, 8],
  [9, 10],
]);
four('TEACHER', 'PEER', [
  [0, 2],
  [3, 4],
  [5, 5],
  [6, 10],
]);
four('TEACHER', 'PROSOCIAL', [
  [6, 10],
  [5, 5],
  [4, 4],
  [0, 3],
]);
four('SELF', 'TOTAL_DIFFICULTIES', [
  [0, 14],
  [15, 17],
  [18, 19],
  [20, 40],
]);
four('SELF', 'EMOTIONAL', [
  [0, 4],
  [5, 5],
  [6, 6],
  [7, 10],
]);
four('SELF', 'CONDUCT', [
  [0, 3],
  [4, 4],
  [5, 5],
  [6, 10],
]);
four('SELF', 'HYPERACTIVITY', [
  [0, 5],
  [6, 6],
  [7, 7],
  [8, 10],
]);
four('SELF', 'PEER', [
  [0, 2],
  [3, 3],
  [4, 4],
  [5, 10],
]);
four('SELF', 'PROSOCIAL', [
  [7, 10],
  [6, 6],
  [5, 5],
  [0, 4],
]);

/**
 * The monthly registration's family-department part (ICS for children, VUM for
 * adults, SDQ where taken), the SDQ norm sets as data, and the per-project
 * registration deadline setting.
 */
export class MonthlyRegistration1765200000000 implements MigrationInterface {
  name = 'MonthlyRegistration1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE family_registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        person_id uuid NOT NULL REFERENCES person(id),
        month char(7) NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        kind text NOT NULL CHECK (kind IN ('CHILD', 'ADULT')),
        scores jsonb NOT NULL,
        notes jsonb NOT NULL DEFAULT '{}',
        attendance_percent numeric(5, 1) CHECK (attendance_percent BETWEEN 0 AND 100),
        grade_average numeric(4, 2) CHECK (grade_average BETWEEN -3 AND 12),
        youth_education_started boolean,
        youth_education_kept boolean,
        sdq jsonb,
        confirmed_unchanged boolean NOT NULL DEFAULT false,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (person_id, month)
      )`);
    await q.query('CREATE INDEX family_registration_family_idx ON family_registration (family_id, month)');

    await q.query(`
      CREATE TABLE sdq_norm_band (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) REFERENCES municipality(code),
        norm_set text NOT NULL CHECK (length(norm_set) BETWEEN 1 AND 40),
        source text NOT NULL,
        informant text NOT NULL CHECK (informant IN ('PARENT', 'TEACHER', 'SELF')),
        scale text NOT NULL CHECK (scale IN ('TOTAL_DIFFICULTIES', 'EMOTIONAL', 'CONDUCT', 'HYPERACTIVITY',
          'PEER', 'PROSOCIAL', 'EXTERNALISING', 'INTERNALISING')),
        banding text NOT NULL CHECK (banding IN ('THREE_BAND', 'FOUR_BAND')),
        band text NOT NULL,
        min_score smallint NOT NULL,
        max_score smallint NOT NULL CHECK (max_score >= min_score)
      )`);
    await q.query(
      'CREATE INDEX sdq_norm_band_lookup_idx ON sdq_norm_band (norm_set, informant, scale, banding, min_score)',
    );
    const source = 'sdqinfo.org, "Scoring the SDQ" (UK norms, 4-17 year olds)';
    for (const [informant, scale, banding, band, min, max] of UK_BANDS) {
      await q.query(
        `INSERT INTO sdq_norm_band (municipality_code, norm_set, source, informant, scale, banding, band, min_score, max_score)
         VALUES (NULL, 'UK', $1, $2, $3, $4, $5, $6, $7)`,
        [source, informant, scale, banding, band, min, max],
      );
    }

    await q.query(`
      CREATE TABLE registration_setting (
        project_id uuid PRIMARY KEY REFERENCES project(id),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        deadline_business_day smallint NOT NULL CHECK (deadline_business_day BETWEEN 1 AND 20),
        sdq_norm_set text NOT NULL DEFAULT 'UK',
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE registration_setting');
    await q.query('DROP TABLE sdq_norm_band');
    await q.query('DROP TABLE family_registration');
  }
}
