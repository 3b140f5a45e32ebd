import {
  ConfigError,
  DEV_IDENTITY_SIGNING_SECRET,
  loadConfig,
  loadSubgraphConfig,
  port,
  postgresUrl,
  requireInProduction,
  z,
} from './index';

describe('loadConfig', () => {
  const schema = z.object({ PORT: port(4001), DATABASE_URL: postgresUrl });

  it('applies defaults and coerces numbers', () => {
    expect(loadConfig('family', schema, { DATABASE_URL: 'postgres://x/y', PORT: '5000' })).toEqual({
      PORT: 5000,
      DATABASE_URL: 'postgres://x/y',
    });
  });

  it('names every missing or bad setting in one error', () => {
    let error: unknown;
    try {
      loadConfig('family', schema, { PORT: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('family: the configuration is not valid');
    expect(message).toContain('PORT:');
    expect(message).toContain('DATABASE_URL is required');
  });

  it('treats an empty value as unset', () => {
    expect(() => loadConfig('x', schema, { DATABASE_URL: '' })).toThrow(/DATABASE_URL is required/);
  });

  it('refuses development defaults in production', () => {
    expect(() => requireInProduction('gateway', { NODE_ENV: 'production' }, ['JWT_SECRET'])).toThrow(
      /JWT_SECRET is required in production/,
    );
    expect(() => requireInProduction('gateway', { NODE_ENV: 'development' }, ['JWT_SECRET'])).not.toThrow();
  });
});

describe('the clock setting (HELHED_NOW)', () => {
  const schema = z.object({ PORT: port(4001) });
  const problemsOf = (env: Record<string, string>): string => {
    try {
      loadConfig('employment', schema, env);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('loadConfig accepted the environment');
  };

  it('accepts an instant with its offset outside production, and no setting at all', () => {
    expect(loadConfig('employment', schema, { HELHED_NOW: '2026-12-07T23:59:30+01:00' })).toEqual({ PORT: 4001 });
    expect(loadConfig('employment', schema, { HELHED_NOW: '' })).toEqual({ PORT: 4001 });
  });

  it('refuses a malformed instant at start, with the other problems in the same message', () => {
    const message = problemsOf({ HELHED_NOW: '2026-12-07 23:59', PORT: 'abc' });
    expect(message).toContain('employment: the configuration is not valid');
    expect(message).toContain('PORT:');
    expect(message).toContain('HELHED_NOW must be an ISO 8601 instant with its offset');
    expect(message).toContain('"2026-12-07 23:59"');
  });

  it('refuses any clock setting in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', HELHED_NOW: '2026-12-07T10:00:00+01:00' })).toContain(
      'HELHED_NOW is not allowed in production',
    );
  });
});

describe('loadSubgraphConfig', () => {
  it('gives a subgraph its port and development defaults outside production', () => {
    const config = loadSubgraphConfig('health', 4003, {}, { DATABASE_URL: 'postgres://localhost/helhed_health' });
    expect(config.PORT).toBe(4003);
    expect(config.NODE_ENV).toBe('development');
    expect(config.IDENTITY_SIGNING_SECRET).toBe(DEV_IDENTITY_SIGNING_SECRET);
  });

  it('requires the database, the identity secret and named settings in production', () => {
    const load = () =>
      loadSubgraphConfig('family', 4001, { CPR_HASH_KEY: z.string() }, { NODE_ENV: 'production' }, ['CPR_HASH_KEY']);
    expect(load).toThrow(/DATABASE_URL.*\n.*IDENTITY_SIGNING_SECRET.*\n.*CPR_HASH_KEY/);
  });

  it('validates the service-specific settings too', () => {
    expect(() =>
      loadSubgraphConfig('family', 4001, { EXTRA: z.coerce.number() }, { DATABASE_URL: 'postgres://x/y', EXTRA: 'no' }),
    ).toThrow(/EXTRA:/);
  });
});
