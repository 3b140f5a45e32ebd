import { consentStatus, decideSharing, legalBasisStatus, type ConsentTerms, type LegalBasisTerms } from './sharing';

const consent = (over: Partial<ConsentTerms> = {}): ConsentTerms & { id: string } => ({
  id: 'c1',
  departments: ['JOBCENTER'],
  categories: ['HEALTH'],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  withdrawnOn: null,
  ...over,
});
const basis = (over: Partial<LegalBasisTerms> = {}): LegalBasisTerms & { id: string } => ({
  id: 'l1',
  departments: ['HEALTH'],
  categories: ['SOCIAL'],
  validFrom: '2026-01-01',
  validTo: null,
  ...over,
});

describe('decideSharing', () => {
  it('always lets the owning department see its own category, and says so', () => {
    for (const [department, category] of [
      ['FAMILY', 'BASIC'],
      ['FAMILY', 'SOCIAL'],
      ['JOBCENTER', 'EMPLOYMENT'],
      ['HEALTH', 'HEALTH'],
      ['ECONOMY', 'ECONOMY'],
    ] as const) {
      expect(decideSharing({ department, category, on: '2026-11-22' }, { consents: [], legalBases: [] })).toEqual({
        allowed: true,
        basis: [{ kind: 'OWN_DEPARTMENT' }],
      });
    }
  });

  it('keeps health data from the jobcenter unless a consent names both HEALTH and JOBCENTER', () => {
    const q = { department: 'JOBCENTER', category: 'HEALTH', on: '2026-11-22' } as const;
    expect(decideSharing(q, { consents: [], legalBases: [] })).toEqual({ allowed: false, basis: [] });
    expect(decideSharing(q, { consents: [consent({ departments: ['FAMILY'] })], legalBases: [] }).allowed).toBe(false);
    expect(decideSharing(q, { consents: [consent({ categories: ['SOCIAL'] })], legalBases: [] }).allowed).toBe(false);
    const c = consent();
    expect(decideSharing(q, { consents: [c], legalBases: [] })).toEqual({
      allowed: true,
      basis: [{ kind: 'CONSENT', consent: c }],
    });
  });

  it('counts a consent from validFrom through validTo, and no longer from the withdrawal day', () => {
    const at = (on: string, c: ConsentTerms) =>
      decideSharing({ department: 'JOBCENTER', category: 'HEALTH', on }, { consents: [c], legalBases: [] }).allowed;
    expect(at('2025-12-31', consent())).toBe(false);
    expect(at('2026-01-01', consent())).toBe(true);
    expect(at('2026-12-31', consent())).toBe(true);
    expect(at('2027-01-01', consent())).toBe(false);
    const withdrawn = consent({ withdrawnOn: '2026-06-01' });
    expect(at('2026-05-31', withdrawn)).toBe(true);
    expect(at('2026-06-01', withdrawn)).toBe(false);
  });

  it('accepts a legal basis as an alternative, and lists every basis that covers the question', () => {
    const q = { department: 'HEALTH', category: 'SOCIAL', on: '2026-11-22' } as const;
    const l = basis();
    const c = consent({ departments: ['HEALTH'], categories: ['SOCIAL'] });
    expect(decideSharing(q, { consents: [], legalBases: [l] })).toEqual({
      allowed: true,
      basis: [{ kind: 'LEGAL_BASIS', legalBasis: l }],
    });
    expect(decideSharing(q, { consents: [c], legalBases: [l, basis({ validTo: '2026-11-21' })] }).basis).toEqual([
      { kind: 'CONSENT', consent: c },
      { kind: 'LEGAL_BASIS', legalBasis: l },
    ]);
  });
});

describe('status on a day', () => {
  it('is PENDING, ACTIVE, EXPIRED or WITHDRAWN for a consent', () => {
    expect(consentStatus(consent({ validFrom: '2026-12-01' }), '2026-11-22')).toBe('PENDING');
    expect(consentStatus(consent(), '2026-11-22')).toBe('ACTIVE');
    expect(consentStatus(consent({ validTo: '2026-11-21' }), '2026-11-22')).toBe('EXPIRED');
    expect(consentStatus(consent({ withdrawnOn: '2026-11-22' }), '2026-11-22')).toBe('WITHDRAWN');
    expect(consentStatus(consent({ withdrawnOn: '2026-11-23' }), '2026-11-22')).toBe('ACTIVE');
  });

  it('is PENDING, ACTIVE or ENDED for a legal basis', () => {
    expect(legalBasisStatus(basis({ validFrom: '2026-12-01' }), '2026-11-22')).toBe('PENDING');
    expect(legalBasisStatus(basis(), '2026-11-22')).toBe('ACTIVE');
    expect(legalBasisStatus(basis({ validTo: '2026-11-21' }), '2026-11-22')).toBe('ENDED');
  });
});
