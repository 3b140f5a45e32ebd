import { identity } from '@helhed/testing';
import { callerOnTeam } from './caller-access';

describe('callerOnTeam', () => {
  const me = identity('JOBCENTER', { userId: 'cw-1' });
  const day = '2026-11-22';

  it('is true for a membership of the caller that has begun and not ended', () => {
    expect(callerOnTeam(me, [{ caseworkerId: 'cw-1', from: '2026-01-01', to: null }], day)).toBe(true);
    expect(callerOnTeam(me, [{ caseworkerId: 'cw-1', from: day, to: day }], day)).toBe(true);
  });

  it("is false for another caseworker's membership, an ended one and one that begins later", () => {
    expect(callerOnTeam(me, [{ caseworkerId: 'cw-2', from: '2026-01-01', to: null }], day)).toBe(false);
    expect(callerOnTeam(me, [{ caseworkerId: 'cw-1', from: '2026-01-01', to: '2026-11-21' }], day)).toBe(false);
    expect(callerOnTeam(me, [{ caseworkerId: 'cw-1', from: '2026-11-23', to: null }], day)).toBe(false);
    expect(callerOnTeam(me, [], day)).toBe(false);
  });
});
