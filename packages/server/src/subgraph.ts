import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse } from 'graphql';
import { setTenantScope, type TenantScope } from '@helhed/db';
import { DomainError, ForbiddenError } from '@helhed/errors';
import {
  IDENTITY_HEADER,
  PLANNED_FETCH_HEADER,
  PURPOSE_HEADER,
  isPlannedFetch,
  purposeFrom,
  verifyForwardedIdentity,
  type Identity,
} from '@helhed/identity';
import { createErrorFormatter } from './errors';
import { createHttpApp, type RunningHttpServer } from './http';
import type { Logger } from './logger';

/** What every resolver of every subgraph gets. Services add their loaders and stores. */
export interface BaseContext {
  identity: Identity;
  /** The gateway-signed identity header as received: passed on when this subgraph asks another (see @helhed/family-directory). */
  forwardedIdentity: string;
  requestId: string;
  /** Why the caller reads, from the `x-helhed-purpose` header the gateway passes on (for the audit rows), or null. */
  purpose: string | null;
  /**
   * Whether this request is a fetch the gateway planned (its signature over
   * the identity, query and variables, `x-helhed-planned-fetch`): the only
   * request that may read a field one subgraph hands another through the plan
   * (see `requirePlannedFetch`). Checked when first asked.
   */
  plannedByGateway: () => boolean;
  logger: Logger;
}

export interface SubgraphOptions<TContext extends BaseContext> {
  name: string;
  /** The subgraph's SDL (with its Federation 2 `@link`). */
  typeDefs: string;
  resolvers: GraphQLResolverMap<TContext>;
  /** Shared secret the gateway signs forwarded identities with. */
  identitySecret: string;
  logger: Logger;
  /** Adds the service's per-request parts (DataLoaders, stores) to the base context. */
  context: (base: BaseContext) => TContext;
  ready?: () => Promise<void>;
  plugins?: ApolloServerPlugin<TContext>[];
  /**
   * Runs when an operation has been executed, before its answer is sent (e.g. writing
   * the request's audit rows). If it fails, the answer is replaced by an error: data
   * whose reading could not be recorded is not sent.
   */
  afterRequest?: (context: TContext) => Promise<void>;
}

export interface RunningSubgraph extends RunningHttpServer {
  apollo: ApolloServer<BaseContext>;
}

/**
 * Reads a service's SDL: `schema.graphql` (the `@link`, scalars, root types)
 * followed by each domain folder's own `src/<concept>/*.graphql`, in path order.
 */
export function readSchema(serviceDir: string): string {
  const parts = [join(serviceDir, 'schema.graphql'), ...graphqlFilesUnder(join(serviceDir, 'src'))];
  return parts.map((file) => readFileSync(file, 'utf8')).join('\n');
}

function graphqlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The tenancy scope of a verified identity: its own municipality; and reads
 * across municipalities for a caller whose only role is NATIONAL_MONITOR (the
 * national view's aggregates — `authorize` gives that role no person).
 */
export function tenantScopeOf(identity: Identity): TenantScope {
  const national = identity.roles.length === 1 && identity.roles[0] === 'NATIONAL_MONITOR';
  return { municipality: identity.municipality, national };
}

/** Whether the request's body is the very fetch the gateway signed (see `isPlannedFetch`). */
function plannedFetch(
  signature: string | string[] | undefined,
  forwardedIdentity: string,
  body: unknown,
  secret: string,
): boolean {
  if (typeof signature !== 'string' || typeof body !== 'object' || body === null) return false;
  const { query, variables } = body as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string') return false;
  if (variables !== undefined && variables !== null && typeof variables !== 'object') return false;
  return isPlannedFetch(
    signature,
    forwardedIdentity,
    { query, variables: variables as Record<string, unknown> },
    secret,
  );
}

/**
 * Refuses a field that one subgraph hands another through the gateway's query
 * plan (an `@inaccessible` input of a `@requires`, such as the person ids
 * behind an aggregate) unless the request is a fetch the gateway planned. The
 * caller's identity does not entitle them to it — a national monitor, for one,
 * sees aggregates only — so a signed identity sent straight to the subgraph
 * gets FORBIDDEN, whatever it may otherwise read.
 */
export function requirePlannedFetch(ctx: BaseContext, what: string): void {
  if (!ctx.plannedByGateway())
    throw new ForbiddenError(`${what} are handed between subgraphs by the gateway's query plan only`);
}

/**
 * Builds one subgraph: Apollo Server 5 with `buildSubgraphSchema`, masked
 * errors, request logging, and the forwarded identity verified on every
 * request (a request that did not come through the gateway is refused with
 * UNAUTHENTICATED and HTTP 401).
 */
export function createSubgraph<TContext extends BaseContext>(options: SubgraphOptions<TContext>) {
  const { logger } = options;
  const schema = buildSubgraphSchema([{ typeDefs: parse(options.typeDefs), resolvers: options.resolvers }]);
  const apollo = new ApolloServer<TContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // runService owns SIGINT/SIGTERM: it stops the HTTP server, Apollo and the database pool in order.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      requestLogging<TContext>(),
      ...(options.afterRequest ? [afterRequestPlugin(options.afterRequest, logger)] : []),
      ...(options.plugins ?? []),
    ],
  });

  const app = createHttpApp<TContext>({
    apollo,
    logger,
    ready: options.ready,
    context: async ({ headers, requestId, body }) => {
      const header = headers[IDENTITY_HEADER];
      let identity: Identity;
      try {
        identity = await verifyForwardedIdentity(
          typeof header === 'string' ? header : undefined,
          options.identitySecret,
        );
      } catch (error) {
        const message = error instanceof DomainError ? error.message : 'Unauthenticated';
        logger.warn({ requestId }, `refused a request: ${message}`);
        throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
      setTenantScope(tenantScopeOf(identity));
      let planned: boolean | undefined;
      const plannedByGateway = () =>
        (planned ??= plannedFetch(headers[PLANNED_FETCH_HEADER], header as string, body, options.identitySecret));
      return options.context({
        identity,
        forwardedIdentity: header as string,
        requestId,
        purpose: purposeFrom(headers[PURPOSE_HEADER]),
        plannedByGateway,
        logger: logger.child({ requestId }),
      });
    },
  });

  return {
    apollo,
    schema,
    async start(port: number, host?: string): Promise<RunningSubgraph> {
      await apollo.start();
      const running = await app.listen(port, host);
      logger.info(`${options.name} subgraph ready at ${running.url.replace('127.0.0.1', 'localhost')}`);
      return {
        ...running,
        apollo: apollo as unknown as ApolloServer<BaseContext>,
        close: async () => {
          await running.close();
          await apollo.stop();
        },
      };
    },
  };
}

/** Logs failed operations with the request id (errors are masked for the client, not for us). */
function requestLogging<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          const codes = errors.map((e) => {
            const original = unwrapResolverError(e);
            return original instanceof DomainError ? original.code : (e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          });
          contextValue.logger?.info({ operationName, codes }, 'operation returned errors');
        },
      };
    },
  };
}

function afterRequestPlugin<TContext extends BaseContext>(
  afterRequest: (context: TContext) => Promise<void>,
  logger: Logger,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await afterRequest(contextValue);
          } catch (error) {
            logger.error({ err: error, requestId: contextValue.requestId }, 'could not finish the request (audit)');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
              ];
            }
          }
        },
      };
    },
  };
}
