import { accessLogContribution } from '@helhed/server';
import type { EmploymentContext } from '../context';

/** The employment subgraph's part of a person's access log: its own audit rows (see `accessLogContribution`). */
export const accessLogResolvers = accessLogContribution<EmploymentContext>(
  'employmentEntries',
  (ctx) => ctx.stores.auditLog,
);
