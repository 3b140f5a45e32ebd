import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { ActivityStore } from '../activity/activity-store';
import { PlanActivityEntity } from '../activity/plan-activity.entity';
import type { HistoryStore } from '@helhed/history';
import { GoalStatusChangeEntity, type FamilyPlanEntity } from '../plan/plan.entity';
import type { PlanStore } from '../plan/plan-store';
import { namesRow } from '../plan/plan-rules';
import type {
  FollowUpFacts,
  FollowUpTarget,
  HeldFollowUpFacts,
  ValidHeldFollowUp,
  ValidPlannedFollowUp,
} from './follow-up';
import { FollowUpEntity, FollowUpGoalProgressEntity, FollowUpParticipantEntity } from './follow-up.entity';

/** The facts of the follow-up rules that come from the database (the caseworkers are added by the caller). */
export type StoredFollowUpFacts = Omit<FollowUpFacts, 'caseworkers'>;
export type StoredHeldFollowUpFacts = Omit<HeldFollowUpFacts, 'caseworkers'>;

/** The latest held follow-up date of one plan or activity. */
export interface LastHeld {
  key: string;
  heldOn: string;
}

/**
 * The follow-ups' SQL. Writes lock the plan (and the activity, and the planned
 * follow-up being recorded), so the rules decide on what cannot change underneath.
 */
