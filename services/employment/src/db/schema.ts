import { BenefitPeriodEntity } from '../benefit-period/benefit-period.entity';
import { BenefitPeriod1763900000000 } from './migrations/1763900000000-BenefitPeriod';

/** The employment service's entities and migrations, listed explicitly. */
export const entities = [BenefitPeriodEntity];
export const migrations = [BenefitPeriod1763900000000];
