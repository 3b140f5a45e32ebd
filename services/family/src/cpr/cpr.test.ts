import { ageOn, centuryOf, maskCpr, parseCpr } from './cpr';
import { CprVault } from './cpr-vault';

describe('parseCpr', () => {
  it.each([
    ['0101901234', '1990-01-01', 'FEMALE'], // 7th digit 1 → 1900s
    ['010190-1233', '1990-01-01', 'MALE'],
    ['1503104321', '2010-03-15', 'MALE'], // 7th digit 4, yy ≤ 36 → 2000s
    ['1503504321', '1950-03-15', 'MALE'], // 7th digit 4, yy > 36 → 1900s
    ['2902085002', '2008-02-29', 'FEMALE'], // 7th digit 5, yy ≤ 57 → 2000s, leap day
    ['0101605000', '1860-01-01', 'FEMALE'], // 7th digit 5, yy > 57 → 1800s
    ['0101379000', '1937-01-01', 'FEMALE'], // 7th digit 9, yy > 36 → 1900s
  ])('reads %s as born %s, %s', (cpr, birthDate, sex) => {
    expect(parseCpr(cpr)).toEqual({ ok: true, value: { digits: cpr.replace('-', ''), birthDate, sex } });
  });

  it.each([
    ['12345', /10 digits/],
    ['01019O1234', /10 digits/],
    ['3102901234', /not a real date/], // 31 February
    ['2902011234', /not a real date/], // 1901 was not a leap year
    ['0013901234', /not a real date/],
  ])('refuses %s', (cpr, reason) => {
    const result = parseCpr(cpr);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('knows the century table', () => {
    expect(centuryOf(0, 99)).toBe(1900);
    expect(centuryOf(9, 36)).toBe(2000);
    expect(centuryOf(8, 58)).toBe(1800);
  });
});

describe('masking and age', () => {
  it('shows only the birth date part', () => {
    expect(maskCpr('2010-03-15')).toBe('150310-XXXX');
  });
  it('counts whole years', () => {
    expect(ageOn('2010-03-15', '2026-03-14')).toBe(15);
    expect(ageOn('2010-03-15', '2026-03-15')).toBe(16);
  });
});

describe('CprVault', () => {
  const vault = new CprVault(Buffer.alloc(32, 1).toString('base64'), 'a-hash-key-of-some-length-0123456789');
  it('encrypts with a fresh IV and decrypts back', () => {
    const a = vault.encrypt('0101901234');
    const b = vault.encrypt('0101901234');
    expect(a.equals(b)).toBe(false);
    expect(a.toString('latin1')).not.toContain('0101901234');
    expect(vault.decrypt(a)).toBe('0101901234');
  });
  it('hashes deterministically with its key', () => {
    expect(vault.hash('0101901234').equals(vault.hash('0101901234'))).toBe(true);
    const other = new CprVault(Buffer.alloc(32, 1).toString('base64'), 'another-hash-key-0123456789012345');
    expect(other.hash('0101901234').equals(vault.hash('0101901234'))).toBe(false);
  });
  it('refuses a key of the wrong length', () => {
    expect(() => new CprVault(Buffer.alloc(16).toString('base64'), 'k')).toThrow(/32 bytes/);
  });
});
