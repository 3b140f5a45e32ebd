import { createServer } from 'node:net';
import { describeError } from './describe-error';

/** A port nothing listens on: one that was just free. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('describeError', () => {
  it("names the address and the cause of a refused fetch, not a bare 'fetch failed'", async () => {
    const port = await closedPort();
    const error = await fetch(`http://127.0.0.1:${port}/graphql`).catch((e: unknown) => e);
    expect(describeError(error)).toBe(`fetch failed: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('lists every address of an AggregateError and follows causes once', () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}:4000`), { code: 'ECONNREFUSED' });
    const aggregate = Object.assign(new AggregateError([refused('::1'), refused('127.0.0.1')], ''), {
      code: 'ECONNREFUSED',
    });
    expect(describeError(new Error('fetch failed', { cause: aggregate }))).toBe(
      'fetch failed: connect ECONNREFUSED ::1:4000; connect ECONNREFUSED 127.0.0.1:4000',
    );
    const outer = new Error('The gateway at http://x/graphql did not answer: fetch failed', {
      cause: new Error('fetch failed'),
    });
    expect(describeError(outer)).toBe('The gateway at http://x/graphql did not answer: fetch failed');
    expect(describeError('plain')).toBe('plain');
  });
});
