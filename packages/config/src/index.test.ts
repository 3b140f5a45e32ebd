import { ConfigError, loadConfig, port, postgresUrl, requireInProduction, z } from './index';

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
