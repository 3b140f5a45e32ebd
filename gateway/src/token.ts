import { parseArgs } from 'node:util';
import { ConfigError } from '@helhed/config';
import { identityFromClaims, mintCallerToken } from '@helhed/identity';
import { loadGatewayConfig } from './config';

/**
 * `npm run token -- --department JOBCENTER --municipality 630 --role CASEWORKER [--user ID] [--expires 8h]`
 * prints a development caller token signed with the gateway's JWT_SECRET.
 * `npm run token -- --email maria.nielsen@vejle.example` prints one for that registered
 * caseworker (their id, department and roles, looked up through the running gateway),
 * so the team and consent rules apply to the caller as they would in production.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      department: { type: 'string', default: 'FAMILY' },
      municipality: { type: 'string', default: '630' },
      role: { type: 'string', multiple: true, default: ['CASEWORKER'] },
      user: { type: 'string' },
      email: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const config = loadGatewayConfig();
  if (config.NODE_ENV === 'production') throw new Error('Development tokens are not minted in production');
  const settings = {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    secret: config.JWT_SECRET,
    expiresIn: values.expires,
  };
  let claims: Record<string, unknown> = {
    sub: values.user ?? `dev-${String(values.department).toLowerCase()}`,
    municipality: values.municipality,
    department: values.department,
    roles: values.role,
  };
  if (values.email) claims = await caseworkerClaims(values.email, String(values.municipality), config.PORT, settings);
  const identity = identityFromClaims(claims);
  if (typeof identity === 'string') throw new Error(identity);
  console.log(await mintCallerToken(identity, settings));
}

/** The registered caseworker with this email, read through the running gateway with an administrator's token. */
async function caseworkerClaims(
  email: string,
  municipality: string,
  port: number,
  settings: Parameters<typeof mintCallerToken>[1],
): Promise<Record<string, unknown>> {
  const admin = await mintCallerToken(
    { userId: 'dev-token-lookup', municipality, department: 'FAMILY', roles: ['ADMIN'] },
    { ...settings, expiresIn: '1m' },
  );
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: '{ caseworkers { id email department roles } }' }),
  }).catch(() => {
    throw new Error(`--email needs the platform running (npm start): nothing answers on port ${port}`);
  });
  const body = (await res.json()) as {
    data?: { caseworkers: Array<{ id: string; email: string; department: string; roles: string[] }> };
  };
  const found = body.data?.caseworkers.find((c) => c.email.toLowerCase() === email.toLowerCase());
  if (!found) throw new Error(`No caseworker with the email ${email} in municipality ${municipality}`);
  return { sub: found.id, municipality, department: found.department, roles: found.roles };
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
