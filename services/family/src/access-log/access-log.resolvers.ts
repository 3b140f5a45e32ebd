import type { GraphQLResolveInfo } from 'graphql';
import { fieldPathOf, type AuditEntry } from '@helhed/audit';
import { UserInputError } from '@helhed/errors';
import { authorizeAccessLog } from '@helhed/identity';
import type { AccessLogKey } from '@helhed/server';
import type { FamilyContext } from '../context';
import { parseCpr } from '../cpr/cpr';
import { isUuid } from '../ids';
import type { PersonEntity } from '../person/person.entity';
import { accessLogCsv, accessLogPeriodProblem, mergeAccessLog, type AccessLogEntry } from './access-log';

/** The other subgraphs' parts (their `AccessLog.<source>Entries`, fetched by `@requires`). A new part adds a line here. */
interface AccessLogParts extends AccessLogKey {
  employmentEntries?: AuditEntry[];
  healthEntries?: AuditEntry[];
  economyEntries?: AuditEntry[];
}

function checkPeriod(from: string, to: string): void {
  const problem = accessLogPeriodProblem(from, to);
  if (problem) throw new UserInputError(problem.field, problem.message);
}

/** The merged log of a person (family's own audit rows and every part), with the caseworkers named. */
async function entriesOf(ctx: FamilyContext, log: AccessLogParts): Promise<AccessLogEntry[]> {
  authorizeAccessLog(ctx.identity, ctx.identity.municipality);
  const own = await ctx.stores.auditLog.entriesOf(ctx.identity.municipality, log.personId, log.from, log.to);
  const parts = [
    { source: 'family', entries: own },
    { source: 'employment', entries: log.employmentEntries ?? [] },
    { source: 'health', entries: log.healthEntries ?? [] },
    { source: 'economy', entries: log.economyEntries ?? [] },
  ];
  const userIds = [...new Set(parts.flatMap((p) => p.entries.map((e) => e.userId)))].filter(isUuid);
  const caseworkers = await Promise.all(userIds.map((id) => ctx.loaders.caseworker.load(id)));
  const names = new Map<string, string>();
  for (const c of caseworkers) if (c && c.municipalityCode === ctx.identity.municipality) names.set(c.id, c.name);
  return mergeAccessLog(parts, names);
}

export const accessLogResolvers = {
  Query: {
    accessLogsByCpr: async (
      _: unknown,
      args: { cpr: string; from: string; to: string },
      ctx: FamilyContext,
    ): Promise<AccessLogKey[]> => {
      authorizeAccessLog(ctx.identity, ctx.identity.municipality);
      const cpr = parseCpr(args.cpr);
      if (!cpr.ok) throw new UserInputError('cpr', cpr.reason);
      checkPeriod(args.from, args.to);
      const ids = await ctx.stores.accessLogPersons.idsByCpr(ctx.identity.municipality, cpr.value.digits);
      return ids.map((personId) => ({ personId, from: args.from, to: args.to }));
    },
    accessLog: async (
      _: unknown,
      args: { personId: string; from: string; to: string },
      ctx: FamilyContext,
    ): Promise<AccessLogKey | null> => {
      authorizeAccessLog(ctx.identity, ctx.identity.municipality);
      checkPeriod(args.from, args.to);
      if (!isUuid(args.personId)) return null;
      const person = await ctx.loaders.person.load(args.personId.toLowerCase());
      if (!person || person.municipalityCode !== ctx.identity.municipality) return null;
      return { personId: person.id, from: args.from, to: args.to };
    },
  },
  Person: {
    accessLog: (person: PersonEntity, args: { from: string; to: string }, ctx: FamilyContext): AccessLogKey => {
      authorizeAccessLog(ctx.identity, person.municipalityCode);
      checkPeriod(args.from, args.to);
      return { personId: person.id, from: args.from, to: args.to };
    },
  },
  AccessLog: {
    __resolveReference: (ref: AccessLogParts, ctx: FamilyContext) => {
      authorizeAccessLog(ctx.identity, ctx.identity.municipality);
      return ref;
    },
    // Reading a person's access log is itself audited (BASIC: who the person is and who looked).
    entries: async (log: AccessLogParts, _: unknown, ctx: FamilyContext, info: GraphQLResolveInfo) => {
      const entries = await entriesOf(ctx, log);
      ctx.audit.record({
        personId: log.personId,
        category: 'BASIC',
        fieldPath: fieldPathOf(info.path),
        operation: 'READ',
      });
      return entries;
    },
    csv: async (log: AccessLogParts, _: unknown, ctx: FamilyContext, info: GraphQLResolveInfo) => {
      const csv = accessLogCsv(await entriesOf(ctx, log));
      ctx.audit.record({
        personId: log.personId,
        category: 'BASIC',
        fieldPath: fieldPathOf(info.path),
        operation: 'EXPORT',
      });
      return csv;
    },
  },
};
