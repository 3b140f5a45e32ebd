import { signForwardedIdentity, verifyForwardedIdentity } from './forwarded';
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
