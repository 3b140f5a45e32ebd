import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import { PlanActivityEntity } from '../activity/plan-activity.entity';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { FamilyEntity } from '../family/family.entity';
import type { HistoryStore } from '@helhed/history';
import { PersonEntity } from '../person/person.entity';
import type {
  CurrentPlan,
  FamilyFacts,
  NewPlanFacts,
  RevisionFacts,
  ValidGoal,
  ValidPhase,
  ValidPlanContent,
  ValidRevision,
} from './family-plan';
import {
  FamilyPlanEntity,
  FamilyPlanVersionEntity,
  GoalStatusChangeEntity,
  PlanGoalEntity,
  PlanGoalVersionEntity,
  PlanPhaseEntity,
  type GoalStatus,
} from './plan.entity';
import { namesRow } from './plan-rules';

/** A goal's status change to write, with where it came from. */
export interface GoalStatusUpdate {
  goal: PlanGoalEntity;
  to: GoalStatus;
  changedOn: string;
  note: string | null;
  followUpId: string | null;
}

/** The key of one plan version's rows (phases, goal wordings) in a DataLoader. */
export const versionKey = (planId: string, version: number) => `${planId}:${version}`;
const planIdsOf = (keys: readonly string[]) => [...new Set(keys.map((k) => k.split(':')[0]!))];

const OPEN_PLAN_KEY = 'family_plan_one_open_key';
const NO_PLAN = 'There is no plan with this id in your municipality';

/**
 * The family plan's SQL: reads for the per-request loaders (one statement per
 * kind of row, however many plans a response holds) and the writes, each in one
 * transaction with its history rows. The domain rules decide inside the
 * transaction, on rows read (and locked) there.
 */
