import { CaseworkerEntity } from '../caseworker/caseworker.entity';
import { FamilyEntity } from '../family/family.entity';
import { ChangeRecordEntity } from '../history/change-record.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { CustodyEntity } from '../person/custody.entity';
import { PersonEntity } from '../person/person.entity';
import { Initial1763800000000 } from './migrations/1763800000000-Initial';
import { HistoryAndCustody1764000000000 } from './migrations/1764000000000-HistoryAndCustody';

/**
 * The family service's entities and migrations, listed explicitly. Each domain
 * folder adds its entities and its migration here (migrations run in timestamp order).
 */
export const entities = [
  MunicipalityEntity,
  CaseworkerEntity,
  FamilyEntity,
  PersonEntity,
  CustodyEntity,
  ChangeRecordEntity,
];

export const migrations = [Initial1763800000000, HistoryAndCustody1764000000000];
