import { protectColumn, protectCounts, protectedAverage, protectedPercent } from './disclosure';

const column = (values: Record<string, number>, forced?: string[], totalForced?: boolean) => {
  const { cells, total } = protectColumn(
    Object.entries(values).map(([key, value]) => ({ key, value })),
    new Set(forced),
    totalForced,
  );
  return { ...Object.fromEntries([...cells].map(([k, v]) => [k, v.shown])), total: total.shown };
};

/** Every value a reader could still hold for each hidden cell, given the shown cells and total. */
function candidates(values: Record<string, number>) {
  const shown = column(values);
  const keys = Object.keys(values);
  const hiddenKeys = keys.filter((k) => shown[k] === '<5' || shown[k] === 'x');
  if (shown.total === 'x' || shown.total === '<5') return null;
  const rest = Number(shown.total) - keys.filter((k) => !hiddenKeys.includes(k)).reduce((s, k) => s + values[k]!, 0);
  const options = new Map(hiddenKeys.map((k) => [k, new Set<number>()]));
  const ranges = hiddenKeys.map((k) =>
    shown[k] === '<5' ? [0, 1, 2, 3, 4] : Array.from({ length: 40 }, (_, i) => i + 5),
  );
  const walk = (i: number, sum: number, picked: number[]) => {
    if (i === hiddenKeys.length) {
      if (sum === rest) picked.forEach((v, j) => options.get(hiddenKeys[j]!)!.add(v));
      return;
    }
    for (const v of ranges[i]!) if (sum + v <= rest) walk(i + 1, sum + v, [...picked, v]);
  };
  walk(0, 0, []);
  return options;
}

describe('protectColumn (rules 1–3)', () => {
  it('shows counts from 5 and hides counts under 5', () => {
    expect(column({ '101': 5, '630': 9 })).toEqual({ '101': '5', '630': '9', total: '14' });
    expect(column({ '101': 4, '630': 2 })).toEqual({ '101': '<5', '630': '<5', total: '6' });
  });

  it('hides the smallest other municipality when one count is under 5, so total minus shown gives no small count', () => {
    // 1 + 2 hidden would still sum to 3: 630 is hidden too.
    expect(column({ '101': 1, '630': 5, '751': 2, '791': 9 })).toEqual({
      '101': '<5',
      '630': 'x',
      '751': '<5',
      '791': '9',
      total: '17',
    });
    expect(column({ '101': 1, '630': 5, '751': 9 })).toEqual({ '101': '<5', '630': 'x', '751': '9', total: '15' });
    // 630 and 751 tie at 6: the lower code is hidden.
    expect(column({ '101': 4, '630': 6, '751': 6 })).toEqual({ '101': '<5', '630': 'x', '751': '6', total: '16' });
  });

  it('hides the total where the hidden cells would still pin a count down', () => {
    // 4 + 4 = 8 with both under 5: each must be 4.
    expect(column({ '101': 4, '630': 4 }).total).toBe('x');
    // 0 next to an x of exactly 5: 5 = 0 + 5 is the only way.
    expect(column({ '101': 0, '630': 5, '751': 7 })).toMatchObject({ '101': '<5', '630': 'x', total: 'x' });
    // A single municipality hidden for another reason: the total would be it.
    expect(column({ '101': 7 }, ['101'])).toEqual({ '101': 'x', total: 'x' });
  });

  it('leaves no hidden count under 5 with a single possible value (exhaustively, three municipalities 0–12)', () => {
    for (let a = 0; a <= 12; a += 1)
      for (let b = 0; b <= 12; b += 1)
        for (let c = 0; c <= 12; c += 1) {
          const values = { '101': a, '630': b, '751': c };
          const options = candidates(values);
          if (!options) continue;
          const hiddenSum = [...options.keys()].reduce((sum, k) => sum + values[k as keyof typeof values], 0);
          if (options.size > 0) expect(hiddenSum).toBeGreaterThanOrEqual(5);
          for (const [key, possible] of options) {
            if (values[key as keyof typeof values] < 5) expect(possible.size).toBeGreaterThan(1);
          }
        }
  });

  it('keeps forced cells hidden and the total with them', () => {
    expect(column({ '101': 7, '630': 9, '751': 12 }, ['101'])).toEqual({
      '101': 'x',
      '630': 'x',
      '751': '12',
      total: '28',
    });
    expect(column({ '101': 7, '630': 9 }, [], true).total).toBe('x');
  });
});

describe('protectCounts (rule 4)', () => {
  it('hides a whole wherever one of its parts is hidden, then protects the whole as a column', () => {
    const { municipalities, total } = protectCounts(
      ['enrolled', 'active', 'closed'] as const,
      [
        { municipalityCode: '101', counts: { enrolled: 12, active: 9, closed: 3 } },
        { municipalityCode: '630', counts: { enrolled: 20, active: 14, closed: 6 } },
        { municipalityCode: '751', counts: { enrolled: 30, active: 22, closed: 8 } },
      ],
      [{ whole: 'enrolled', parts: ['active', 'closed'] }],
    );
    const shown = (i: number) =>
      Object.fromEntries(Object.entries(municipalities[i]!.counts).map(([k, v]) => [k, v.shown]));
    // 101's closed is 3 (<5), so 630's closed (the smallest other) is x; both rows' enrolled are hidden.
    expect(shown(0)).toEqual({ enrolled: 'x', active: '9', closed: '<5' });
    expect(shown(1)).toEqual({ enrolled: 'x', active: '14', closed: 'x' });
    expect(shown(2)).toEqual({ enrolled: '30', active: '22', closed: '8' });
    expect(total.counts.enrolled.shown).toBe('62');
    expect(total.counts.closed.shown).toBe('17');
  });
});

describe('shares and averages (rule 5)', () => {
  it('are shown only from shown counts', () => {
    expect(protectedPercent({ value: 6, shown: '6' }, { value: 8, shown: '8' })).toBe(75);
    expect(protectedPercent({ value: null, shown: '<5' }, { value: 8, shown: '8' })).toBeNull();
    expect(protectedPercent({ value: 6, shown: '6' }, { value: null, shown: 'x' })).toBeNull();
    expect(protectedAverage(100, { value: 5, shown: '5' })).toBe(20);
    expect(protectedAverage(60, { value: null, shown: '<5' })).toBeNull();
  });
});
