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
  FollowUpDueCandidate,
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

  /** The leads of a municipality's projects running on a day, by name of the project. */
  async projectLeadIds(municipalityCode: string, day: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT DISTINCT ON (project_lead_id) project_lead_id::text AS id, name FROM project
        WHERE municipality_code = $1 AND starts_on <= $2 AND ends_on >= $2
        ORDER BY project_lead_id, name`,
      [municipalityCode, day],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Every open plan and every PLANNED or ACTIVE activity of an open plan in a
   * municipality's families that are not CLOSED, with what decides when its next
   * follow-up is due, who is responsible (the plan: the family's contact person
   * on `on`; an activity: its responsible caseworker) and the project lead of the
   * family's open project enrolment. One statement.
   */
  async dueCandidates(municipalityCode: string, on: string): Promise<FollowUpDueCandidate[]> {
    const rows: Array<{
      kind: 'PLAN' | 'ACTIVITY';
      id: string;
      family_id: string;
      case_reference: string;
      starts_on: string;
      cadence: number;
      last_held: string | null;
      responsible_id: string | null;
      project_lead_id: string | null;
    }> = await this.db.query(
      `WITH lead AS (
         SELECT e.family_id, p.project_lead_id
           FROM project_enrolment e JOIN project p ON p.id = e.project_id
          WHERE e.municipality_code = $1 AND e.ended_on IS NULL
       ), contact AS (
         SELECT family_id, caseworker_id
           FROM contact_person_assignment
          WHERE municipality_code = $1 AND from_date <= $2 AND (to_date IS NULL OR to_date >= $2)
       )
       SELECT 'PLAN' AS kind, fp.id::text, fp.family_id::text, f.case_reference, fp.starts_on::text,
              fp.follow_up_cadence_weeks AS cadence,
              (SELECT max(fu.held_on)::text FROM follow_up fu
                WHERE fu.plan_id = fp.id AND fu.activity_id IS NULL AND fu.held_on IS NOT NULL) AS last_held,
              contact.caseworker_id::text AS responsible_id, lead.project_lead_id::text
         FROM family_plan fp
         JOIN family f ON f.id = fp.family_id
         LEFT JOIN contact ON contact.family_id = fp.family_id
         LEFT JOIN lead ON lead.family_id = fp.family_id
        WHERE fp.municipality_code = $1 AND fp.status = 'OPEN' AND f.status <> 'CLOSED'
       UNION ALL
       SELECT 'ACTIVITY', a.id::text, a.family_id::text, f.case_reference, a.starts_on::text,
              a.follow_up_cadence_weeks,
              (SELECT max(fu.held_on)::text FROM follow_up fu
                WHERE fu.activity_id = a.id AND fu.held_on IS NOT NULL),
              a.responsible_caseworker_id::text, lead.project_lead_id::text
         FROM plan_activity a
         JOIN family_plan fp ON fp.id = a.plan_id
         JOIN family f ON f.id = a.family_id
         LEFT JOIN lead ON lead.family_id = a.family_id
        WHERE a.municipality_code = $1 AND a.status IN ('PLANNED', 'ACTIVE') AND fp.status = 'OPEN'
          AND f.status <> 'CLOSED'`,
      [municipalityCode, on],
    );
    return rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      familyId: r.family_id,
      caseReference: r.case_reference,
      startsOn: r.starts_on,
      followUpCadenceWeeks: Number(r.cadence),
      lastHeldOn: r.last_held,
      responsibleId: r.responsible_id,
      projectLeadId: r.project_lead_id,
    }));
  }
}
