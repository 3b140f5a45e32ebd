import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { HistoryStore } from '@helhed/history';
import { isUuid } from '../ids';
import { AttendanceWeekEntity, OfferParticipationEntity } from './offer-participation.entity';
import type { ValidParticipation } from './offer-participation';

const NO_PARTICIPATION = 'There is no offer participation with this id in your municipality';

/** The offers' SQL: every write in one transaction with its history row. */
export class OfferStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<OfferParticipationEntity[]> {
    return this.db.getRepository(OfferParticipationEntity).findBy({ id: In([...ids]) });
  }

  /** The participations carrying out many plan activities, within one municipality, by planned start. */
  ofActivities(municipalityCode: string, activityIds: readonly string[]): Promise<OfferParticipationEntity[]> {
    return this.db.getRepository(OfferParticipationEntity).find({
      where: { municipalityCode, planActivityId: In([...activityIds]) },
      order: { plannedStartOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The participations of many persons, within one municipality, by planned start. */
  ofPersons(municipalityCode: string, personIds: readonly string[]): Promise<OfferParticipationEntity[]> {
    return this.db.getRepository(OfferParticipationEntity).find({
      where: { municipalityCode, personId: In([...personIds]) },
      order: { plannedStartOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The recorded weeks of many participations, oldest week first. */
  weeksOf(participationIds: readonly string[]): Promise<AttendanceWeekEntity[]> {
    return this.db
      .getRepository(AttendanceWeekEntity)
      .find({ where: { participationId: In([...participationIds]) }, order: { weekStartsOn: 'ASC' } });
  }

  /** The recorded weeks of many persons' participations (for the monthly registration), oldest first. */
  weeksOfPersons(municipalityCode: string, personIds: readonly string[]): Promise<AttendanceWeekEntity[]> {
    return this.db.getRepository(AttendanceWeekEntity).find({
      where: { municipalityCode, personId: In([...personIds]) },
      order: { weekStartsOn: 'ASC' },
    });
  }

  /** Starts a participation; refused when the person already has an open one for the activity. */
  start(valid: ValidParticipation, municipalityCode: string, createdBy: string): Promise<OfferParticipationEntity> {
    return this.db.transaction(async (tx) => {
      // Serialises starts for the same activity, so the duplicate check below holds.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`offer:${valid.planActivityId}`]);
      const repo = tx.getRepository(OfferParticipationEntity);
      const open = await repo.findOneBy({
        planActivityId: valid.planActivityId,
        personId: valid.personId,
        endedOn: IsNull(),
      });
      if (open) {
        throw new UserInputError('input.planActivityId', 'The person already takes part in an offer for this activity');
      }
      const participation = await repo.save(
        repo.create({ ...valid, municipalityCode, endedOn: null, endReason: null, createdBy }),
      );
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: participation.familyId,
          entity: 'OfferParticipation',
          entityId: participation.id,
          operation: 'CREATE',
          changedBy: createdBy,
          after: participation,
        },
      ]);
      return participation;
    });
  }

  /** Ends a participation after `decide` accepts it. */
  end(
    request: { participationId: string; municipalityCode: string },
    changedBy: string,
    decide: (
      current: OfferParticipationEntity,
      latestWeek: AttendanceWeekEntity | null,
    ) => { endedOn: string; endReason: string | null },
  ): Promise<OfferParticipationEntity> {
    return this.db.transaction(async (tx) => {
      const current = await this.lock(tx, request.participationId, request.municipalityCode);
      const latestWeek = await tx
        .getRepository(AttendanceWeekEntity)
        .findOne({ where: { participationId: current.id }, order: { weekStartsOn: 'DESC' } });
      const change = decide(current, latestWeek);
      const repo = tx.getRepository(OfferParticipationEntity);
      await repo.update({ id: current.id }, change);
      const after = await repo.findOneByOrFail({ id: current.id });
      await this.history.record(tx, [
        {
          municipalityCode: current.municipalityCode,
          familyId: current.familyId,
          entity: 'OfferParticipation',
          entityId: current.id,
          operation: 'END',
          changedBy,
          before: current,
          after,
          reason: change.endReason,
        },
      ]);
      return after;
    });
  }

  /**
   * Records one week's attendance after `decide` accepts it: a new week is
   * inserted, a recorded week is changed with its old value kept in the history.
   */
  recordWeek(
    request: { participationId: string; municipalityCode: string },
    changedBy: string,
    decide: (current: OfferParticipationEntity) => {
      isoWeek: string;
      weekStartsOn: string;
      plannedHours: number;
      attendedHours: number;
    },
  ): Promise<AttendanceWeekEntity> {
    return this.db.transaction(async (tx) => {
      const participation = await this.lock(tx, request.participationId, request.municipalityCode);
      const week = decide(participation);
      const repo = tx.getRepository(AttendanceWeekEntity);
      const before = await repo.findOneBy({ participationId: participation.id, isoWeek: week.isoWeek });
      if (before && before.plannedHours === week.plannedHours && before.attendedHours === week.attendedHours) {
        return before;
      }
      let saved: AttendanceWeekEntity;
      if (before) {
        await repo.update(
          { id: before.id },
          { plannedHours: week.plannedHours, attendedHours: week.attendedHours, updatedBy: changedBy },
        );
        saved = await repo.findOneByOrFail({ id: before.id });
      } else {
        saved = await repo.save(
          repo.create({
            ...week,
            participationId: participation.id,
            personId: participation.personId,
            familyId: participation.familyId,
            municipalityCode: participation.municipalityCode,
            createdBy: changedBy,
            updatedBy: changedBy,
          }),
        );
      }
      await this.history.record(tx, [
        {
          municipalityCode: participation.municipalityCode,
          familyId: participation.familyId,
          entity: 'OfferAttendanceWeek',
          entityId: saved.id,
          operation: before ? 'UPDATE' : 'CREATE',
          changedBy,
          before,
          after: saved,
        },
      ]);
      return saved;
    });
  }

  private async lock(tx: EntityManager, id: string, municipalityCode: string): Promise<OfferParticipationEntity> {
    const found =
      isUuid(id) &&
      (await tx
        .getRepository(OfferParticipationEntity)
        .findOne({ where: { id: id.toLowerCase(), municipalityCode }, lock: { mode: 'pessimistic_write' } }));
    if (!found) throw new UserInputError('input.participationId', NO_PARTICIPATION);
    return found;
  }
}
