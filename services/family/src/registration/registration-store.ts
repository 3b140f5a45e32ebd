import { In, IsNull, type DataSource } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import { now } from '../clock';
import type { FamilyEntity } from '../family/family.entity';
import type { FamilyPartValues } from './family-registration';
import { FamilyRegistrationEntity, RegistrationSettingEntity, SdqNormBandEntity } from './registration.entity';

/** A registration to write: the person's month and its values. */
export interface RegistrationWrite {
  municipalityCode: string;
  familyId: string;
  personId: string;
  month: string;
  values: FamilyPartValues;
  confirmedUnchanged: boolean;
}

/** The monthly registration's SQL: every write with its history row in one transaction. */
export class RegistrationStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  /** The registrations of many `personId|month` keys, one statement. */
  async byKeys(keys: readonly string[]): Promise<FamilyRegistrationEntity[]> {
    const personIds = [...new Set(keys.map((k) => k.split('|')[0]!))];
    const months = [...new Set(keys.map((k) => k.split('|')[1]!))];
    const rows = await this.db
      .getRepository(FamilyRegistrationEntity)
      .findBy({ personId: In(personIds), month: In(months) });
    const wanted = new Set(keys);
    return rows.filter((r) => wanted.has(`${r.personId}|${r.month}`));
  }

  /** Every registration of many persons, oldest month first, one statement. */
  byPersonIds(personIds: readonly string[]): Promise<FamilyRegistrationEntity[]> {
    return this.db
      .getRepository(FamilyRegistrationEntity)
      .find({ where: { personId: In([...personIds]) }, order: { month: 'ASC' } });
  }

  /** The norm bands a municipality may use (the published sets and its own), one statement. */
  normBands(municipalityCode: string): Promise<SdqNormBandEntity[]> {
    return this.db
      .getRepository(SdqNormBandEntity)
      .find({ where: [{ municipalityCode: IsNull() }, { municipalityCode }], order: { minScore: 'ASC' } });
  }

  /** The municipality's projects with their registration settings, one statement. */
  projectsWithSettings(municipalityCode: string | null): Promise<
    Array<{
      id: string;
      municipalityCode: string;
      startsOn: string;
      endsOn: string;
      deadlineBusinessDay: number | null;
    }>
  > {
    return this.db.query(
      `SELECT p.id, p.municipality_code AS "municipalityCode", to_char(p.starts_on, 'YYYY-MM-DD') AS "startsOn",
              to_char(p.ends_on, 'YYYY-MM-DD') AS "endsOn", s.deadline_business_day AS "deadlineBusinessDay"
         FROM project p LEFT JOIN registration_setting s ON s.project_id = p.id
        WHERE $1::char(3) IS NULL OR p.municipality_code = $1`,
      [municipalityCode],
    );
  }

  /** Every municipality's ACTIVE families enrolled by a day (the national view), one statement. */
  activeFamiliesEverywhere(enrolledBy: string): Promise<Array<{ id: string; municipalityCode: string }>> {
    return this.db.query(
      `SELECT id, municipality_code AS "municipalityCode" FROM family
        WHERE status = 'ACTIVE' AND enrolment_date <= $1 ORDER BY municipality_code, id`,
      [enrolledBy],
    );
  }

  /** Every municipality's project enrolments overlapping a month, with the family's status today (the national view), one statement. */
  enrolmentsEverywhere(first: string, last: string) {
    return this.db.query(
      `SELECT f.municipality_code AS "municipalityCode", e.family_id AS "familyId",
              to_char(e.enrolled_on, 'YYYY-MM-DD') AS "enrolledOn", to_char(e.ended_on, 'YYYY-MM-DD') AS "endedOn", f.status
         FROM project_enrolment e JOIN family f ON f.id = e.family_id
        WHERE e.enrolled_on <= $2 AND (e.ended_on IS NULL OR e.ended_on >= $1)
        ORDER BY f.municipality_code, e.enrolled_on, e.family_id`,
      [first, last],
    ) as Promise<
      Array<{ municipalityCode: string; familyId: string; enrolledOn: string; endedOn: string | null; status: string }>
    >;
  }

  /**
   * Per municipality, over its projects running in the month: milestones due by
   * the month's end and not done, and open risks (the national view), one statement.
   */
  projectItemsEverywhere(first: string, last: string) {
    return this.db.query(
      `SELECT p.municipality_code AS "municipalityCode",
              count(DISTINCT m.id) FILTER (WHERE m.due_on <= $2 AND m.status <> 'DONE')::int AS "milestonesDue",
              count(DISTINCT r.id) FILTER (WHERE r.status = 'OPEN')::int AS "risksOpen"
         FROM project p
         LEFT JOIN milestone m ON m.project_id = p.id
         LEFT JOIN risk r ON r.project_id = p.id
        WHERE p.starts_on <= $2 AND p.ends_on >= $1
        GROUP BY p.municipality_code ORDER BY p.municipality_code`,
      [first, last],
    ) as Promise<Array<{ municipalityCode: string; milestonesDue: number; risksOpen: number }>>;
  }

  /** The municipality's ACTIVE families enrolled by a day, one statement. */
  activeFamilies(municipalityCode: string, enrolledBy: string): Promise<FamilyEntity[]> {
    return this.db.query(
      `SELECT id, municipality_code AS "municipalityCode", case_reference AS "caseReference", status,
              to_char(enrolment_date, 'YYYY-MM-DD') AS "enrolmentDate", to_char(closed_on, 'YYYY-MM-DD') AS "closedOn",
              close_reason AS "closeReason", created_by AS "createdBy", created_at AS "createdAt"
         FROM family
        WHERE municipality_code = $1 AND status = 'ACTIVE' AND enrolment_date <= $2
        ORDER BY case_reference, id`,
      [municipalityCode, enrolledBy],
    );
  }

  /** Adds a municipality's own SDQ norm set. */
  async addNormSet(
    municipalityCode: string,
    set: {
      name: string;
      source: string;
      rows: Array<Omit<SdqNormBandEntity, 'id' | 'municipalityCode' | 'normSet' | 'source'>>;
    },
    by: string,
  ) {
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(SdqNormBandEntity);
      const saved = await repo.save(
        set.rows.map((r) => repo.create({ ...r, municipalityCode, normSet: set.name, source: set.source })),
      );
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: null,
          entity: 'SdqNormSet',
          entityId: saved[0]!.id,
          operation: 'CREATE',
          changedBy: by,
          after: { name: set.name, source: set.source, bands: set.rows },
        },
      ]);
    });
  }

  /** A project's enrolments that overlap a month (enrolled by its last day, not ended before its first), one statement. */
  enrolmentsInMonth(projectId: string, first: string, last: string) {
    return this.db.query(
      `SELECT e.family_id AS "familyId", to_char(e.enrolled_on, 'YYYY-MM-DD') AS "enrolledOn",
              to_char(e.ended_on, 'YYYY-MM-DD') AS "endedOn", f.status
         FROM project_enrolment e JOIN family f ON f.id = e.family_id
        WHERE e.project_id = $1 AND e.enrolled_on <= $3 AND (e.ended_on IS NULL OR e.ended_on >= $2)
        ORDER BY e.enrolled_on, e.family_id`,
      [projectId, first, last],
    ) as Promise<Array<{ familyId: string; enrolledOn: string; endedOn: string | null; status: string }>>;
  }

  /** Sets a project's deadline business day. */
  async setDeadline(projectId: string, municipalityCode: string, businessDay: number, changedBy: string) {
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RegistrationSettingEntity);
      const before = await repo.findOneBy({ projectId });
      const after = {
        projectId,
        municipalityCode,
        deadlineBusinessDay: businessDay,
        sdqNormSet: before?.sdqNormSet ?? 'UK',
        changedBy,
        changedAt: now(),
      };
      await repo.save(after);
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: null,
          entity: 'RegistrationSetting',
          entityId: projectId,
          operation: before ? 'UPDATE' : 'CREATE',
          changedBy,
          before,
          after,
        },
      ]);
    });
  }

  /**
   * Writes registrations of person-months: a new month is inserted, a month
   * registered before is corrected (its old values kept in the history with
   * who and when; the first registration time stays, for the deadline).
   */
  write(writes: readonly RegistrationWrite[], by: string, reason: string | null): Promise<FamilyRegistrationEntity[]> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(FamilyRegistrationEntity);
      const out: FamilyRegistrationEntity[] = [];
      for (const w of writes) {
        // One writer per person and month at a time.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`family_registration:${w.personId}:${w.month}`]);
        const before = await repo.findOneBy({ personId: w.personId, month: w.month });
        // From the platform's clock: the first registration's time is what `onTime` compares with the deadline.
        const at = now();
        const values = {
          kind: w.values.kind,
          scores: w.values.scores,
          notes: w.values.notes,
          attendancePercent: w.values.attendancePercent,
          gradeAverage: w.values.gradeAverage,
          youthEducationStarted: w.values.youthEducationStarted,
          youthEducationKept: w.values.youthEducationKept,
          sdq: w.values.sdq,
          confirmedUnchanged: w.confirmedUnchanged,
          changedBy: by,
          changedAt: at,
        };
        let after: FamilyRegistrationEntity;
        if (before) {
          await repo.update({ id: before.id }, values);
          after = repo.create({ ...before, ...values });
        } else {
          after = await repo.save(
            repo.create({
              municipalityCode: w.municipalityCode,
              familyId: w.familyId,
              personId: w.personId,
              month: w.month,
              ...values,
              registeredBy: by,
              registeredAt: at,
            }),
          );
        }
        await this.history.record(tx, [
          {
            municipalityCode: w.municipalityCode,
            familyId: w.familyId,
            entity: 'FamilyRegistration',
            entityId: after.id,
            operation: before ? 'CORRECT' : w.confirmedUnchanged ? 'CONFIRM_UNCHANGED' : 'REGISTER',
            changedBy: by,
            before,
            after,
            reason,
          },
        ]);
        out.push(after);
      }
      return out;
    });
  }
}
