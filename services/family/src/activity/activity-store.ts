import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import { ChangeRecordEntity, type HistoryStore } from '@helhed/history';
import { PersonEntity } from '../person/person.entity';
import type { PlanStore } from '../plan/plan-store';
import { namesRow } from '../plan/plan-rules';
import type { ActivityFacts, ValidActivity } from './plan-activity';
import { PlanActivityEntity, PlanActivityMemberEntity, type ActivityStatus } from './plan-activity.entity';

/** The facts of the activity rules that come from the database (the caseworkers are added by the caller). */
export type StoredActivityFacts = Omit<ActivityFacts, 'caseworkers'>;

const NO_ACTIVITY = 'There is no activity with this id in your municipality';

/**
 * The plan activities' SQL. Writes lock the activity's plan (so its status,
 * goals and activities cannot change underneath the rules), run the domain
 * rules on what they read, and write the change with its history row.
 */
export class ActivityStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
    private readonly plans: PlanStore,
  ) {}

  byIds(ids: readonly string[]): Promise<PlanActivityEntity[]> {
    return this.db.getRepository(PlanActivityEntity).findBy({ id: In([...ids]) });
  }

  /** The activities of many plans, by start date. */
  ofPlans(planIds: readonly string[]): Promise<PlanActivityEntity[]> {
    return this.db
      .getRepository(PlanActivityEntity)
      .find({ where: { planId: In([...planIds]) }, order: { startsOn: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  /** The activities serving many goals, by start date. */
  ofGoals(goalIds: readonly string[]): Promise<PlanActivityEntity[]> {
    return this.db
      .getRepository(PlanActivityEntity)
      .find({ where: { goalId: In([...goalIds]) }, order: { startsOn: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  /** The members many activities concern now. */
  currentMembersOf(activityIds: readonly string[], tx: EntityManager = this.db.manager) {
    return tx
      .getRepository(PlanActivityMemberEntity)
      .find({ where: { activityId: In([...activityIds]), removedAt: IsNull() }, order: { id: 'ASC' } });
  }

  /** The recorded changes of many activities, newest first. */
  changesOf(activityIds: readonly string[]): Promise<ChangeRecordEntity[]> {
    return this.db
      .getRepository(ChangeRecordEntity)
      .find({ where: { entity: 'PlanActivity', entityId: In([...activityIds]) }, order: { id: 'DESC' } });
  }

  /** Writes a new activity of an open plan after `decide` accepts it. */
  async add(
    request: { planId: string; municipalityCode: string },
    createdBy: string,
    decide: (facts: StoredActivityFacts) => ValidActivity,
  ): Promise<PlanActivityEntity> {
    return this.db.transaction(async (tx) => {
      const { plan, facts } = await this.lockedFacts(tx, request.planId, request.municipalityCode, 'input.planId');
      const valid = decide(facts);
      const { memberIds, ...columns } = valid;
      const repo = tx.getRepository(PlanActivityEntity);
      const activity = await repo.save(
        repo.create({
          ...columns,
          municipalityCode: plan.municipalityCode,
          familyId: plan.familyId,
          planId: plan.id,
          status: 'PLANNED',
          statusReason: null,
          createdBy,
        }),
      );
      await this.addMembers(tx, activity, memberIds, createdBy);
      await this.history.record(tx, [
        {
          municipalityCode: activity.municipalityCode,
          familyId: activity.familyId,
          entity: 'PlanActivity',
          entityId: activity.id,
          operation: 'CREATE',
          changedBy: createdBy,
          after: { ...activity, memberIds },
        },
      ]);
      return activity;
    });
  }

  /** Changes an activity after `decide` accepts the merged result; nothing is written when nothing changes. */
  async update(
    request: { activityId: string; municipalityCode: string },
    changedBy: string,
    decide: (
      current: ValidActivity & { status: ActivityStatus },
      facts: StoredActivityFacts,
    ) => { activity: ValidActivity; reason: string | null },
  ): Promise<PlanActivityEntity> {
    return this.db.transaction(async (tx) => {
      const found = await this.find(tx, request.activityId, request.municipalityCode);
      const { facts } = await this.lockedFacts(tx, found.planId, request.municipalityCode, 'input.activityId');
      const current = await this.lockActivity(tx, found.id);
      const links = await this.currentMembersOf([current.id], tx);
      const currentMemberIds = links.map((l) => l.personId);
      const { activity: valid, reason } = decide({ ...contentOf(current), memberIds: currentMemberIds }, facts);
      const { memberIds, ...columns } = valid;
      const repo = tx.getRepository(PlanActivityEntity);
      const after = repo.create({ ...current, ...columns });
      const columnsChanged = (Object.keys(columns) as Array<keyof typeof columns>).some(
        (k) => current[k] !== columns[k],
      );
      const leaving = links.filter((l) => !memberIds.includes(l.personId));
      const joining = memberIds.filter((id) => !currentMemberIds.includes(id));
      if (!columnsChanged && leaving.length === 0 && joining.length === 0) return current;

      if (columnsChanged) await repo.update({ id: current.id }, columns);
      if (leaving.length > 0) {
        await tx
          .getRepository(PlanActivityMemberEntity)
          .update({ id: In(leaving.map((l) => l.id)) }, { removedAt: () => 'now()', removedBy: changedBy });
      }
      await this.addMembers(tx, current, joining, changedBy);
      await this.history.record(tx, [
        {
          municipalityCode: current.municipalityCode,
          familyId: current.familyId,
          entity: 'PlanActivity',
          entityId: current.id,
          operation: 'UPDATE',
          changedBy,
          before: { ...current, memberIds: currentMemberIds },
          after: { ...after, memberIds },
          reason,
        },
      ]);
      return after;
    });
  }

  /** Changes an activity's status after `decide` accepts it. */
  async changeStatus(
    request: { activityId: string; municipalityCode: string },
    changedBy: string,
    decide: (current: PlanActivityEntity) => { status: ActivityStatus; statusReason: string | null },
  ): Promise<PlanActivityEntity> {
    return this.db.transaction(async (tx) => {
      const found = await this.find(tx, request.activityId, request.municipalityCode);
      const current = await this.lockActivity(tx, found.id);
      const change = decide(current);
      const repo = tx.getRepository(PlanActivityEntity);
      await repo.update({ id: current.id }, change);
      const after = repo.create({ ...current, ...change });
      await this.history.record(tx, [
        {
          municipalityCode: current.municipalityCode,
          familyId: current.familyId,
          entity: 'PlanActivity',
          entityId: current.id,
          operation: 'STATUS',
          changedBy,
          before: current,
          after,
          reason: change.statusReason,
        },
      ]);
      return after;
    });
  }

  /** Locks an activity of the municipality (refused at `input.activityId` when there is none). */
  async lockActivity(tx: EntityManager, activityId: string, municipalityCode?: string): Promise<PlanActivityEntity> {
    const activity = namesRow(activityId)
      ? await tx
          .getRepository(PlanActivityEntity)
          .findOne({ where: { id: activityId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!activity || (municipalityCode && activity.municipalityCode !== municipalityCode)) {
      throw new UserInputError('input.activityId', NO_ACTIVITY);
    }
    return activity;
  }

  private async find(tx: EntityManager, activityId: string, municipalityCode: string) {
    const activity = namesRow(activityId)
      ? await tx.getRepository(PlanActivityEntity).findOneBy({ id: activityId, municipalityCode })
      : null;
    if (!activity) throw new UserInputError('input.activityId', NO_ACTIVITY);
    return activity;
  }

  /** Locks the plan and reads what the activity rules need: its status, family members and goals. */
  private async lockedFacts(tx: EntityManager, planId: string, municipalityCode: string, field: string) {
    const plan = await this.plans.lockPlan(tx, planId, municipalityCode, field);
    const members = await tx
      .getRepository(PersonEntity)
      .find({ select: { id: true }, where: { familyId: plan.familyId, removedOn: IsNull() } });
    const goals = await this.plans.currentGoalsOfPlans([plan.id], tx);
    const facts: StoredActivityFacts = {
      municipalityCode: plan.municipalityCode,
      planStatus: plan.status,
      memberIds: new Set(members.map((m) => m.id)),
      goalIds: new Set(goals.map((g) => g.id)),
    };
    return { plan, facts };
  }

  private async addMembers(tx: EntityManager, activity: PlanActivityEntity, personIds: string[], createdBy: string) {
    if (personIds.length === 0) return;
    await tx.getRepository(PlanActivityMemberEntity).insert(
      personIds.map((personId) => ({
        activityId: activity.id,
        personId,
        municipalityCode: activity.municipalityCode,
        familyId: activity.familyId,
        createdBy,
        removedAt: null,
        removedBy: null,
      })),
    );
  }
}

const contentOf = (a: PlanActivityEntity): Omit<ValidActivity, 'memberIds'> & { status: ActivityStatus } => ({
  department: a.department,
  sectorPlanKind: a.sectorPlanKind,
  goalId: a.goalId,
  offerDescription: a.offerDescription,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  hoursPerWeek: a.hoursPerWeek,
  responsibleCaseworkerId: a.responsibleCaseworkerId,
  followUpCadenceWeeks: a.followUpCadenceWeeks,
  status: a.status,
});
