import { EmailDeliveryEntity } from '../delivery/email-delivery.entity';
import { EmailDelivery1764000000000 } from './migrations/1764000000000-EmailDelivery';
import { Digest1765300000000 } from './migrations/1765300000000-Digest';
import { EvaluatorExport1765600000001 } from './migrations/1765600000001-EvaluatorExport';
import { EvaluatorExportRetention1765700000000 } from './migrations/1765700000000-EvaluatorExportRetention';
import { DigestRedelivery1765800000000 } from './migrations/1765800000000-DigestRedelivery';

/** The reminder worker's entities and migrations, listed explicitly (digests are read and written in SQL). */
export const entities = [EmailDeliveryEntity];
export const migrations = [
  EmailDelivery1764000000000,
  Digest1765300000000,
  EvaluatorExport1765600000001,
  EvaluatorExportRetention1765700000000,
  DigestRedelivery1765800000000,
];
