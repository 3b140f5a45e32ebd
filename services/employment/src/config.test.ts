import { ConfigError } from '@helhed/config';
import { loadEmploymentConfig } from './config';

describe('loadEmploymentConfig', () => {
  it('uses port 4002 and development defaults outside production', () => {
    const config = loadEmploymentConfig({ DATABASE_URL: 'postgres://localhost/helhed_employment' });
    expect(config.PORT).toBe(4002);
    expect(config.NODE_ENV).toBe('development');
    expect(config.IDENTITY_SIGNING_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('requires the database and the identity secret in production', () => {
    expect(() => loadEmploymentConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadEmploymentConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL.*\n.*IDENTITY_SIGNING_SECRET/);
  });
});
