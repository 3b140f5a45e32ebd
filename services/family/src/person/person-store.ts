import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { CprVault } from '../cpr/cpr-vault';
import { lockFamily } from '../family/family-store';
import type { FamilyEntity } from '../family/family.entity';
import type { HistoryStore } from '@helhed/history';
import type { MemberChangeState, PersonChange, ValidNewMember } from './member';
import { PersonEntity } from './person.entity';

export class PersonStore {
  constructor(
    private readonly db: DataSource,
    private readonly vault: CprVault,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<PersonEntity[]> {
    return this.db.getRepository(PersonEntity).findBy({ id: In([...ids]) });
  }

  /** Current members of many families in one statement, oldest first within each family. */
  byFamilyIds(familyIds: readonly string[]): Promise<PersonEntity[]> {
    return this.db.getRepository(PersonEntity).find({
      where: { familyId: In([...familyIds]), removedOn: IsNull() },
      order: { birthDate: 'ASC', id: 'ASC' },
    });
  }

  /** Former (removed) members of many families in one statement, most recently removed first. */
  formerByFamilyIds(familyIds: readonly string[]): Promise<PersonEntity[]> {
    return this.db.getRepository(PersonEntity).find({
      where: { familyId: In([...familyIds]), removedOn: Not(IsNull()) },
      order: { removedOn: 'DESC', id: 'ASC' },
    });
  }

  /**
   * Adds a member to a family in one transaction. `check` (the domain rules)
   * sees the locked family, its current members and whether one of them has
   * the same CPR number, and throws to refuse.
   */
  async add(
    familyId: string,
    member: ValidNewMember,
    createdBy: string,
    check: (state: MemberChangeState & { sameCprMember: PersonEntity | null }) => void,
  ): Promise<PersonEntity> {
    const cprHash = this.vault.hash(member.cpr.digits);
    try {
      return await this.db.transaction(async (tx) => {
        const state = await this.lockedState(tx, familyId);
        check({ ...state, sameCprMember: state.members.find((m) => m.cprHash.equals(cprHash)) ?? null });
        const repo = tx.getRepository(PersonEntity);
        const saved = await repo.save(
          repo.create({
            familyId,
            municipalityCode: state.family.municipalityCode,
            firstName: member.firstName,
            lastName: member.lastName,
            role: member.role,
            birthDate: member.cpr.birthDate,
            sex: member.cpr.sex,
            cprEncrypted: this.vault.encrypt(member.cpr.digits),
            cprHash,
            removedOn: null,
            removalReason: null,
          }),
        );
        await this.history.record(tx, [
          {
            municipalityCode: saved.municipalityCode,
            familyId,
            entity: 'Person',
            entityId: saved.id,
            operation: 'CREATE',
            changedBy: createdBy,
            after: saved,
          },
        ]);
        return saved;
      });
    } catch (error) {
      // Two requests adding the same person at once: the partial unique index decides.
      if ((error as { constraint?: string }).constraint === 'person_family_cpr_key') {
        throw new UserInputError('input.cpr', 'A current member of the family has this CPR number');
      }
      throw error;
    }
  }

  /**
   * Changes a member (name, role, or soft removal) in one transaction: `decide`
   * (the domain rules) works out the change from the member, the locked family
   * and its current members. Writes the change and its history row
   * (before/after); writes nothing when `decide` throws or changes nothing.
   */
  async change(
    personId: string,
    changedBy: string,
    operation: string,
    decide: (person: PersonEntity, state: MemberChangeState) => PersonChange,
    reason?: string | null,
  ): Promise<PersonEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(PersonEntity);
      const found = await repo.findOneBy({ id: personId });
      if (!found) throw new UserInputError('input.personId', 'There is no person with this id in your municipality');
      const state = await this.lockedState(tx, found.familyId);
      // Read again under the family's lock: the member may have changed meanwhile.
      const person = (await repo.findOneBy({ id: personId }))!;
      const change = decide(person, state);
      if (!Object.entries(change).some(([k, v]) => person[k as keyof PersonChange] !== v)) return person;
      await repo.update({ id: personId }, change);
      const after = repo.create({ ...person, ...change });
      await this.history.record(tx, [
        {
          municipalityCode: person.municipalityCode,
          familyId: person.familyId,
          entity: 'Person',
          entityId: personId,
          operation,
          changedBy,
          before: person,
          after,
          reason: reason ?? null,
        },
      ]);
      return after;
    });
  }

  private async lockedState(
    tx: EntityManager,
    familyId: string,
  ): Promise<MemberChangeState & { family: FamilyEntity }> {
    const family = await lockFamily(tx, familyId);
    const members = await tx.getRepository(PersonEntity).findBy({ familyId, removedOn: IsNull() });
    return { family, members };
  }
}
