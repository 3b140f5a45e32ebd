import { EmailDeliveryEntity } from '../delivery/email-delivery.entity';
import { EmailDelivery1764000000000 } from './migrations/1764000000000-EmailDelivery';

/** The reminder worker's entities and migrations, listed explicitly. */
export const entities = [EmailDeliveryEntity];
export const migrations = [EmailDelivery1764000000000];
