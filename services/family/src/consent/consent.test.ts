import { UserInputError, UserInputErrors } from '@helhed/errors';
import { validateConsent, validateWithdrawal, type GiveConsentInput } from './consent';
import { validateCustodyHolders } from './custody';
import { validateLegalBasis, validateLegalBasisEnd } from './legal-basis';
import type { MemberFacts } from './member-facts';

const today = '2026-11-22';
const member = (id: string, role: MemberFacts['role'], birthDate: string, familyId = 'f1'): MemberFacts => ({
  id,
  familyId,
  role,
  birthDate,
  removedOn: null,
});
const mother = member('mother', 'PARENT', '1988-05-12');
const father = member('father', 'PARENT', '1986-02-01');
const child10 = member('child10', 'CHILD', '2016-03-03');
const teen16 = member('teen16', 'CHILD', '2010-01-15');
const teen17 = member('teen17', 'CHILD', '2009-06-01');
const stranger = member('stranger', 'PARENT', '1980-01-01', 'f2');

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserInputErrors) return e.problems.map((p) => p.field);
    if (e instanceof UserInputError) return [e.field];
    throw e;
  }
  return [];
};

const input = (over: Partial<GiveConsentInput> = {}): GiveConsentInput => ({
  personId: 'x',
  givenById: 'x',
  departments: ['JOBCENTER'],
  categories: ['HEALTH'],
  purpose: 'Coordinated plan',
  validFrom: '2026-11-01',
  ...over,
});
const settings = { ownAge: 15, today };
const give = (person: MemberFacts | null, givenBy: MemberFacts | null, holders: string[] = [], over = {}) =>
  validateConsent(input(over), { person, givenBy, custodyHolderIds: holders }, settings);

describe('who may give a consent', () => {
  it('an adult for themselves, not for another adult', () => {
    expect(give(mother, mother).givenById).toBe('mother');
    expect(fieldsOf(() => give(mother, father))).toEqual(['input.givenById']);
  });

  it('only a custody holder for a child under 15: not the child, not a parent without custody', () => {
    expect(give(child10, mother, ['mother']).givenById).toBe('mother');
    expect(fieldsOf(() => give(child10, child10, ['mother']))).toEqual(['input.givenById']);
    expect(fieldsOf(() => give(child10, father, ['mother']))).toEqual(['input.givenById']);
  });

  it('a young person from 15 for themselves, or a custody holder for them', () => {
    expect(give(teen16, teen16).givenById).toBe('teen16');
    expect(give(teen16, mother, ['mother']).givenById).toBe('mother');
    expect(fieldsOf(() => give(teen16, father, ['mother']))).toEqual(['input.givenById']);
  });

  it('follows CONSENT_OWN_AGE', () => {
    const strict = { ownAge: 18, today };
    const facts = { person: teen17, givenBy: teen17, custodyHolderIds: [] };
    expect(fieldsOf(() => validateConsent(input(), facts, strict))).toEqual(['input.givenById']);
  });

  it('takes the age on the day the consent was given', () => {
    // 15 on 2025-01-15: a consent from 2024 was given by a 14-year-old.
    expect(fieldsOf(() => give(teen16, teen16, [], { validFrom: '2024-12-01' }))).toEqual(['input.givenById']);
  });

  it('a giver from another family is refused', () => {
    expect(fieldsOf(() => give(child10, stranger, ['mother']))).toEqual(['input.givenById']);
  });
});

describe('validateConsent', () => {
  it('reports every problem with its field path', () => {
    expect(
      fieldsOf(() =>
        validateConsent(
          input({ departments: [], categories: [], purpose: ' ', validTo: '2026-10-01' }),
          { person: null, givenBy: { ...mother, removedOn: '2026-01-01' }, custodyHolderIds: [] },
          settings,
        ),
      ),
    ).toEqual([
      'input.personId',
      'input.givenById',
      'input.departments',
      'input.categories',
      'input.purpose',
      'input.validTo',
    ]);
  });

  it('refuses unknown departments and categories even when GraphQL did not', () => {
    expect(
      fieldsOf(() => give(mother, mother, [], { departments: ['POLICE' as never], categories: ['X' as never] })),
    ).toEqual(['input.departments[0]', 'input.categories[0]']);
  });

  it('keeps each department and category once, and trims the purpose', () => {
    const valid = give(mother, mother, [], {
      departments: ['JOBCENTER', 'HEALTH', 'JOBCENTER'],
      categories: ['SOCIAL', 'SOCIAL'],
      purpose: '  Plan  ',
    });
    expect(valid).toMatchObject({ departments: ['JOBCENTER', 'HEALTH'], categories: ['SOCIAL'], purpose: 'Plan' });
  });
});

