import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import {
  IDENTITY_HEADER,
  PLANNED_FETCH_HEADER,
  PURPOSE_HEADER,
  purposeFrom,
  REQUEST_ID_HEADER,
  createCallerTokenVerifier,
  signForwardedIdentity,
  signPlannedFetch,
  type Identity,
} from '@helhed/identity';
import { DomainError } from '@helhed/errors';
import {
  createErrorFormatter,
  createHttpApp,
  createLogger,
  describeError,
  type Logger,
  type RunningHttpServer,
} from '@helhed/server';
import type { GatewayConfig } from './config';
import { depthLimit } from './depth-limit';
import { COST_LIMIT_CODE, aliasLimit, costLimitPlugin } from './limits';
import { RATE_LIMITED_CODE, createRateLimiter } from './rate-limit';

/** Refusals of the gateway's own limits: shown to the client as they are. */
const LIMIT_CODES = new Set([COST_LIMIT_CODE, RATE_LIMITED_CODE]);

type SubgraphResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** A subgraph that gave no answer at all: not started yet, restarting, or down. */
export const SUBGRAPH_UNAVAILABLE_CODE = 'SUBGRAPH_UNAVAILABLE';

/**
 * Sends the gateway's fetches to one subgraph with the caller's signed
 * identity, the request id, and the signature of the fetch itself (the fields
 * subgraphs hand each other through the plan are answered only to it).
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
    private readonly identitySecret: string,
  ) {
    super({ url });
  }

  /**
   * No answer at all from the subgraph (refused, reset, unknown host: no response) is a known condition of a
   * platform whose processes start, restart and stop in any order, not an internal error: the client gets
   * SUBGRAPH_UNAVAILABLE naming the subgraph, and the log a warning with its address and the cause.
   */
  override didEncounterError(
    error: Error,
    fetchRequest: Parameters<RemoteGraphQLDataSource<GatewayContext>['didEncounterError']>[1],
    fetchResponse?: Parameters<RemoteGraphQLDataSource<GatewayContext>['didEncounterError']>[2],
    context?: GatewayContext,
  ): void {
    if (fetchResponse !== undefined || error instanceof GraphQLError) throw error;
    context?.logger.warn(`the ${this.name} subgraph at ${fetchRequest.url} did not answer: ${describeError(error)}`);
    throw new GraphQLError(`The ${this.name} subgraph is not available; try again shortly`, {
      extensions: { code: SUBGRAPH_UNAVAILABLE_CODE, serviceName: this.name },
    });
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    // Headers reach subgraphs only when set here.
    if (context.forwardedIdentity) {
      request.http?.headers.set(IDENTITY_HEADER, context.forwardedIdentity);
      if (request.query) {
        const fetch = { query: request.query, variables: request.variables };
        request.http?.headers.set(
          PLANNED_FETCH_HEADER,
          signPlannedFetch(context.forwardedIdentity, fetch, this.identitySecret),
        );
      }
    }
    if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.purpose) request.http?.headers.set(PURPOSE_HEADER, context.purpose);
  }

  /**
   * A subgraph answers HTTP 400 when a variable does not fit its schema — a
   * custom scalar such as `Date` that only the subgraph checks. The client
   * gets that BAD_USER_INPUT error (message and field) as the subgraph gave
   * it; any other failure becomes an error without the response body, which
   * echoes the request's variables (personal data) into the gateway's log.
   */
  override async errorFromResponse(response: SubgraphResponse) {
    const body: unknown = await this.parseBody(response).catch(() => undefined);
    const first = (body as { errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }> } | undefined)
      ?.errors?.[0];
    if (response.status === 400 && first?.extensions?.code === 'BAD_USER_INPUT' && typeof first.message === 'string') {
      const { code, field } = first.extensions;
      return new GraphQLError(first.message, { extensions: { code, ...(field === undefined ? {} : { field }) } });
    }
    const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : undefined;
    return new GraphQLError(`The ${this.name} subgraph answered HTTP ${response.status}`, {
      extensions: { ...(code ? { code } : {}), serviceName: this.name },
    });
  }
}

