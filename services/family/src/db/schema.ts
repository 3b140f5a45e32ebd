import { CaseworkerEntity } from '../caseworker/caseworker.entity';
import { FamilyEntity } from '../family/family.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { PersonEntity } from '../person/person.entity';
import { Initial1763800000000 } from './migrations/1763800000000-Initial';

/** The family service's entities and migrations, listed explicitly. */
export const entities = [MunicipalityEntity, CaseworkerEntity, FamilyEntity, PersonEntity];
export const migrations = [Initial1763800000000];
