import { In, type DataSource, type EntityManager } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import type { PersonEntity } from '../person/person.entity';
import type { ConsentFacts, ValidConsent } from './consent';
import { ConsentEntity } from './consent.entity';
import type { CustodyStore } from './custody-store';
import type { ValidLegalBasis } from './legal-basis';
import { LegalBasisEntity } from './legal-basis.entity';
import { lockedMembers, lockedRow } from './locked-members';

/**
 * Consents and other legal bases for sharing a person's data. Nothing is ever
 * deleted: a consent is withdrawn and a legal basis ended, each with its
 * history row (before and after).
 */
export class ConsentStore {
  constructor(
    private readonly db: DataSource,
    private readonly custody: CustodyStore,
    private readonly history: HistoryStore,
  ) {}

  consentsByIds(ids: readonly string[]): Promise<ConsentEntity[]> {
    return this.db.getRepository(ConsentEntity).findBy({ id: In([...ids]) });
  }

  /** The consents about many persons in one statement, oldest first. */
  consentsByPersonIds(personIds: readonly string[]): Promise<ConsentEntity[]> {
    return this.db.getRepository(ConsentEntity).find({
      where: { personId: In([...personIds]) },
      order: { validFrom: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  legalBasesByIds(ids: readonly string[]): Promise<LegalBasisEntity[]> {
    return this.db.getRepository(LegalBasisEntity).findBy({ id: In([...ids]) });
  }

  /** The legal bases about many persons in one statement, oldest first. */
  legalBasesByPersonIds(personIds: readonly string[]): Promise<LegalBasisEntity[]> {
    return this.db.getRepository(LegalBasisEntity).find({
      where: { personId: In([...personIds]) },
      order: { validFrom: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Records a consent in one transaction, under the family's lock: `decide`
   * (the domain rules) sees the person, the giver and the person's custody
   * holders as they are now, and throws to refuse.
   */
  async giveConsent(
    municipalityCode: string,
    ids: { personId: string; givenById: string },
    createdBy: string,
    decide: (facts: ConsentFacts) => ValidConsent,
  ): Promise<ConsentEntity> {
    return this.db.transaction(async (tx) => {
      const member = await lockedMembers(tx, municipalityCode, ids.personId, [ids.personId, ids.givenById]);
      const person = member(ids.personId);
      const custodyHolderIds = person ? await this.custody.currentHolderIdsIn(tx, person.id) : [];
      const valid = decide({ person, givenBy: member(ids.givenById), custodyHolderIds });
      const repo = tx.getRepository(ConsentEntity);
      const saved = await repo.save(
        repo.create({ ...valid, municipalityCode, withdrawnOn: null, withdrawalReason: null, createdBy }),
      );
      await this.record(tx, saved, 'Consent', 'CREATE', createdBy, null);
      return saved;
    });
  }

  /**
   * Withdraws a consent: the row is kept with its withdrawal day and reason.
   * `decide` sees the consent as it is now (locked) and throws to refuse.
   */
  async withdrawConsent(
    municipalityCode: string,
    consentId: string,
    changedBy: string,
    decide: (current: ConsentEntity) => Pick<ConsentEntity, 'withdrawnOn' | 'withdrawalReason'>,
  ): Promise<ConsentEntity> {
    return this.db.transaction(async (tx) => {
      const current = await lockedRow(tx, ConsentEntity, municipalityCode, consentId, 'input.consentId', 'consent');
      const change = decide(current);
      const repo = tx.getRepository(ConsentEntity);
      await repo.update({ id: current.id }, change);
      const after = repo.create({ ...current, ...change });
      await this.record(tx, after, 'Consent', 'WITHDRAW', changedBy, current, change.withdrawalReason);
      return after;
    });
  }

  /** Records a legal basis under the family's lock; `decide` sees the person as they are now. */
  async recordLegalBasis(
    municipalityCode: string,
    personId: string,
    createdBy: string,
    decide: (person: PersonEntity | null) => ValidLegalBasis,
  ): Promise<LegalBasisEntity> {
    return this.db.transaction(async (tx) => {
      const member = await lockedMembers(tx, municipalityCode, personId, [personId]);
      const valid = decide(member(personId));
      const repo = tx.getRepository(LegalBasisEntity);
      const saved = await repo.save(repo.create({ ...valid, municipalityCode, createdBy }));
      await this.record(tx, saved, 'LegalBasis', 'CREATE', createdBy, null);
      return saved;
    });
  }

  /** Ends a legal basis (sets or brings forward its last day); `decide` sees it locked. */
  async endLegalBasis(
    municipalityCode: string,
    legalBasisId: string,
    changedBy: string,
    decide: (current: LegalBasisEntity) => Pick<LegalBasisEntity, 'validTo'>,
  ): Promise<LegalBasisEntity> {
    return this.db.transaction(async (tx) => {
      const current = await lockedRow(
        tx,
        LegalBasisEntity,
        municipalityCode,
        legalBasisId,
        'input.legalBasisId',
        'legal basis',
      );
      const change = decide(current);
      const repo = tx.getRepository(LegalBasisEntity);
      await repo.update({ id: current.id }, change);
      const after = repo.create({ ...current, ...change });
      await this.record(tx, after, 'LegalBasis', 'END', changedBy, current);
      return after;
    });
  }

  private record(
    tx: EntityManager,
    after: ConsentEntity | LegalBasisEntity,
    entity: string,
    operation: string,
    changedBy: string,
    before: object | null,
    reason?: string | null,
  ) {
    return this.history.record(tx, [
      {
        municipalityCode: after.municipalityCode,
        familyId: after.familyId,
        entity,
        entityId: after.id,
        operation,
        changedBy,
        before,
        after,
        reason: reason ?? null,
      },
    ]);
  }
}
