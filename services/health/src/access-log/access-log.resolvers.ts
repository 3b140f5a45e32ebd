import { accessLogContribution } from '@helhed/server';
import type { HealthContext } from '../context';

/** The health subgraph's part of a person's access log: its own audit rows (see `accessLogContribution`). */
export const accessLogResolvers = accessLogContribution<HealthContext>('healthEntries', (ctx) => ctx.stores.auditLog);