describe('validateWithdrawal', () => {
  const current = { validFrom: '2026-01-01', validTo: '2026-12-31', withdrawnOn: null };
  it('withdraws once, not before validFrom, not after expiry', () => {
    expect(
      validateWithdrawal(current, { consentId: 'c', withdrawnOn: '2026-11-22', reason: ' Changed mind ' }),
    ).toEqual({ withdrawnOn: '2026-11-22', withdrawalReason: 'Changed mind' });
    expect(fieldsOf(() => validateWithdrawal(current, { consentId: 'c', withdrawnOn: '2025-12-31' }))).toEqual([
      'input.withdrawnOn',
    ]);
    expect(fieldsOf(() => validateWithdrawal(current, { consentId: 'c', withdrawnOn: '2027-01-01' }))).toEqual([
      'input.withdrawnOn',
    ]);
    expect(
      fieldsOf(() =>
        validateWithdrawal({ ...current, withdrawnOn: '2026-05-01' }, { consentId: 'c', withdrawnOn: '2026-06-01' }),
      ),
    ).toEqual(['input.consentId']);
    expect(
      fieldsOf(() =>
        validateWithdrawal(current, { consentId: 'c', withdrawnOn: '2026-06-01', reason: 'x'.repeat(501) }),
      ),
    ).toEqual(['input.reason']);
  });
});

describe('validateCustodyHolders', () => {
  const lookup = (...ms: MemberFacts[]) => new Map(ms.map((m) => [m.id, m]));
  const people = lookup(mother, father, child10, teen16, stranger);
  const set = (childId: string, holderIds: string[]) =>
    validateCustodyHolders(
      { childId, holderIds },
      people.get(childId) ?? null,
      holderIds.map((id) => people.get(id) ?? null),
      today,
    );

  it('accepts one or two adult members of the family, or none', () => {
    expect(set('child10', ['mother', 'father'])).toEqual({
      childId: 'child10',
      familyId: 'f1',
      holderIds: ['mother', 'father'],
    });
    expect(set('child10', []).holderIds).toEqual([]);
  });

  it('refuses a child as custody holder, with the index of the holder', () => {
    expect(fieldsOf(() => set('child10', ['mother', 'teen16']))).toEqual(['input.holderIds[1]']);
    expect(fieldsOf(() => set('child10', ['child10']))).toEqual(['input.holderIds[0]']);
  });

  it('refuses an adult as the child, strangers, unknown ids, repeats and more than two', () => {
    expect(fieldsOf(() => set('mother', ['father']))).toEqual(['input.childId']);
    expect(fieldsOf(() => set('child10', ['stranger', 'nobody', 'mother', 'mother']))).toEqual([
      'input.holderIds',
      'input.holderIds[0]',
      'input.holderIds[1]',
      'input.holderIds[3]',
    ]);
  });
});

describe('legal bases', () => {
  const valid = {
    personId: 'mother',
    departments: ['HEALTH' as const],
    categories: ['SOCIAL' as const],
    code: 'SEL_49B',
    citation: 'Servicelovens § 49 b',
    validFrom: '2026-01-01',
  };

  it('records a code of capital letters, digits and underscores with a citation', () => {
    expect(validateLegalBasis(valid, mother)).toMatchObject({ code: 'SEL_49B', familyId: 'f1', validTo: null });
    expect(
      fieldsOf(() =>
        validateLegalBasis(
          { ...valid, code: 'sel 49b', citation: '', departments: [], validTo: '2025-01-01' },
          { ...mother, removedOn: '2026-02-01' },
        ),
      ),
    ).toEqual(['input.personId', 'input.departments', 'input.code', 'input.citation', 'input.validTo']);
    expect(fieldsOf(() => validateLegalBasis({ ...valid, code: 'X' }, mother))).toEqual(['input.code']);
  });

  it('ends only within its period, and is not extended', () => {
    const current = { validFrom: '2026-01-01', validTo: null };
    expect(validateLegalBasisEnd(current, { legalBasisId: 'l', validTo: '2026-11-22' })).toEqual({
      validTo: '2026-11-22',
    });
    expect(fieldsOf(() => validateLegalBasisEnd(current, { legalBasisId: 'l', validTo: '2025-12-31' }))).toEqual([
      'input.validTo',
    ]);
    expect(
      fieldsOf(() =>
        validateLegalBasisEnd({ ...current, validTo: '2026-06-30' }, { legalBasisId: 'l', validTo: '2026-07-31' }),
      ),
    ).toEqual(['input.validTo']);
  });
});
