import { In, type DataSource } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { CprVault } from '../cpr/cpr-vault';
import type { HistoryStore } from '../history/history-store';
import { PersonEntity } from '../person/person.entity';
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

  list(municipalityCode: string, filter: { status?: FamilyStatus | null; first: number; offset: number }) {
    return this.db.getRepository(FamilyEntity).find({
      where: { municipalityCode, ...(filter.status ? { status: filter.status } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: filter.first,
      skip: filter.offset,
    });
  }

  /** Families with a member whose CPR has this keyed hash (uses the hash index; nothing is decrypted). */
  byMemberCpr(municipalityCode: string, cprDigits: string): Promise<FamilyEntity[]> {
    return this.db
      .getRepository(FamilyEntity)
      .createQueryBuilder('family')
      .where('family.municipality_code = :municipalityCode', { municipalityCode })
      .andWhere(
        'family.id IN (SELECT p.family_id FROM person p WHERE p.municipality_code = :municipalityCode AND p.cpr_hash = :hash)',
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
      if ((error as { constraint?: string }).constraint === 'family_case_reference_key') {
        throw new UserInputError('input.caseReference', 'This case reference is already used by another family');
      }
      throw error;
    }
  }
}
