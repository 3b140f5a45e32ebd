import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { mintCallerToken, type Identity } from '@helhed/identity';
import { createLogger, type RunningHttpServer } from '@helhed/server';
import { TEST_SECRETS, identity, postGraphQL } from '@helhed/testing';
import { loadGatewayConfig } from './config';
import { startGateway } from './gateway';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKENS = { issuer: 'helhed-test', audience: 'helhed', secret: TEST_SECRETS.jwt };

/**
 * Stands in for all four subgraphs: counts every request that reaches one
 * and answers with an error a careless subgraph could send (SQL, a CPR number
 * and a stack trace), so the tests can see what the gateway lets through.
 */
async function startCountingSubgraph() {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push(body);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          data: null,
          errors: [
            {
              message: `duplicate key value violates unique constraint: INSERT INTO person (cpr) VALUES ('0101901234')`,
              extensions: {
                code: 'INTERNAL_SERVER_ERROR',
                stacktrace: ['Error: at Object.<anonymous> (person.ts:1:1)'],
              },
            },
          ],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Subgraph = Awaited<ReturnType<typeof startCountingSubgraph>>;

async function startLimitedGateway(subgraph: Subgraph, env: Record<string, string> = {}, now?: () => number) {
  const lines: string[] = [];
  const logger = createLogger('gateway', {
    level: 'debug',
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const gateway = await startGateway(
    loadGatewayConfig({
      PORT: '0',
      IDENTITY_SIGNING_SECRET: TEST_SECRETS.identity,
      JWT_SECRET: TOKENS.secret,
      JWT_ISSUER: TOKENS.issuer,
      JWT_AUDIENCE: TOKENS.audience,
      FAMILY_URL: subgraph.url,
      EMPLOYMENT_URL: subgraph.url,
      HEALTH_URL: subgraph.url,
      ECONOMY_URL: subgraph.url,
      ...env,
    }),
    { logger, rateLimit: { prefix: `helhed-test:rate:${randomUUID()}`, ...(now ? { now } : {}) } },
  );
  return { gateway, lines };
}

const caller = identity('FAMILY');
const authorization = async (who: Identity = caller) => ({
  authorization: `Bearer ${await mintCallerToken(who, { ...TOKENS, expiresIn: '1h' })}`,
});
const post = async (gateway: RunningHttpServer, query: string, variables = {}, who: Identity = caller) =>
  postGraphQL(gateway.url, query, variables, await authorization(who));

const ONE_SUBGRAPH_CALL = '{ family(id: "f1") { id } }';
const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: family(id: "f${i}") { id }`).join(' ')} }`;

describe('gateway limits: every refusal happens before any subgraph is called', () => {
  let subgraph: Subgraph;
  let gateway: RunningHttpServer;

  beforeAll(async () => {
    subgraph = await startCountingSubgraph();
    ({ gateway } = await startLimitedGateway(subgraph, {
      MAX_QUERY_DEPTH: '5',
      MAX_QUERY_TOKENS: '200',
      MAX_QUERY_COST: '500',
      MAX_BODY_BYTES: '10240',
    }));
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraph?.close();
  });
  beforeEach(() => subgraph.calls.splice(0));

  it('calls a subgraph for an accepted operation (the counter counts)', async () => {
    await post(gateway, ONE_SUBGRAPH_CALL);
    expect(subgraph.calls).toHaveLength(1);
  });

  it('refuses too deep an operation', async () => {
    const res = await post(gateway, '{ family(id: "f1") { members { family { members { family { id } } } } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toBe('The operation is nested 6 levels deep; at most 5 are allowed');
    expect(subgraph.calls).toHaveLength(0);
  });

  it('refuses more than 15 aliases', async () => {
    const res = await post(gateway, aliases(16));
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toBe('The operation uses 16 aliases; at most 15 are allowed');
    expect(subgraph.calls).toHaveLength(0);
  });

  it('refuses a document with too many tokens without parsing it through', async () => {
    const res = await post(gateway, `{ family(id: "f1") { ${'id '.repeat(200)} } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/more tha[nt] 200 tokens/);
    expect(subgraph.calls).toHaveLength(0);
  });

  it('refuses an operation whose list sizes make it too costly, with the page size from a variable too', async () => {
    const query = `query ($n: Int) { families(first: $n) { edges { node { members { id } } } } }`;
    // families 1 + n × (edges 1 + 1 × (node 1 + members (1 + 10 × 1)))
    const res = await post(gateway, query, { n: 100 });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', cost: 1 + 100 * 13, maxCost: 500 });
    expect(subgraph.calls).toHaveLength(0);

    await post(gateway, query, { n: 10 });
    expect(subgraph.calls).toHaveLength(1);
  });

  it('refuses batched HTTP requests', async () => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authorization()) },
      body: JSON.stringify([{ query: ONE_SUBGRAPH_CALL }, { query: ONE_SUBGRAPH_CALL }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
    expect(subgraph.calls).toHaveLength(0);
  });

  it('refuses a request a browser could send cross-site (CSRF prevention)', async () => {
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent(ONE_SUBGRAPH_CALL)}`, {
      headers: await authorization(),
    });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const simplePost = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...(await authorization()) },
      body: JSON.stringify({ query: ONE_SUBGRAPH_CALL }),
    });
    expect(simplePost.status).toBe(400);
    expect(subgraph.calls).toHaveLength(0);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await post(gateway, ONE_SUBGRAPH_CALL, { padding: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(subgraph.calls).toHaveLength(0);
  });

  it('refuses a caller without a valid token', async () => {
    const res = await postGraphQL(gateway.url, ONE_SUBGRAPH_CALL, {}, { authorization: 'Bearer nonsense' });
    expect(res.status).toBe(401);
    expect(subgraph.calls).toHaveLength(0);
  });

  it('answers introspection and suggests field names outside production', async () => {
    const res = await post(gateway, '{ __schema { queryType { name } } }');
    expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await post(gateway, '{ famly(id: "f1") { id } }');
    expect(typo.errors?.[0]?.message).toMatch(/Did you mean "family"/);
  });
});

describe('gateway limits: the per-caller rate limit', () => {
  let subgraph: Subgraph;
  const redis = new Redis(REDIS_URL);
  // The middle of a minute, so the test's requests share one window.
  const now = () => 1_800_000_030_000;

  beforeAll(async () => {
    subgraph = await startCountingSubgraph();
  });
  afterAll(async () => {
    await subgraph?.close();
    redis.disconnect();
  });
  beforeEach(() => subgraph.calls.splice(0));

  it.each([
    ['on Redis', { REDIS_URL }],
    ['in memory (no REDIS_URL)', {}],
  ])('refuses a caller over the per-minute quota with 429 and RATE_LIMITED, %s', async (_, env) => {
    const { gateway, lines } = await startLimitedGateway(subgraph, { RATE_LIMIT_PER_MINUTE: '3', ...env }, now);
    try {
      for (let i = 0; i < 3; i++) expect((await post(gateway, ONE_SUBGRAPH_CALL)).status).toBe(200);
      expect(subgraph.calls).toHaveLength(3);

      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await authorization()) },
        body: JSON.stringify({ query: ONE_SUBGRAPH_CALL }),
      });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('30');
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(body.errors[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
      expect(body.errors[0]?.message).toBe('Too many requests: at most 3 a minute per user. Try again in 30 s');
      expect(subgraph.calls).toHaveLength(3);

      // Another caller, and the same user id in another municipality, have their own quota.
      expect((await post(gateway, ONE_SUBGRAPH_CALL, {}, identity('HEALTH'))).status).toBe(200);
      expect((await post(gateway, ONE_SUBGRAPH_CALL, {}, { ...caller, municipality: '101' })).status).toBe(200);
      expect(lines.join('')).toMatch(env.REDIS_URL ? /counted on Redis/ : /REDIS_URL is not set/);
    } finally {
      await gateway.close();
    }
  });
});

describe('gateway limits: production mode', () => {
  let subgraph: Subgraph;
  let gateway: RunningHttpServer;
  let lines: string[];

  beforeAll(async () => {
    subgraph = await startCountingSubgraph();
    ({ gateway, lines } = await startLimitedGateway(subgraph, { NODE_ENV: 'production', REDIS_URL }));
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraph?.close();
  });
  beforeEach(() => subgraph.calls.splice(0));

  it('refuses introspection', async () => {
    const res = await post(gateway, '{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/introspection is not allowed/);
    expect(subgraph.calls).toHaveLength(0);
  });

  it('does not suggest field names', async () => {
    const res = await post(gateway, '{ famly(id: "f1") { id } }');
    expect(res.errors?.[0]?.message).toBe('Cannot query field "famly" on type "Query".');
    expect(subgraph.calls).toHaveLength(0);
  });

  it("masks a subgraph's SQL, personal data and stack trace", async () => {
    const res = await post(gateway, ONE_SUBGRAPH_CALL);
    expect(subgraph.calls).toHaveLength(1);
    const text = JSON.stringify(res);
    expect(res.errors?.[0]?.message).toBe('Internal server error');
    expect(text).not.toMatch(/INSERT|0101901234|stacktrace|person\.ts/i);
    // The log keeps the request id and the error, but not the personal data either.
    expect(lines.join('')).not.toMatch(/0101901234/);
  });
});