export class FollowUpStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
    private readonly plans: PlanStore,
    private readonly activities: ActivityStore,
  ) {}

  byIds(ids: readonly string[]): Promise<FollowUpEntity[]> {
    return this.db.getRepository(FollowUpEntity).findBy({ id: In([...ids]) });
  }

  /** Follow-ups on many plans as a whole (not on their activities), by planned date. */
  ofPlans(planIds: readonly string[]): Promise<FollowUpEntity[]> {
    return this.db.getRepository(FollowUpEntity).find({
      where: { planId: In([...planIds]), activityId: IsNull() },
      order: { plannedOn: 'ASC', createdAt: 'ASC' },
    });
  }

  /** Follow-ups on many activities, by planned date. */
  ofActivities(activityIds: readonly string[]): Promise<FollowUpEntity[]> {
    return this.db
      .getRepository(FollowUpEntity)
      .find({ where: { activityId: In([...activityIds]) }, order: { plannedOn: 'ASC', createdAt: 'ASC' } });
  }

  /** The latest held plan-level follow-up of many plans. */
  lastHeldOfPlans(planIds: readonly string[]): Promise<LastHeld[]> {
    return this.db
      .getRepository(FollowUpEntity)
      .createQueryBuilder('f')
      .select('f.plan_id::text', 'key')
      .addSelect('max(f.held_on)::text', 'heldOn')
      .where('f.plan_id IN (:...planIds)', { planIds: [...planIds] })
      .andWhere('f.activity_id IS NULL AND f.held_on IS NOT NULL')
      .groupBy('f.plan_id')
      .getRawMany<LastHeld>();
  }

  /** The latest held follow-up of many activities. */
  lastHeldOfActivities(activityIds: readonly string[]): Promise<LastHeld[]> {
    return this.db
      .getRepository(FollowUpEntity)
      .createQueryBuilder('f')
      .select('f.activity_id::text', 'key')
      .addSelect('max(f.held_on)::text', 'heldOn')
      .where('f.activity_id IN (:...activityIds)', { activityIds: [...activityIds] })
      .andWhere('f.held_on IS NOT NULL')
      .groupBy('f.activity_id')
      .getRawMany<LastHeld>();
  }

  participantsOf(
    followUpIds: readonly string[],
    tx: EntityManager = this.db.manager,
  ): Promise<FollowUpParticipantEntity[]> {
    return tx.getRepository(FollowUpParticipantEntity).find({
      where: { followUpId: In([...followUpIds]), removedAt: IsNull() },
      order: { position: 'ASC', id: 'ASC' },
    });
  }

  progressOf(followUpIds: readonly string[]): Promise<FollowUpGoalProgressEntity[]> {
    return this.db
      .getRepository(FollowUpGoalProgressEntity)
      .find({ where: { followUpId: In([...followUpIds]) }, order: { position: 'ASC' } });
  }

  /** Writes a planned follow-up after `decide` accepts it. */
  async plan(
    target: FollowUpTarget,
    municipalityCode: string,
    createdBy: string,
    decide: (facts: StoredFollowUpFacts) => ValidPlannedFollowUp,
  ): Promise<FollowUpEntity> {
    return this.db.transaction(async (tx) => {
      const { plan, activity, facts } = await this.lockedTarget(tx, target, municipalityCode);
      const valid = decide(facts);
      const repo = tx.getRepository(FollowUpEntity);
      const followUp = await repo.save(
        repo.create({
          municipalityCode: plan.municipalityCode,
          familyId: plan.familyId,
          planId: plan.id,
          activityId: activity?.id ?? null,
          plannedOn: valid.plannedOn,
          heldOn: null,
          outcome: null,
          otherParticipants: valid.otherParticipants,
          createdBy,
        }),
      );
      await this.addParticipants(tx, followUp, valid.participantIds, 0, createdBy);
      await this.history.record(tx, [
        {
          municipalityCode: followUp.municipalityCode,
          familyId: followUp.familyId,
          entity: 'FollowUp',
          entityId: followUp.id,
          operation: 'CREATE',
          changedBy: createdBy,
          after: { ...followUp, participantIds: valid.participantIds },
        },
      ]);
      return followUp;
    });
  }

  /**
   * Writes a held follow-up after `decide` accepts it: the follow-up (new, or the
   * planned one completed), its participants, the goal progress, and the goals'
   * new statuses with their status-change and history rows.
   */
  async record(
    target: FollowUpTarget,
    municipalityCode: string,
    changedBy: string,
    decide: (facts: StoredHeldFollowUpFacts) => ValidHeldFollowUp,
  ): Promise<FollowUpEntity> {
    return this.db.transaction(async (tx) => {
      const { plan, activity, existing, facts } = await this.lockedTarget(tx, target, municipalityCode);
      const goals = await this.plans.currentGoalsOfPlans([plan.id], tx);
      const lastChanges = await tx
        .getRepository(GoalStatusChangeEntity)
        .createQueryBuilder('c')
        .select('c.goal_id::text', 'goalId')
        .addSelect('max(c.changed_on)::text', 'lastChangedOn')
        .where('c.plan_id = :planId', { planId: plan.id })
        .groupBy('c.goal_id')
        .getRawMany<{ goalId: string; lastChangedOn: string }>();
      const lastChangedOn = new Map(lastChanges.map((c) => [c.goalId, c.lastChangedOn]));
      const valid = decide({
        ...facts,
        existing: existing ? { plannedOn: existing.plannedOn, heldOn: existing.heldOn } : null,
        goals: new Map(goals.map((g) => [g.id, { status: g.status, lastChangedOn: lastChangedOn.get(g.id) ?? null }])),
      });

      const repo = tx.getRepository(FollowUpEntity);
      const held = {
        heldOn: valid.heldOn,
        outcome: valid.outcome,
        ...(valid.otherParticipants ? { otherParticipants: valid.otherParticipants } : {}),
      };
      let followUp: FollowUpEntity;
      let before: object | null = null;
      if (existing) {
        const participants = await this.participantsOf([existing.id], tx);
        before = { ...existing, participantIds: participants.map((p) => p.caseworkerId) };
        await repo.update({ id: existing.id }, held);
        followUp = repo.create({ ...existing, ...held });
        if (valid.participantIds) {
          const leaving = participants.filter((p) => !valid.participantIds!.includes(p.caseworkerId));
          if (leaving.length > 0) {
            await tx
              .getRepository(FollowUpParticipantEntity)
              .update({ id: In(leaving.map((p) => p.id)) }, { removedAt: () => 'now()', removedBy: changedBy });
          }
          const staying = new Set(participants.map((p) => p.caseworkerId));
          const joining = valid.participantIds.filter((id) => !staying.has(id));
          await this.addParticipants(tx, followUp, joining, participants.length, changedBy);
        }
      } else {
        followUp = await repo.save(
          repo.create({
            municipalityCode: plan.municipalityCode,
            familyId: plan.familyId,
            planId: plan.id,
            activityId: activity?.id ?? null,
            plannedOn: valid.plannedOn,
            otherParticipants: [],
            ...held,
            createdBy: changedBy,
          }),
        );
        await this.addParticipants(tx, followUp, valid.participantIds ?? [], 0, changedBy);
      }

      if (valid.progress.length > 0) {
        await tx.getRepository(FollowUpGoalProgressEntity).insert(
          valid.progress.map((p, position) => ({
            ...p,
            followUpId: followUp.id,
            position,
            municipalityCode: followUp.municipalityCode,
            familyId: followUp.familyId,
            createdBy: changedBy,
          })),
        );
      }
      const byId = new Map(goals.map((g) => [g.id, g]));
      await this.plans.recordGoalStatuses(
        tx,
        valid.goalStatuses.map((s) => ({
          goal: byId.get(s.goalId)!,
          to: s.status,
          changedOn: valid.heldOn,
          note: s.note,
          followUpId: followUp.id,
        })),
        changedBy,
      );
      await this.history.record(tx, [
        {
          municipalityCode: followUp.municipalityCode,
          familyId: followUp.familyId,
          entity: 'FollowUp',
          entityId: followUp.id,
          operation: existing ? 'HOLD' : 'CREATE',
          changedBy,
          before,
          after: { ...followUp, participantIds: valid.participantIds, goalProgress: valid.progress },
        },
      ]);
      return followUp;
    });
  }

  /** Locks what a follow-up is about (plan, then activity, then the planned follow-up) and reads the facts. */
  private async lockedTarget(tx: EntityManager, target: FollowUpTarget, municipalityCode: string) {
    let existing: FollowUpEntity | null = null;
    let planId: string;
    let activityId: string | null = null;
    if (target.kind === 'followUp') {
      const found = namesRow(target.id)
        ? await tx.getRepository(FollowUpEntity).findOneBy({ id: target.id, municipalityCode })
        : null;
      if (!found)
        throw new UserInputError('input.followUpId', 'There is no follow-up with this id in your municipality');
      planId = found.planId;
      activityId = found.activityId;
    } else if (target.kind === 'activity') {
      const found = namesRow(target.id)
        ? await tx.getRepository(PlanActivityEntity).findOneBy({ id: target.id, municipalityCode })
        : null;
      if (!found)
        throw new UserInputError('input.activityId', 'There is no activity with this id in your municipality');
      planId = found.planId;
      activityId = found.id;
    } else {
      planId = target.id;
    }
    const plan: FamilyPlanEntity = await this.plans.lockPlan(tx, planId, municipalityCode, 'input.planId');
    const activity = activityId ? await this.activities.lockActivity(tx, activityId, municipalityCode) : null;
    if (target.kind === 'followUp') {
      existing = await tx
        .getRepository(FollowUpEntity)
        .findOneOrFail({ where: { id: target.id }, lock: { mode: 'pessimistic_write' } });
    }
    const facts: StoredFollowUpFacts = {
      municipalityCode: plan.municipalityCode,
      plan: { status: plan.status, startsOn: plan.startsOn },
      activity: activity ? { status: activity.status, startsOn: activity.startsOn } : null,
    };
    return { plan, activity, existing, facts };
  }

  private async addParticipants(
    tx: EntityManager,
    followUp: FollowUpEntity,
    caseworkerIds: string[],
    firstPosition: number,
    createdBy: string,
  ) {
    if (caseworkerIds.length === 0) return;
    await tx.getRepository(FollowUpParticipantEntity).insert(
      caseworkerIds.map((caseworkerId, i) => ({
        followUpId: followUp.id,
        caseworkerId,
        position: firstPosition + i,
        municipalityCode: followUp.municipalityCode,
        familyId: followUp.familyId,
        createdBy,
        removedAt: null,
        removedBy: null,
      })),
    );
  }
}
