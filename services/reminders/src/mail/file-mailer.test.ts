import { emlFileName } from './file-mailer';

describe('emlFileName', () => {
  it('starts with the time and keeps only safe characters of the delivery key', () => {
    expect(emlFileName('digest/cw-42/2026-11-23', new Date('2026-11-23T06:00:00.123Z'))).toBe(
      '2026-11-23T06-00-00-123Z-digest_cw-42_2026-11-23.eml',
    );
    expect(emlFileName('../../etc/passwd', new Date(0))).toBe('1970-01-01T00-00-00-000Z-.._.._etc_passwd.eml');
  });
});
