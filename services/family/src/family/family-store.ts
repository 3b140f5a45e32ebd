import { In, type DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, keysetPage, type Page, type PageArgs } from '@helhed/db';
import { UserInputError } from '@helhed/errors';
import { isUuid } from '../ids';
import type { CprVault } from '../cpr/cpr-vault';
import type { HistoryStore } from '@helhed/history';
import { PersonEntity } from '../person/person.entity';
import type { FamilyChange } from './family-lifecycle';
import { FamilyEntity, type FamilyStatus } from './family.entity';
import type { ValidNewFamily } from './new-family';

export class FamilyStore {
  constructor(
    private readonly db: DataSource,
    private readonly vault: CprVault,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<FamilyEntity[]> {
    return this.db.getRepository(FamilyEntity).findBy({ id: In([...ids]) });
  }

  /**
   * A page of the municipality's families, newest first, optionally only those
   * with one status or whose current contact person (on `today`) is one caseworker;
   * `visibleTo` narrows it to the families whose team a caseworker is on `today`
   * or whose intake caseworker they are (`team/intake.ts`)
   * (and, `asProjectLead`, those enrolled now or before in a project they lead).
   */
  page(
    municipalityCode: string,
    filter: {
      status?: FamilyStatus | null;
      contactPersonId?: string | null;
      today: string;
      visibleTo?: { caseworkerId: string; asProjectLead: boolean } | null;
    },
    args: PageArgs,
  ): Promise<Page<FamilyEntity>> {
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after);
      if (!isUuid(id) || Number.isNaN(Date.parse(createdAt))) {
        throw new UserInputError('after', 'The cursor is not one this list gave out');
      }
    }
    const qb = this.db
      .getRepository(FamilyEntity)
      .createQueryBuilder('family')
      .where('family.municipality_code = :municipalityCode', { municipalityCode });
    if (filter.status) qb.andWhere('family.status = :status', { status: filter.status });
    if (filter.contactPersonId) {
      qb.andWhere(
        `family.id IN (SELECT a.family_id FROM contact_person_assignment a
           WHERE a.municipality_code = :municipalityCode AND a.caseworker_id = :contactPersonId
             AND a.from_date <= :today AND (a.to_date IS NULL OR a.to_date >= :today))`,
        { contactPersonId: filter.contactPersonId, today: filter.today },
      );
    }
    if (filter.visibleTo) {
      const onTeam = `(family.id IN (SELECT t.family_id FROM family_team_member t
           WHERE t.municipality_code = :municipalityCode AND t.caseworker_id::text = :viewer
             AND t.from_date <= :today AND (t.to_date IS NULL OR t.to_date >= :today))
         OR (family.created_by = :viewer AND NOT EXISTS (SELECT 1 FROM family_team_member f
           WHERE f.family_id = family.id AND f.department = 'FAMILY')))`;
      const ledProject = `family.id IN (SELECT e.family_id FROM project_enrolment e
           JOIN project p ON p.id = e.project_id
           WHERE e.municipality_code = :municipalityCode AND p.project_lead_id::text = :viewer)`;
      qb.andWhere(filter.visibleTo.asProjectLead ? `(${onTeam} OR ${ledProject})` : onTeam, {
        viewer: filter.visibleTo.caseworkerId,
        today: filter.today,
      });
    }
    return keysetPage(qb, args, {
      column: 'family.created_at',
      idColumn: 'family.id',
      value: (row) => row.createdAt.toISOString(),
      descending: true,
    });
  }

  /** The municipality's family with this case reference (unique within the municipality). */
  byCaseReference(municipalityCode: string, caseReference: string): Promise<FamilyEntity | null> {
    return this.db.getRepository(FamilyEntity).findOneBy({ municipalityCode, caseReference });
  }

  /** Families with a current member whose CPR has this keyed hash (uses the hash index; nothing is decrypted). */
  byMemberCpr(municipalityCode: string, cprDigits: string): Promise<FamilyEntity[]> {
    return this.db
      .getRepository(FamilyEntity)
      .createQueryBuilder('family')
      .where('family.municipality_code = :municipalityCode', { municipalityCode })
      .andWhere(
        'family.id IN (SELECT p.family_id FROM person p WHERE p.municipality_code = :municipalityCode AND p.cpr_hash = :hash AND p.removed_on IS NULL)',
        { hash: this.vault.hash(cprDigits) },
      )
      .orderBy('family.created_at', 'DESC')
      .getMany();
  }

  /** Writes the family and all its members in one transaction: all or nothing. */
  async create(family: ValidNewFamily, municipalityCode: string, createdBy: string): Promise<FamilyEntity> {
    try {
      return await this.db.transaction(async (tx) => {
        const saved = await tx.getRepository(FamilyEntity).save(
          tx.getRepository(FamilyEntity).create({
            municipalityCode,
            caseReference: family.caseReference,
            status: family.status,
            enrolmentDate: family.enrolmentDate,
            createdBy,
          }),
        );
        const members = tx.getRepository(PersonEntity).create(
          family.members.map((m) => ({
            familyId: saved.id,
            municipalityCode,
            firstName: m.firstName,
            lastName: m.lastName,
            role: m.role,
            birthDate: m.cpr.birthDate,
            sex: m.cpr.sex,
            cprEncrypted: this.vault.encrypt(m.cpr.digits),
            cprHash: this.vault.hash(m.cpr.digits),
          })),
        );
        await tx.getRepository(PersonEntity).save(members);
        const change = { municipalityCode, familyId: saved.id, operation: 'CREATE', changedBy: createdBy };
        await this.history.record(tx, [
          { ...change, entity: 'Family', entityId: saved.id, after: saved },
          ...members.map((m) => ({ ...change, entity: 'Person', entityId: m.id, after: m })),
        ]);
        return saved;
      });
    } catch (error) {
      throw caseReferenceTaken(error);
    }
  }

  /**
   * Changes a family in one transaction: locks its row, lets `decide` (the
   * domain rules) work out the change from the current state, writes it and its
   * history row (before/after). Nothing is written when `decide` throws or
   * changes nothing.
   */
  async change(
    familyId: string,
    changedBy: string,
    operation: string,
    decide: (current: FamilyEntity) => FamilyChange,
    reason?: string | null,
  ): Promise<FamilyEntity> {
    try {
      return await this.db.transaction(async (tx) => {
        const repo = tx.getRepository(FamilyEntity);
        const current = await lockFamily(tx, familyId);
        const change = decide(current);
        const changed = Object.entries(change).some(([k, v]) => current[k as keyof FamilyChange] !== v);
        if (!changed) return current;
        await repo.update({ id: familyId }, change);
        const after = repo.create({ ...current, ...change });
        await this.history.record(tx, [
          {
            municipalityCode: current.municipalityCode,
            familyId,
            entity: 'Family',
            entityId: familyId,
            operation,
            changedBy,
            before: current,
            after,
            reason: reason ?? null,
          },
        ]);
        return after;
      });
    } catch (error) {
      throw caseReferenceTaken(error);
    }
  }
}

/** The unique case reference, reported on the input field; any other error as it is. */
function caseReferenceTaken(error: unknown): unknown {
  if ((error as { constraint?: string }).constraint === 'family_case_reference_key') {
    return new UserInputError('input.caseReference', 'This case reference is already used by another family');
  }
  return error;
}

/**
 * Reads a family inside a transaction and locks its row until the transaction
 * ends, so that changes to the family, its members or its team are checked
 * against a state nobody else changes meanwhile.
 */
export async function lockFamily(tx: EntityManager, familyId: string, field = 'input.familyId'): Promise<FamilyEntity> {
  const family = await tx
    .getRepository(FamilyEntity)
    .findOne({ where: { id: familyId }, lock: { mode: 'pessimistic_write' } });
  if (!family) throw new UserInputError(field, 'There is no family with this id in your municipality');
  return family;
}
