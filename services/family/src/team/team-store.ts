import { In, type DataSource, type EntityManager } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { Department } from '@helhed/identity';
import { lockFamily } from '../family/family-store';
import type { Change, HistoryStore } from '@helhed/history';
import { ContactPersonAssignmentEntity } from './contact-person-assignment.entity';
import type { ContactPersonChoice, TeamAssignment, TeamState } from './team';
import { FamilyTeamMemberEntity } from './team-member.entity';

/** The state the team rules decide on, read under the family's lock. */
export interface LockedTeamState extends TeamState {
  memberships: FamilyTeamMemberEntity[];
  assignments: ContactPersonAssignmentEntity[];
}

/**
 * A family's team and its contact person. Every change locks the family's row,
 * lets the domain rules decide on the locked state, and writes its rows with
 * their history in the same transaction. Nothing is deleted: memberships and
 * assignments end.
 */
export class TeamStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  membersByIds(ids: readonly string[]): Promise<FamilyTeamMemberEntity[]> {
    return this.db.getRepository(FamilyTeamMemberEntity).findBy({ id: In([...ids]) });
  }

  /** Every membership (ended ones too) of many families in one statement, in the order they began. */
  membershipsByFamilyIds(familyIds: readonly string[]): Promise<FamilyTeamMemberEntity[]> {
    return this.db.getRepository(FamilyTeamMemberEntity).find({
      where: { familyId: In([...familyIds]) },
      order: { from: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every contact-person assignment of many families in one statement, newest first. */
  assignmentsByFamilyIds(familyIds: readonly string[]): Promise<ContactPersonAssignmentEntity[]> {
    return this.db.getRepository(ContactPersonAssignmentEntity).find({
      where: { familyId: In([...familyIds]) },
      order: { from: 'DESC', id: 'ASC' },
    });
  }

  async assign(
    input: TeamAssignment,
    createdBy: string,
    decide: (state: LockedTeamState) => { department: Department; role: string | null },
  ): Promise<FamilyTeamMemberEntity> {
    return this.db.transaction(async (tx) => {
      const state = await this.lockedState(tx, input.familyId);
      const { department, role } = decide(state);
      const member = await this.insertMember(tx, state, { ...input, department, role }, createdBy);
      await this.history.record(tx, [this.created(member, 'FamilyTeamMember', createdBy)]);
      return member;
    });
  }

  async endMembership(
    teamMemberId: string,
    changedBy: string,
    decide: (membership: FamilyTeamMemberEntity, state: LockedTeamState) => { to: string },
  ): Promise<FamilyTeamMemberEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(FamilyTeamMemberEntity);
      const found = await repo.findOneBy({ id: teamMemberId });
      if (!found) throw new UserInputError('input.teamMemberId', 'There is no team membership with this id');
      const state = await this.lockedState(tx, found.familyId);
      const membership = state.memberships.find((m) => m.id === teamMemberId)!;
      const { to } = decide(membership, state);
      await repo.update({ id: teamMemberId }, { to });
      const after = repo.create({ ...membership, to });
      await this.history.record(tx, [this.ended(membership, after, 'FamilyTeamMember', changedBy)]);
      return after;
    });
  }

  /** Ends the current contact-person assignment, opens the new one, and puts the caseworker on the team if needed. */
  async setContactPerson(
    input: ContactPersonChoice,
    createdBy: string,
    decide: (state: LockedTeamState) => {
      endCurrent: { id: string; to: string } | null;
      reason: string | null;
      joinTeam: Department | null;
    },
  ): Promise<ContactPersonAssignmentEntity> {
    return this.db.transaction(async (tx) => {
      const state = await this.lockedState(tx, input.familyId);
      const plan = decide(state);
      const repo = tx.getRepository(ContactPersonAssignmentEntity);
      const changes: Change[] = [];
      if (plan.endCurrent) {
        const current = state.assignments.find((a) => a.id === plan.endCurrent!.id)!;
        await repo.update({ id: current.id }, { to: plan.endCurrent.to });
        changes.push(
          this.ended(
            current,
            repo.create({ ...current, to: plan.endCurrent.to }),
            'ContactPersonAssignment',
            createdBy,
          ),
        );
      }
      if (plan.joinTeam) {
        const member = await this.insertMember(
          tx,
          state,
          {
            familyId: input.familyId,
            caseworkerId: input.caseworkerId,
            from: input.from,
            department: plan.joinTeam,
            role: null,
          },
          createdBy,
        );
        changes.push(this.created(member, 'FamilyTeamMember', createdBy));
      }
      const assignment = await repo.save(
        repo.create({
          municipalityCode: state.family.municipalityCode,
          familyId: input.familyId,
          caseworkerId: input.caseworkerId,
          from: input.from,
          to: null,
          reason: plan.reason,
          createdBy,
        }),
      );
      changes.push(this.created(assignment, 'ContactPersonAssignment', createdBy, plan.reason));
      await this.history.record(tx, changes);
      return assignment;
    });
  }

  private async lockedState(tx: EntityManager, familyId: string): Promise<LockedTeamState> {
    const family = await lockFamily(tx, familyId);
    const memberships = await tx
      .getRepository(FamilyTeamMemberEntity)
      .find({ where: { familyId }, order: { from: 'ASC' } });
    const assignments = await tx
      .getRepository(ContactPersonAssignmentEntity)
      .find({ where: { familyId }, order: { from: 'DESC' } });
    return { family, memberships, assignments };
  }

  private insertMember(
    tx: EntityManager,
    state: LockedTeamState,
    row: { familyId: string; caseworkerId: string; from: string; department: Department; role: string | null },
    createdBy: string,
  ): Promise<FamilyTeamMemberEntity> {
    const repo = tx.getRepository(FamilyTeamMemberEntity);
    return repo.save(repo.create({ ...row, to: null, municipalityCode: state.family.municipalityCode, createdBy }));
  }

  private created(
    row: { id: string; municipalityCode: string; familyId: string },
    entity: string,
    changedBy: string,
    reason: string | null = null,
  ): Change {
    const { municipalityCode, familyId } = row;
    return { municipalityCode, familyId, entity, entityId: row.id, operation: 'CREATE', changedBy, after: row, reason };
  }

  private ended(
    before: { id: string; municipalityCode: string; familyId: string },
    after: object,
    entity: string,
    changedBy: string,
  ): Change {
    const { municipalityCode, familyId } = before;
    return { municipalityCode, familyId, entity, entityId: before.id, operation: 'END', changedBy, before, after };
  }
}
