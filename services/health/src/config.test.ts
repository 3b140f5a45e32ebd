import { ConfigError } from '@helhed/config';
import { loadHealthConfig } from './config';

describe('loadHealthConfig', () => {
  it('uses port 4003 and development defaults outside production', () => {
    const config = loadHealthConfig({ DATABASE_URL: 'postgres://localhost/helhed_health' });
    expect(config.PORT).toBe(4003);
    expect(config.NODE_ENV).toBe('development');
    expect(config.IDENTITY_SIGNING_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('requires the database and the identity secret in production', () => {
    expect(() => loadHealthConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadHealthConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL.*\n.*IDENTITY_SIGNING_SECRET/);
  });
});
