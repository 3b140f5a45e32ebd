import { clockSettingOf, ClockSettingError } from '@helhed/calendar';
import { z } from 'zod';

/**
 * Thrown when the process environment does not satisfy a service's settings.
 * The message lists every missing or bad setting by its variable name, so an
 * operator can fix them all at once instead of one restart per mistake.
 */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(
      `${service}: the configuration is not valid:\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nSee the configuration table in README.md.',
    );
    this.name = 'ConfigError';
  }
}

export type Environment = Record<string, string | undefined>;

export const isProduction = (env: Environment = process.env): boolean => env.NODE_ENV === 'production';

/**
 * Reads and validates settings with a zod object schema keyed by environment
 * variable names. Empty strings count as unset. Every service's settings
 * include the platform clock's `HELHED_NOW` (see @helhed/calendar): malformed,
 * or set in production, it is one more problem in the same ConfigError, so the
 * process stops at start instead of at its first date.
 */
export function loadConfig<S extends z.ZodObject>(
  service: string,
  schema: S,
  env: Environment = process.env,
): z.infer<S> {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = schema.safeParse(input);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const key = issue.path.join('.');
        return input[key] === undefined ? `${key} is required (${issue.message})` : `${key}: ${issue.message}`;
      });
  const clockProblem = clockSettingProblem(env);
  if (clockProblem) problems.push(clockProblem);
  if (!result.success || problems.length > 0) throw new ConfigError(service, problems);
  return result.data;
}

/** What is wrong with the environment's clock setting (HELHED_NOW), or null. */
function clockSettingProblem(env: Environment): string | null {
  try {
    clockSettingOf(env);
    return null;
  } catch (error) {
    if (error instanceof ClockSettingError) return error.message;
    throw error;
  }
}

/** Settings every service shares. */
export const commonSettings = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL');

export const httpUrl = z.string().refine((v) => /^https?:\/\//.test(v), 'must be an http(s):// URL');

/** A secret of at least 32 characters; the development default is refused in production. */
export const secret = (devDefault: string) => z.string().min(32, 'must be at least 32 characters').default(devDefault);

/**
 * Requires a setting to be present in production: given the raw environment,
 * returns the names of settings that were left to their development defaults.
 */
export function requireInProduction(service: string, env: Environment, names: string[]): void {
  if (!isProduction(env)) return;
  const missing = names.filter((n) => env[n] === undefined || env[n] === '');
  if (missing.length > 0) {
    throw new ConfigError(
      service,
      missing.map((n) => `${n} is required in production (the development default is not allowed)`),
    );
  }
}

export { z };

/** The development default of the secret the gateway signs forwarded identities with. */
export const DEV_IDENTITY_SIGNING_SECRET = 'helhed-development-identity-signing-secret';

/** Settings every subgraph has: its port, its own database and the gateway's signing secret. */
export const subgraphSettings = (defaultPort: number) => ({
  ...commonSettings,
  PORT: port(defaultPort),
  DATABASE_URL: postgresUrl,
  /** The owner role that runs migrations; unset outside production, where DATABASE_URL's administrator derives both roles. */
  MIGRATION_DATABASE_URL: postgresUrl.optional(),
  IDENTITY_SIGNING_SECRET: secret(DEV_IDENTITY_SIGNING_SECRET),
});

/**
 * Loads a subgraph's settings: the common subgraph settings plus its own.
 * `DATABASE_URL`, `MIGRATION_DATABASE_URL`, `IDENTITY_SIGNING_SECRET` and `requiredInProduction` must be set in production.
 */
export function loadSubgraphConfig<E extends z.ZodRawShape>(
  service: string,
  defaultPort: number,
  extra: E,
  env: Environment,
  requiredInProduction: string[] = [],
) {
  requireInProduction(service, env, [
    'DATABASE_URL',
    'MIGRATION_DATABASE_URL',
    'IDENTITY_SIGNING_SECRET',
    ...requiredInProduction,
  ]);
  return loadConfig(service, z.object({ ...subgraphSettings(defaultPort), ...extra }), env);
}
