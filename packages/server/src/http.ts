import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { withTenantScope } from '@helhed/db';
import { REQUEST_ID_HEADER } from '@helhed/identity';
import type { Logger } from './logger';

const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpAppOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  logger: Logger;
  /**
   * Builds the per-request context; may throw a GraphQLError (e.g. UNAUTHENTICATED).
   * `body` is the parsed JSON body of a POST (undefined otherwise).
   */
  context: (request: { headers: IncomingMessage['headers']; requestId: string; body: unknown }) => Promise<TContext>;
  /** Resolves when the process can serve traffic (database reachable, ...). */
  ready?: () => Promise<void>;
  /** Largest accepted request body in bytes (1 MiB when unset); larger bodies get HTTP 413. */
  maxBodyBytes?: number;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves an Apollo Server on node:http with `/graphql`, `/health` (the process
 * is alive) and `/ready` (it can serve: its dependencies answer). Every
 * response carries the request id, taken from the caller or made here.
 */
export function createHttpApp<TContext extends BaseContext>(options: HttpAppOptions<TContext>) {
  const { apollo, logger } = options;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const incomingId = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof incomingId === 'string' && /^[\w.:-]{1,100}$/.test(incomingId) ? incomingId : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');

    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      try {
        await options.ready?.();
        return sendJson(res, 200, { status: 'ready' });
      } catch (error) {
        logger.warn({ err: error }, 'not ready');
        return sendJson(res, 503, { status: 'not ready' });
      }
    }
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found. GraphQL is served at /graphql' });

    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES);
      if (raw === undefined) {
        res.setHeader('connection', 'close');
        return sendJson(res, 413, {
          errors: [{ message: 'The request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        });
      }
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, {
            errors: [{ message: 'The body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      }
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const started = Date.now();
    // The request's tenancy scope: empty until the context verifies the identity (see @helhed/db tenancy).
    const result = await withTenantScope(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context({ headers: req.headers, requestId, body }),
      }),
    );
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
    logger.debug({ requestId, status: res.statusCode, ms: Date.now() - started }, 'graphql request');
  };

  return {
    /** Starts listening; port 0 picks a free port (tests). */
    async listen(port: number, host = '0.0.0.0'): Promise<RunningHttpServer> {
      const server = createServer((req, res) => {
        handle(req, res).catch((error) => {
          logger.error({ err: error }, 'request failed');
          if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
          else res.end();
        });
      });
      server.keepAliveTimeout = 65_000;
      // A request still being answered when close() is called keeps its connection alive afterwards
      // (for keepAliveTimeout), which would hold close() open: end such a connection once it is answered.
      let closing = false;
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        res.on('finish', () => {
          if (closing) req.socket.end();
        });
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const actual = (server.address() as AddressInfo).port;
      return {
        server,
        port: actual,
        url: `http://127.0.0.1:${actual}/graphql`,
        close: () =>
          new Promise<void>((resolve, reject) => {
            closing = true;
            server.close((error) => (error ? reject(error) : resolve()));
            server.closeIdleConnections();
          }),
      };
    },
  };
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payload));
}

/**
 * Reads the body; undefined when it is larger than `maxBytes`. The rest of a
 * too-large body is drained unread (not buffered), so the caller still gets
 * the 413 answer instead of a reset connection.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      req.removeAllListeners('data');
      req.resume();
      resolve(undefined);
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge();
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
