import { ageOn } from '@helhed/calendar';
/**
 * The Danish personal identification number (CPR, *personnummer*): DDMMYY-SSSS.
 * The 7th digit together with the year gives the century; the last digit's
 * parity gives the registered sex. Modulus-11 is not checked: numbers issued
 * since 2007 need not satisfy it.
 */
export type Sex = 'FEMALE' | 'MALE';

export interface CprFacts {
  /** The ten digits without separator. */
  digits: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
}

export type CprResult = { ok: true; value: CprFacts } | { ok: false; reason: string };

const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/** The century of a CPR birth year, from the 7th digit (the CPR office's table). */
export function centuryOf(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800; // 5, 6, 7, 8
}

export function parseCpr(input: string): CprResult {
  const trimmed = input.trim();
  const m = CPR_PATTERN.exec(trimmed);
  if (!m) return { ok: false, reason: 'A CPR number is 10 digits, written DDMMYYSSSS or DDMMYY-SSSS' };
  const [, dd, mm, yy, serial] = m as unknown as [string, string, string, string, string];
  const year = centuryOf(Number(serial[0]), Number(yy)) + Number(yy);
  const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  const birthDate = `${year}-${mm}-${dd}`;
  if (date.toISOString().slice(0, 10) !== birthDate) {
    return { ok: false, reason: 'The first six digits of the CPR number are not a real date (DDMMYY)' };
  }
  return {
    ok: true,
    value: { digits: `${dd}${mm}${yy}${serial}`, birthDate, sex: Number(serial[3]) % 2 === 0 ? 'FEMALE' : 'MALE' },
  };
}

/** How a CPR number is shown: the birth date part only, `DDMMYY-XXXX`. */
export function maskCpr(birthDate: string): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  return `${d}${m}${y.slice(2)}-XXXX`;
}

export { ageOn };
