import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { mintCallerToken } from '@helhed/identity';
import { createLogger } from '@helhed/server';
import { TEST_SECRETS, identity, postGraphQL } from '@helhed/testing';
import { loadGatewayConfig } from './config';
import { startGateway, SUBGRAPH_UNAVAILABLE_CODE } from './gateway';

/**
 * The platform's processes start in any order (`npm start` launches them at
 * once), so a request may reach the gateway before a subgraph listens. That is
 * a known condition, not an internal error: the client gets SUBGRAPH_UNAVAILABLE
 * naming the subgraph, and the log one warning with its address and the cause.
 */
const TOKENS = { issuer: 'helhed-test', audience: 'helhed', secret: TEST_SECRETS.jwt };

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it('answers SUBGRAPH_UNAVAILABLE for a subgraph that does not listen, and logs a warning, not an error', async () => {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = createLogger('gateway', {
    level: 'debug',
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  });
  const family = `http://127.0.0.1:${await closedPort()}/graphql`;
  const gateway = await startGateway(
    loadGatewayConfig({
      PORT: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      IDENTITY_SIGNING_SECRET: TEST_SECRETS.identity,
      JWT_SECRET: TOKENS.secret,
      JWT_ISSUER: TOKENS.issuer,
      JWT_AUDIENCE: TOKENS.audience,
      FAMILY_URL: family,
    }),
    { logger },
  );
  try {
    const token = await mintCallerToken(identity('FAMILY'), { ...TOKENS, expiresIn: '1h' });
    const res = await postGraphQL(gateway.url, '{ family(id: "f1") { id } }', {}, { authorization: `Bearer ${token}` });
    expect(res.data?.family ?? null).toBeNull();
    expect(res.errors).toEqual([
      {
        message: 'The family subgraph is not available; try again shortly',
        extensions: { code: SUBGRAPH_UNAVAILABLE_CODE, serviceName: 'family' },
      },
    ]);
    const warnings = lines.filter((l) => l.level === 40 && /subgraph/.test(l.msg));
    expect(warnings.map((l) => l.msg)).toEqual([
      `the family subgraph at ${family} did not answer: ` +
        `request to ${family} failed, reason: connect ECONNREFUSED ${new URL(family).host}`,
    ]);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  } finally {
    await gateway.close();
  }
});
