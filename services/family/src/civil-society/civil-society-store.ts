import { In, type DataSource } from 'typeorm';
import { keysetPage, type PageArgs } from '@helhed/db';
import { UserInputError } from '@helhed/errors';
import { lockedMembers, lockedRow } from '../consent/locked-members';
import type { HistoryStore } from '@helhed/history';
import { isUuid } from '../ids';
import type { PersonEntity } from '../person/person.entity';
import type { ValidParticipation, ValidPartner } from './civil-society';
import { CivilSocietyParticipationEntity } from './civil-society-participation.entity';
import { CivilSocietyPartnerEntity, type CivilSocietyPartnerKind } from './civil-society-partner.entity';

/** The municipality's civil-society partners and members' activities with them; nothing is deleted. */
export class CivilSocietyStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  partnersByIds(ids: readonly string[]): Promise<CivilSocietyPartnerEntity[]> {
    return this.db.getRepository(CivilSocietyPartnerEntity).findBy({ id: In([...ids]) });
  }

  /** A page of the municipality's partners by name, optionally of one kind. */
  partnerPage(municipalityCode: string, filter: { kind?: CivilSocietyPartnerKind | null }, args: PageArgs) {
    const qb = this.db
      .getRepository(CivilSocietyPartnerEntity)
      .createQueryBuilder('p')
      .where('p.municipality_code = :municipalityCode', { municipalityCode });
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    return keysetPage(qb, args, { column: 'p.name', idColumn: 'p.id', value: (p) => p.name });
  }

  async registerPartner(
    municipalityCode: string,
    partner: ValidPartner,
    createdBy: string,
  ): Promise<CivilSocietyPartnerEntity> {
    try {
      return await this.db.transaction(async (tx) => {
        const repo = tx.getRepository(CivilSocietyPartnerEntity);
        const saved = await repo.save(repo.create({ ...partner, municipalityCode, createdBy }));
        await this.history.record(tx, [
          {
            municipalityCode,
            familyId: null,
            entity: 'CivilSocietyPartner',
            entityId: saved.id,
            operation: 'CREATE',
            changedBy: createdBy,
            after: saved,
          },
        ]);
        return saved;
      });
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'civil_society_partner_name_key') {
        throw new UserInputError('input.name', 'The municipality already has a civil-society partner with this name');
      }
      throw error;
    }
  }

  participationsByIds(ids: readonly string[]): Promise<CivilSocietyParticipationEntity[]> {
    return this.db.getRepository(CivilSocietyParticipationEntity).findBy({ id: In([...ids]) });
  }

  /** The activities of many persons in one statement, latest start first. */
  participationsByPersonIds(personIds: readonly string[]): Promise<CivilSocietyParticipationEntity[]> {
    return this.db.getRepository(CivilSocietyParticipationEntity).find({
      where: { personId: In([...personIds]) },
      order: { startDate: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
  }

  /**
   * Records an activity in one transaction, under the family's lock: `decide`
   * (the domain rules) sees the member and the partner as they are now.
   */
  async recordParticipation(
    municipalityCode: string,
    ids: { personId: string; partnerId: string },
    createdBy: string,
    decide: (person: PersonEntity | null, partner: CivilSocietyPartnerEntity | null) => ValidParticipation,
  ): Promise<CivilSocietyParticipationEntity> {
    return this.db.transaction(async (tx) => {
      const member = await lockedMembers(tx, municipalityCode, ids.personId, [ids.personId]);
      const partner = isUuid(ids.partnerId)
        ? await tx.getRepository(CivilSocietyPartnerEntity).findOneBy({ id: ids.partnerId, municipalityCode })
        : null;
      const valid = decide(member(ids.personId), partner);
      const repo = tx.getRepository(CivilSocietyParticipationEntity);
      const saved = await repo.save(repo.create({ ...valid, municipalityCode, createdBy }));
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: saved.familyId,
          entity: 'CivilSocietyParticipation',
          entityId: saved.id,
          operation: 'CREATE',
          changedBy: createdBy,
          after: saved,
        },
      ]);
      return saved;
    });
  }

  /** Ends an activity; `decide` sees it locked, as it is now. */
  async endParticipation(
    municipalityCode: string,
    participationId: string,
    changedBy: string,
    decide: (current: CivilSocietyParticipationEntity) => Pick<CivilSocietyParticipationEntity, 'endDate'>,
  ): Promise<CivilSocietyParticipationEntity> {
    return this.db.transaction(async (tx) => {
      const current = await lockedRow(
        tx,
        CivilSocietyParticipationEntity,
        municipalityCode,
        participationId,
        'input.participationId',
        'civil-society activity',
      );
      const change = decide(current);
      const repo = tx.getRepository(CivilSocietyParticipationEntity);
      await repo.update({ id: current.id }, change);
      const after = repo.create({ ...current, ...change });
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: current.familyId,
          entity: 'CivilSocietyParticipation',
          entityId: current.id,
          operation: 'END',
          changedBy,
          before: current,
          after,
        },
      ]);
      return after;
    });
  }
}
