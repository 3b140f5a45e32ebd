import { advanceClock, clock, clockNotice, clockSettingOf, ClockSettingError, clockSource, setClock } from './clock';
import { today, todayInDenmark } from './dates';

afterEach(() => setClock(null));

describe('the platform clock', () => {
  it('is the wall clock unless set', () => {
    // Whatever the run's environment says (the clock passes set HELHED_NOW).
    const saved = process.env.HELHED_NOW;
    delete process.env.HELHED_NOW;
    setClock(null);
    const before = Date.now();
    const at = clock.now().getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(clockSource()).toBe('wall');
    if (saved !== undefined) process.env.HELHED_NOW = saved;
  });

  it('runs on from the instant it is set to, and crosses midnight in Copenhagen as a real run would', () => {
    // A second before midnight, so a pause of the process between two lines cannot cross it first.
    setClock('2026-12-31T23:59:59.000+01:00');
    expect(today()).toBe('2026-12-31');
    advanceClock(1000);
    expect(today()).toBe('2027-01-01');
    expect(todayInDenmark()).toBe('2027-01-01');
  });

  it('stands still when frozen, and moves only when told', () => {
    setClock('2027-03-28T01:59:59+01:00', { frozen: true });
    expect(clock.now().toISOString()).toBe('2027-03-28T00:59:59.000Z');
    advanceClock(1000);
    // 02:00 CET is 03:00 CEST: the day is the same, the instant one second on.
    expect(clock.now().toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(today()).toBe('2027-03-28');
  });

  it('reads HELHED_NOW as an instant with its offset, and refuses it in production or without an offset', () => {
    expect(clockSettingOf({ HELHED_NOW: '2026-12-07T10:00:00+01:00' })?.toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(clockSettingOf({})).toBeNull();
    expect(() => clockSettingOf({ HELHED_NOW: '2026-12-07T10:00:00' })).toThrow(ClockSettingError);
    expect(() => clockSettingOf({ HELHED_NOW: 'tomorrow' })).toThrow(/ISO 8601 instant/);
    expect(() => clockSettingOf({ HELHED_NOW: '2026-12-07T10:00:00Z', NODE_ENV: 'production' })).toThrow(
      /not allowed in production/,
    );
  });
});

describe('the clock notice for start-up logs', () => {
  const saved = process.env.HELHED_NOW;
  afterEach(() => {
    if (saved === undefined) delete process.env.HELHED_NOW;
    else process.env.HELHED_NOW = saved;
    setClock(null);
  });

  it('is silent for the wall clock', () => {
    delete process.env.HELHED_NOW;
    setClock(null);
    expect(clockNotice()).toBeNull();
  });

  it('says HELHED_NOW set it, to what, and what it reads now', () => {
    process.env.HELHED_NOW = '2026-12-07T23:59:30+01:00';
    setClock(null);
    expect(clockSource()).toBe('HELHED_NOW');
    expect(clockNotice()).toMatch(
      /^the clock is not the wall clock: HELHED_NOW set it to 2026-12-07T23:59:30\+01:00; it runs at real speed and now reads 2026-12-07T22:59:3\d\.\d{3}Z$/,
    );
  });

  it('says a test set it, and that it stands still when frozen', () => {
    setClock('2027-03-29T10:00:00+02:00', { frozen: true });
    expect(clockNotice()).toBe(
      'the clock is not the wall clock: setClock set it to 2027-03-29T10:00:00+02:00; it stands still and now reads 2027-03-29T08:00:00.000Z',
    );
  });
});

describe('going back to HELHED_NOW', () => {
  const saved = process.env.HELHED_NOW;
  afterEach(() => {
    if (saved === undefined) delete process.env.HELHED_NOW;
    else process.env.HELHED_NOW = saved;
    setClock(null);
  });

  it('continues where the HELHED_NOW clock has run to, not from the instant again', async () => {
    process.env.HELHED_NOW = '2026-12-07T23:59:59.000+01:00';
    setClock(null);
    expect(today()).toBe('2026-12-07');
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect(today()).toBe('2026-12-08');
    setClock('2026-06-01T12:00:00+02:00', { frozen: true });
    setClock(null);
    expect(today()).toBe('2026-12-08');
  });
});
