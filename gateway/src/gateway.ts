import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import {
  IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  createCallerTokenVerifier,
  signForwardedIdentity,
  type Identity,
} from '@helhed/identity';
import { DomainError } from '@helhed/errors';
import { createErrorFormatter, createHttpApp, createLogger, type Logger, type RunningHttpServer } from '@helhed/server';
import type { GatewayConfig } from './config';
import { depthLimit } from './depth-limit';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
  /** The identity signed for the subgraphs, made once per request. */
  forwardedIdentity: string;
  logger: Logger;
}

/**
 * The one entry point: verifies the caller's token, then plans the query over
 * the static, committed supergraph and forwards the identity, signed, to every
 * subgraph it calls.
 */
export async function startGateway(
  config: GatewayConfig,
  options: { logger?: Logger } = {},
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
      new RemoteGraphQLDataSource<GatewayContext>({
        url: overrides[name] ?? url,
        willSendRequest({ request, context }) {
          // Headers reach subgraphs only when set here.
          if (context.forwardedIdentity) request.http?.headers.set(IDENTITY_HEADER, context.forwardedIdentity);
          if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
        },
      }),
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // runService owns SIGINT/SIGTERM: it stops the HTTP server, Apollo and the database pool in order.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger),
    validationRules: [depthLimit(config.MAX_QUERY_DEPTH)],
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const verifyCaller = createCallerTokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ...(config.JWKS_URL ? { jwksUrl: config.JWKS_URL } : { secret: config.JWT_SECRET }),
  });

  const app = createHttpApp<GatewayContext>({
    apollo,
    logger,
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
      return {
        identity,
        requestId,
        forwardedIdentity: await signForwardedIdentity(identity, config.IDENTITY_SIGNING_SECRET),
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
    },
  };
}
