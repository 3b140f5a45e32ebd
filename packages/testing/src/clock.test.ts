/** @clock-sensitive */
import { clockSource, now, parseInstant, today } from '@helhed/calendar';
import { useClock } from './clock';

describe('useClock', () => {
  describe('pinned at an instant, standing still', () => {
    useClock('2027-03-29T10:00:00+02:00', { frozen: true });

    it('gives every test of the block that instant', () => {
      expect(now().toISOString()).toBe('2027-03-29T08:00:00.000Z');
      expect(today()).toBe('2027-03-29');
      expect(clockSource()).toBe('setClock');
    });
  });

  describe("held at the clock's reading when the block starts", () => {
    let before: number;
    beforeAll(() => {
      before = now().getTime();
    });
    useClock('current', { frozen: true });

    it('keeps that reading while the test runs', async () => {
      const held = now().getTime();
      expect(held).toBeGreaterThanOrEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(now().getTime()).toBe(held);
    });
  });

  describe('set again before each test, running on', () => {
    // One second before midnight: a busy machine may take more than a few milliseconds from the hook to the test.
    useClock('2026-12-31T23:59:59.000+01:00', { each: true });

    it('crosses midnight as a real run would', async () => {
      expect(today()).toBe('2026-12-31');
      await new Promise((resolve) => setTimeout(resolve, 1050));
      expect(today()).toBe('2027-01-01');
    });
  });

  it("starts from the run's HELHED_NOW (the clock passes), or is the wall clock", () => {
    const setting = process.env.HELHED_NOW;
    const expected = setting ? parseInstant(setting).getTime() : Date.now();
    // Within the time this file has taken so far.
    expect(Math.abs(now().getTime() - expected)).toBeLessThan(5 * 60_000);
  });

  it('puts the clock back after the block', () => {
    expect(clockSource()).toBe(process.env.HELHED_NOW ? 'HELHED_NOW' : 'wall');
  });
});
