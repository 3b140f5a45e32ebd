import { accessLogContribution } from '@helhed/server';
import type { EconomyContext } from '../context';

/** The economy subgraph's part of a person's access log: its own audit rows (see `accessLogContribution`). */
export const accessLogResolvers = accessLogContribution<EconomyContext>('economyEntries', (ctx) => ctx.stores.auditLog);