export interface GatewayContext {
  identity: Identity;
  requestId: string;
  /** The identity signed for the subgraphs, made once per request. */
  forwardedIdentity: string;
  /** Why the caller reads (the `x-helhed-purpose` header), passed on to the subgraphs' audit rows. */
  purpose: string | null;
  logger: Logger;
}

/**
 * The one entry point: verifies the caller's token, then plans the query over
 * the static, committed supergraph and forwards the identity, signed, to every
 * subgraph it calls.
 */
export async function startGateway(
  config: GatewayConfig,
  options: {
    logger?: Logger;
    /** The rate limit's Redis key prefix and clock (tests). */
    rateLimit?: { prefix?: string; now?: () => number };
  } = {},
): Promise<RunningHttpServer> {
  const logger =
    options.logger ??
    createLogger('gateway', { level: config.LOG_LEVEL, production: config.NODE_ENV === 'production' });
  const overrides: Record<string, string | undefined> = {
    family: config.FAMILY_URL,
    employment: config.EMPLOYMENT_URL,
    health: config.HEALTH_URL,
    economy: config.ECONOMY_URL,
    notifications: config.NOTIFICATIONS_URL,
  };
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    logger,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, overrides[name] ?? url ?? '', config.IDENTITY_SIGNING_SECRET),
  });

  const production = config.NODE_ENV === 'production';
  const formatError = createErrorFormatter(logger);
  // Every limit below refuses a request before the gateway plans it, so no subgraph is called.
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // runService owns SIGINT/SIGTERM: it stops the HTTP server, Apollo and the database pool in order.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const code = formatted.extensions?.code;
      if (typeof code === 'string' && (LIMIT_CODES.has(code) || code === SUBGRAPH_UNAVAILABLE_CODE)) {
        const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
        return { ...formatted, extensions };
      }
      // A subgraph masks and logs its own unexpected errors; should one still send details (SQL, personal
      // data), they stay out of the gateway's log too: the subgraph's log has them under the same request id.
      const serviceName = formatted.extensions?.serviceName;
      if (typeof serviceName === 'string') {
        const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
        const withoutDetails = new GraphQLError(`an error from the ${serviceName} subgraph (see its log)`, {
          extensions: { code: extensions.code, serviceName },
        });
        return formatError({ ...formatted, extensions }, withoutDetails);
      }
      return formatError(formatted, error);
    },
    parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
    validationRules: [depthLimit(config.MAX_QUERY_DEPTH), aliasLimit(config.MAX_QUERY_ALIASES)],
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    introspection: !production,
    // Drops "Did you mean ...?" from validation errors, so a client cannot probe the schema field by field.
    hideSchemaDetailsFromClientErrors: production,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      costLimitPlugin(config.MAX_QUERY_COST, config.DEFAULT_LIST_SIZE),
    ],
  });
  await apollo.start();
  const rateLimiter = createRateLimiter(
    { perMinute: config.RATE_LIMIT_PER_MINUTE, redisUrl: config.REDIS_URL, ...options.rateLimit },
    logger,
  );

  const verifyCaller = createCallerTokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ...(config.JWKS_URL ? { jwksUrl: config.JWKS_URL } : { secret: config.JWT_SECRET }),
  });

  const app = createHttpApp<GatewayContext>({
    apollo,
    logger,
    maxBodyBytes: config.MAX_BODY_BYTES,
    context: async ({ headers, requestId }) => {
      const authorization = headers.authorization ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      let identity: Identity;
      try {
        if (!match?.[1]) throw new Error('Send a bearer token: Authorization: Bearer <token>');
        identity = await verifyCaller(match[1]);
      } catch (error) {
        const message = error instanceof DomainError || error instanceof Error ? error.message : 'Unauthenticated';
        throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
      await rateLimiter.take(identity);
      return {
        identity,
        requestId,
        forwardedIdentity: await signForwardedIdentity(identity, config.IDENTITY_SIGNING_SECRET),
        purpose: purposeFrom(headers[PURPOSE_HEADER]),
        logger: logger.child({ requestId, user: identity.userId }),
      };
    },
  });
  const running = await app.listen(config.PORT);
  logger.info(`gateway ready at ${running.url.replace('127.0.0.1', 'localhost')}`);
  return {
    ...running,
    close: async () => {
      await running.close();
      await apollo.stop();
      await rateLimiter.close();
    },
  };
}
