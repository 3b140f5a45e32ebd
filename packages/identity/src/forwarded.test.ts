import { isPlannedFetch, signForwardedIdentity, signPlannedFetch, verifyForwardedIdentity } from './forwarded';
import { createCallerTokenVerifier, mintCallerToken } from './caller-token';
import { Identity } from './identity';

const secret = 'a-forwarding-secret-of-at-least-32-chars';
const identity: Identity = { userId: 'cw-1', municipality: '630', department: 'HEALTH', roles: ['CASEWORKER'] };

describe('forwarded identity', () => {
  it('round-trips through a signature', async () => {
    const header = await signForwardedIdentity(identity, secret);
    await expect(verifyForwardedIdentity(header, secret)).resolves.toEqual(identity);
  });

  it('refuses a missing header, another key and a tampered token', async () => {
    await expect(verifyForwardedIdentity(undefined, secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const header = await signForwardedIdentity(identity, secret);
    await expect(verifyForwardedIdentity(header, 'another-secret-of-at-least-32-characters')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const [h, , s] = header.split('.');
    const forged = Buffer.from(
      JSON.stringify({ sub: 'x', municipality: '101', department: 'HEALTH', roles: ['ADMIN'] }),
    ).toString('base64url');
    await expect(verifyForwardedIdentity(`${h}.${forged}.${s}`, secret)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('planned fetches', () => {
  const fetch = {
    query:
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on EvaluatorDataset { subjects { personId } } } }',
    variables: { r: [{ __typename: 'EvaluatorDataset', projectId: 'p-1', from: '2026-01', to: '2026-03' }] },
  };

  it('are recognised when the gateway signed this identity, query and variables (the body as it went over the wire)', async () => {
    const header = await signForwardedIdentity(identity, secret);
    const signature = signPlannedFetch(header, fetch, secret);
    const received = JSON.parse(JSON.stringify(fetch)) as typeof fetch;
    expect(isPlannedFetch(signature, header, received, secret)).toBe(true);
    expect(
      isPlannedFetch(
        signPlannedFetch(header, { query: '{ a }' }, secret),
        header,
        { query: '{ a }', variables: {} },
        secret,
      ),
    ).toBe(true);
  });

  it('are not recognised without the header, with another key, identity, query or variables', async () => {
    const header = await signForwardedIdentity(identity, secret);
    const other = await signForwardedIdentity({ ...identity, municipality: '101' }, secret);
    const signature = signPlannedFetch(header, fetch, secret);
    expect(isPlannedFetch(undefined, header, fetch, secret)).toBe(false);
    expect(isPlannedFetch('', header, fetch, secret)).toBe(false);
    expect(
      isPlannedFetch(
        signPlannedFetch(header, fetch, 'another-secret-of-at-least-32-characters'),
        header,
        fetch,
        secret,
      ),
    ).toBe(false);
    expect(isPlannedFetch(signature, other, fetch, secret)).toBe(false);
    expect(isPlannedFetch(signature, header, { ...fetch, query: `${fetch.query} ` }, secret)).toBe(false);
    const r = [{ ...fetch.variables.r[0]!, projectId: 'p-2' }];
    expect(isPlannedFetch(signature, header, { ...fetch, variables: { r } }, secret)).toBe(false);
    expect(isPlannedFetch(`${signature}x`, header, fetch, secret)).toBe(false);
  });
});

describe('caller tokens', () => {
  const settings = { issuer: 'helhed-dev', audience: 'helhed', secret };
  const verify = createCallerTokenVerifier(settings);

  it('accepts a token with the right issuer and audience', async () => {
    await expect(verify(await mintCallerToken(identity, settings))).resolves.toEqual(identity);
  });

  it('refuses wrong audience, expired tokens and bad claims', async () => {
    await expect(verify(await mintCallerToken(identity, { ...settings, audience: 'other' }))).rejects.toThrow(
      /aud claim is not accepted/,
    );
    await expect(verify(await mintCallerToken(identity, { ...settings, expiresIn: '-1m' }))).rejects.toThrow(/expired/);
    const bad = await mintCallerToken({ ...identity, municipality: 'Vejle' }, settings);
    await expect(verify(bad)).rejects.toThrow(/municipality/);
  });
});
