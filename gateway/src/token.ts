import { parseArgs } from 'node:util';
import { ConfigError } from '@helhed/config';
import { identityFromClaims, mintCallerToken } from '@helhed/identity';
import { loadGatewayConfig } from './config';

/**
 * `npm run token -- --department JOBCENTER --municipality 630 --role CASEWORKER [--user ID] [--expires 8h]`
 * prints a development caller token signed with the gateway's JWT_SECRET.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      department: { type: 'string', default: 'FAMILY' },
      municipality: { type: 'string', default: '630' },
      role: { type: 'string', multiple: true, default: ['CASEWORKER'] },
      user: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const config = loadGatewayConfig();
  if (config.NODE_ENV === 'production') throw new Error('Development tokens are not minted in production');
  const identity = identityFromClaims({
    sub: values.user ?? `dev-${String(values.department).toLowerCase()}`,
    municipality: values.municipality,
    department: values.department,
    roles: values.role,
  });
  if (typeof identity === 'string') throw new Error(identity);
  console.log(
    await mintCallerToken(identity, {
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      secret: config.JWT_SECRET,
      expiresIn: values.expires,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