export class PlanStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<FamilyPlanEntity[]> {
    return this.db.getRepository(FamilyPlanEntity).findBy({ id: In([...ids]) });
  }

  /** All plans of many families, newest first. */
  ofFamilies(familyIds: readonly string[]): Promise<FamilyPlanEntity[]> {
    return this.db
      .getRepository(FamilyPlanEntity)
      .find({ where: { familyId: In([...familyIds]) }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** The open plan of many families (at most one each). */
  openOfFamilies(familyIds: readonly string[]): Promise<FamilyPlanEntity[]> {
    return this.db.getRepository(FamilyPlanEntity).findBy({ familyId: In([...familyIds]), status: 'OPEN' });
  }

  /** The versions of many plans, oldest first. */
  versionsOfPlans(planIds: readonly string[]): Promise<FamilyPlanVersionEntity[]> {
    return this.db
      .getRepository(FamilyPlanVersionEntity)
      .find({ where: { planId: In([...planIds]) }, order: { version: 'ASC' } });
  }

  /** The phases of plan versions (keys from `versionKey`), in time order. */
  phasesOfVersions(keys: readonly string[]): Promise<PlanPhaseEntity[]> {
    return this.db
      .getRepository(PlanPhaseEntity)
      .find({ where: { planId: In(planIdsOf(keys)) }, order: { position: 'ASC' } });
  }

  /** The goal wordings of plan versions (keys from `versionKey`), in the plan's order. */
  goalVersionsOfVersions(keys: readonly string[]): Promise<PlanGoalVersionEntity[]> {
    return this.db
      .getRepository(PlanGoalVersionEntity)
      .find({ where: { planId: In(planIdsOf(keys)) }, order: { position: 'ASC' } });
  }

  goalsByIds(ids: readonly string[]): Promise<PlanGoalEntity[]> {
    return this.db.getRepository(PlanGoalEntity).findBy({ id: In([...ids]) });
  }

  /** The current goals of many plans, in the order of each plan's current version. */
  currentGoalsOfPlans(planIds: readonly string[], tx: EntityManager = this.db.manager): Promise<PlanGoalEntity[]> {
    return tx
      .getRepository(PlanGoalEntity)
      .createQueryBuilder('g')
      .innerJoin(FamilyPlanEntity, 'p', 'p.id = g.plan_id')
      .innerJoin(
        PlanGoalVersionEntity,
        'gv',
        'gv.goal_id = g.id AND gv.plan_id = g.plan_id AND gv.plan_version = p.version',
      )
      .where('g.plan_id IN (:...planIds)', { planIds: [...planIds] })
      .andWhere('g.removed_in_version IS NULL')
      .orderBy('gv.position', 'ASC')
      .getMany();
  }

  /** The status changes of many goals, oldest first. */
  statusChangesOfGoals(goalIds: readonly string[]): Promise<GoalStatusChangeEntity[]> {
    return this.db
      .getRepository(GoalStatusChangeEntity)
      .find({ where: { goalId: In([...goalIds]) }, order: { id: 'ASC' } });
  }

  /** Locks a plan of the municipality for a change (refused at `field` when there is none). */
  async lockPlan(tx: EntityManager, planId: string, municipalityCode: string, field: string) {
    const plan = namesRow(planId)
      ? await tx
          .getRepository(FamilyPlanEntity)
          .findOne({ where: { id: planId, municipalityCode }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!plan) throw new UserInputError(field, NO_PLAN);
    return plan;
  }

  /** The family's current members and what an assessment id names, read in the transaction. */
  async familyFacts(
    tx: EntityManager,
    family: FamilyEntity,
    assessmentId: string | null | undefined,
  ): Promise<FamilyFacts> {
    const members = await tx
      .getRepository(PersonEntity)
      .find({ select: { id: true }, where: { familyId: family.id, removedOn: IsNull() } });
    const assessment = namesRow(assessmentId)
      ? await tx
          .getRepository(AssessmentEntity)
          .findOneBy({ id: assessmentId, municipalityCode: family.municipalityCode })
      : null;
    return {
      familyId: family.id,
      familyStatus: family.status,
      memberIds: new Set(members.map((m) => m.id)),
      assessmentFamilyId: assessment?.familyId ?? null,
    };
  }

  /** Writes a new plan, version 1, with its phases and goals, after `decide` accepts it. */
  async create(
    request: { familyId: string; municipalityCode: string; basedOnAssessmentId?: string | null },
    createdBy: string,
    decide: (facts: NewPlanFacts) => ValidPlanContent,
  ): Promise<FamilyPlanEntity> {
    try {
      return await this.db.transaction(async (tx) => {
        // Locking the family serialises plan creation: the open-plan check below cannot race.
        const family = namesRow(request.familyId)
          ? await tx.getRepository(FamilyEntity).findOne({
              where: { id: request.familyId, municipalityCode: request.municipalityCode },
              lock: { mode: 'pessimistic_write' },
            })
          : null;
        if (!family) throw new UserInputError('input.familyId', 'There is no family with this id in your municipality');
        const open = await tx.getRepository(FamilyPlanEntity).findOneBy({ familyId: family.id, status: 'OPEN' });
        const content = decide({
          ...(await this.familyFacts(tx, family, request.basedOnAssessmentId)),
          openPlanVersion: open?.version ?? null,
        });
        const plan = await tx.getRepository(FamilyPlanEntity).save(
          tx.getRepository(FamilyPlanEntity).create({
            municipalityCode: family.municipalityCode,
            familyId: family.id,
            status: 'OPEN',
            version: 1,
            startsOn: content.startsOn,
            followUpCadenceWeeks: content.followUpCadenceWeeks,
            basedOnAssessmentId: content.basedOnAssessmentId,
            closedOn: null,
            closeReason: null,
            createdBy,
          }),
        );
        const { phases, goals } = await this.writeVersion(tx, plan, content, null, createdBy, []);
        const change = { municipalityCode: plan.municipalityCode, familyId: plan.familyId, changedBy: createdBy };
        await this.history.record(tx, [
          {
            ...change,
            entity: 'FamilyPlan',
            entityId: plan.id,
            operation: 'CREATE',
            after: { ...plan, phases: phases.map(phaseSnapshot) },
          },
          ...goals.map((g) => ({ ...change, entity: 'PlanGoal', entityId: g.id, operation: 'CREATE', after: g })),
        ]);
        return plan;
      });
    } catch (error) {
      // Two plans created for one family at the same moment: the partial unique index decides.
      if ((error as { constraint?: string }).constraint === OPEN_PLAN_KEY) {
        throw new UserInputError('input.familyId', 'The family already has an open plan: revise it, or close it first');
      }
      throw error;
    }
  }

  /** Writes the next version of an open plan after `decide` accepts the revision. */
  async revise(
    request: { planId: string; municipalityCode: string; basedOnAssessmentId?: string | null },
    changedBy: string,
    decide: (facts: RevisionFacts) => ValidRevision,
  ): Promise<FamilyPlanEntity> {
    return this.db.transaction(async (tx) => {
      const plan = await this.lockPlan(tx, request.planId, request.municipalityCode, 'input.planId');
      const family = await tx.getRepository(FamilyEntity).findOneByOrFail({ id: plan.familyId });
      const currentGoals = await this.currentGoalsOfPlans([plan.id], tx);
      const currentPhases = await tx
        .getRepository(PlanPhaseEntity)
        .find({ where: { planId: plan.id, planVersion: plan.version }, order: { position: 'ASC' } });
      const served = await tx
        .getRepository(PlanActivityEntity)
        .find({ select: { goalId: true }, where: { planId: plan.id, status: In(['PLANNED', 'ACTIVE']) } });
      const revision = decide({
        ...(await this.familyFacts(tx, family, request.basedOnAssessmentId)),
        plan: currentOf(plan),
        phases: currentPhases.map((p) => ({ name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, focus: p.focus })),
        goals: currentGoals.map(goalContent),
        goalsServedByOpenActivities: new Set(served.map((a) => a.goalId).filter((id): id is string => !!id)),
      });

      const repo = tx.getRepository(FamilyPlanEntity);
      const change = {
        startsOn: revision.startsOn,
        followUpCadenceWeeks: revision.followUpCadenceWeeks,
        basedOnAssessmentId: revision.basedOnAssessmentId,
        version: plan.version + 1,
      };
      await repo.update({ id: plan.id }, change);
      const revised = repo.create({ ...plan, ...change });
      const written = await this.writeVersion(tx, revised, revision, revision.reason, changedBy, currentGoals);

      const byId = new Map(currentGoals.map((g) => [g.id, g]));
      const removed = revision.removedGoalIds.map((id) => byId.get(id)!);
      if (removed.length > 0) {
        await tx
          .getRepository(PlanGoalEntity)
          .update({ id: In(removed.map((g) => g.id)) }, { removedInVersion: revised.version });
      }
      const base = { municipalityCode: plan.municipalityCode, familyId: plan.familyId, changedBy };
      await this.history.record(tx, [
        {
          ...base,
          entity: 'FamilyPlan',
          entityId: plan.id,
          operation: 'REVISE',
          before: { ...plan, phases: currentPhases.map(phaseSnapshot) },
          after: { ...revised, phases: written.phases.map(phaseSnapshot) },
          reason: revision.reason,
        },
        ...written.changedGoals.map(({ before, after }) => ({
          ...base,
          entity: 'PlanGoal',
          entityId: after.id,
          operation: before ? 'UPDATE' : 'CREATE',
          before,
          after,
          reason: revision.reason,
        })),
        ...removed.map((g) => ({
          ...base,
          entity: 'PlanGoal',
          entityId: g.id,
          operation: 'REMOVE',
          before: g,
          after: { ...g, removedInVersion: revised.version },
          reason: revision.reason,
        })),
      ]);
      return revised;
    });
  }

  /** Closes an open plan after `decide` accepts it. */
  async close(
    request: { planId: string; municipalityCode: string },
    changedBy: string,
    decide: (facts: { plan: CurrentPlan; openActivities: number }) => { closedOn: string; reason: string },
  ): Promise<FamilyPlanEntity> {
    return this.db.transaction(async (tx) => {
      const plan = await this.lockPlan(tx, request.planId, request.municipalityCode, 'input.planId');
      const openActivities = await tx
        .getRepository(PlanActivityEntity)
        .countBy({ planId: plan.id, status: In(['PLANNED', 'ACTIVE']) });
      const { closedOn, reason } = decide({ plan: currentOf(plan), openActivities });
      const change = { status: 'CLOSED' as const, closedOn, closeReason: reason };
      await tx.getRepository(FamilyPlanEntity).update({ id: plan.id }, change);
      const closed = tx.getRepository(FamilyPlanEntity).create({ ...plan, ...change });
      await this.history.record(tx, [
        {
          municipalityCode: plan.municipalityCode,
          familyId: plan.familyId,
          entity: 'FamilyPlan',
          entityId: plan.id,
          operation: 'CLOSE',
          changedBy,
          before: plan,
          after: closed,
          reason,
        },
      ]);
      return closed;
    });
  }

  /** Sets a goal's status by hand after `decide` accepts it; no change when the status is the same. */
  async changeGoalStatus(
    request: { goalId: string; municipalityCode: string; today: string },
    changedBy: string,
    decide: (facts: { planStatus: FamilyPlanEntity['status']; removed: boolean }) => {
      status: GoalStatus;
      note: string | null;
    },
  ): Promise<PlanGoalEntity> {
    return this.db.transaction(async (tx) => {
      const goal = namesRow(request.goalId)
        ? await tx.getRepository(PlanGoalEntity).findOneBy({ id: request.goalId })
        : null;
      if (!goal || goal.municipalityCode !== request.municipalityCode) {
        throw new UserInputError('input.goalId', 'There is no goal with this id in your municipality');
      }
      const plan = await this.lockPlan(tx, goal.planId, request.municipalityCode, 'input.goalId');
      const { status, note } = decide({ planStatus: plan.status, removed: goal.removedInVersion !== null });
      const [changed] = await this.recordGoalStatuses(
        tx,
        [{ goal, to: status, changedOn: request.today, note, followUpId: null }],
        changedBy,
      );
      return changed ?? goal;
    });
  }

  /**
   * Writes goal status changes in the caller's transaction: the goal's status,
   * a status-change row and a history row each. Changes to the status a goal
   * already has are skipped. Returns the changed goals.
   */
  async recordGoalStatuses(
    tx: EntityManager,
    updates: GoalStatusUpdate[],
    changedBy: string,
  ): Promise<PlanGoalEntity[]> {
    const real = updates.filter((u) => u.goal.status !== u.to);
    if (real.length === 0) return [];
    const repo = tx.getRepository(PlanGoalEntity);
    const changed: PlanGoalEntity[] = [];
    for (const u of real) {
      await repo.update({ id: u.goal.id }, { status: u.to });
      changed.push(repo.create({ ...u.goal, status: u.to }));
    }
    const changes = tx.getRepository(GoalStatusChangeEntity);
    await changes.save(
      real.map((u) =>
        changes.create({
          goalId: u.goal.id,
          planId: u.goal.planId,
          fromStatus: u.goal.status,
          toStatus: u.to,
          changedOn: u.changedOn,
          note: u.note,
          followUpId: u.followUpId,
          municipalityCode: u.goal.municipalityCode,
          familyId: u.goal.familyId,
          createdBy: changedBy,
        }),
      ),
    );
    await this.history.record(
      tx,
      real.map((u, i) => ({
        municipalityCode: u.goal.municipalityCode,
        familyId: u.goal.familyId,
        entity: 'PlanGoal',
        entityId: u.goal.id,
        operation: 'STATUS',
        changedBy,
        before: u.goal,
        after: changed[i]!,
        reason: u.note,
      })),
    );
    return changed;
  }

  /**
   * Writes one version's rows: the version itself, its phases, and each goal's
   * wording (new goals are inserted; kept goals whose wording changed are updated).
   */
  private async writeVersion(
    tx: EntityManager,
    plan: FamilyPlanEntity,
    content: ValidPlanContent,
    reason: string | null,
    createdBy: string,
    currentGoals: PlanGoalEntity[],
  ) {
    const owner = { municipalityCode: plan.municipalityCode, familyId: plan.familyId, createdBy };
    await tx.getRepository(FamilyPlanVersionEntity).insert({
      ...owner,
      planId: plan.id,
      version: plan.version,
      startsOn: plan.startsOn,
      followUpCadenceWeeks: plan.followUpCadenceWeeks,
      basedOnAssessmentId: plan.basedOnAssessmentId,
      reason,
    });
    const phaseRepo = tx.getRepository(PlanPhaseEntity);
    const phases = content.phases.map((p: ValidPhase, position) =>
      phaseRepo.create({ ...owner, ...p, planId: plan.id, planVersion: plan.version, position }),
    );
    if (phases.length > 0) await phaseRepo.insert(phases);

    const goalRepo = tx.getRepository(PlanGoalEntity);
    const current = new Map(currentGoals.map((g) => [g.id, g]));
    const changedGoals: Array<{ before: PlanGoalEntity | null; after: PlanGoalEntity }> = [];
    const goals: PlanGoalEntity[] = [];
    for (const goal of content.goals) {
      const wording = { memberId: goal.memberId, description: goal.description, targetDate: goal.targetDate };
      const before = goal.id ? current.get(goal.id) : undefined;
      if (!before) {
        goals.push(
          goalRepo.create({
            ...owner,
            ...wording,
            planId: plan.id,
            status: 'NOT_STARTED',
            addedInVersion: plan.version,
            removedInVersion: null,
          }),
        );
        continue;
      }
      const after = goalRepo.create({ ...before, ...wording });
      if (
        before.memberId !== after.memberId ||
        before.description !== after.description ||
        before.targetDate !== after.targetDate
      ) {
        await goalRepo.update({ id: before.id }, wording);
        changedGoals.push({ before, after });
      }
      goals.push(after);
    }
    const inserted = goals.filter((g) => !g.id);
    if (inserted.length > 0) await goalRepo.save(inserted);
    changedGoals.push(...inserted.map((after) => ({ before: null, after })));

    const versionRepo = tx.getRepository(PlanGoalVersionEntity);
    await versionRepo.insert(
      goals.map((g, position) =>
        versionRepo.create({
          ...owner,
          planId: plan.id,
          planVersion: plan.version,
          goalId: g.id,
          position,
          memberId: g.memberId,
          description: g.description,
          targetDate: g.targetDate,
        }),
      ),
    );
    return { phases, goals, changedGoals };
  }
}

const currentOf = (plan: FamilyPlanEntity): CurrentPlan => ({
  status: plan.status,
  startsOn: plan.startsOn,
  followUpCadenceWeeks: plan.followUpCadenceWeeks,
  basedOnAssessmentId: plan.basedOnAssessmentId,
  version: plan.version,
});

const goalContent = (g: PlanGoalEntity): ValidGoal => ({
  id: g.id,
  memberId: g.memberId,
  description: g.description,
  targetDate: g.targetDate,
});

const phaseSnapshot = (p: PlanPhaseEntity) => ({
  name: p.name,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  focus: p.focus,
});
