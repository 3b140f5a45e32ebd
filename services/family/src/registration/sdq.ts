/**
 * Scoring of the Strengths and Difficulties Questionnaire (SDQ) by item number
 * and score only — the item texts are licensed and never kept. Follows the
 * published scoring (sdqinfo.org, "Scoring the SDQ"): items answered 0/1/2
 * ("not true", "somewhat true", "certainly true"), items 7, 11, 14, 21 and 25
 * reverse-scored, a subscale prorated from 3 or 4 answered items as
 * round(mean × 5), missing with fewer.
 */

export const SDQ_INFORMANTS = ['PARENT', 'TEACHER', 'SELF'] as const;
export type SdqInformant = (typeof SDQ_INFORMANTS)[number];

export const SDQ_SUBSCALES = ['EMOTIONAL', 'CONDUCT', 'HYPERACTIVITY', 'PEER', 'PROSOCIAL'] as const;
export type SdqSubscale = (typeof SDQ_SUBSCALES)[number];

export const SDQ_SCALES = [
  'TOTAL_DIFFICULTIES',
  'EMOTIONAL',
  'CONDUCT',
  'HYPERACTIVITY',
  'PEER',
  'PROSOCIAL',
  'EXTERNALISING',
  'INTERNALISING',
] as const;
export type SdqScale = (typeof SDQ_SCALES)[number];

/** The standard item → subscale mapping (item numbers 1-25). */
export const SDQ_ITEMS: Record<SdqSubscale, readonly number[]> = {
  EMOTIONAL: [3, 8, 13, 16, 24],
  CONDUCT: [5, 7, 12, 18, 22],
  HYPERACTIVITY: [2, 10, 15, 21, 25],
  PEER: [6, 11, 14, 19, 23],
  PROSOCIAL: [1, 4, 9, 17, 20],
};

/** Items scored the other way round (2 - answer). */
export const SDQ_REVERSED: ReadonlySet<number> = new Set([7, 11, 14, 21, 25]);

export interface SdqItemAnswer {
  item: number;
  answer: number;
}

/** A subscale's score and whether it was prorated from 3 or 4 items; score null when fewer were answered. */
export interface SubscaleScore {
  score: number | null;
  prorated: boolean;
}

/** The five subscales from item answers (already validated: items 1-25 once each, answers 0-2). */
export function subscalesFromItems(answers: readonly SdqItemAnswer[]): Record<SdqSubscale, SubscaleScore> {
  const byItem = new Map(answers.map((a) => [a.item, SDQ_REVERSED.has(a.item) ? 2 - a.answer : a.answer]));
  const out = {} as Record<SdqSubscale, SubscaleScore>;
  for (const scale of SDQ_SUBSCALES) {
    const scores = SDQ_ITEMS[scale].flatMap((item) => (byItem.has(item) ? [byItem.get(item)!] : []));
    if (scores.length < 3) out[scale] = { score: null, prorated: false };
    else {
      const sum = scores.reduce((a, b) => a + b, 0);
      // The official syntax: round(mean of the answered items × 5); half rounds up.
      out[scale] =
        scores.length === 5
          ? { score: sum, prorated: false }
          : { score: Math.round((sum / scores.length) * 5), prorated: true };
    }
  }
  return out;
}

const sum = (...xs: Array<number | null>) =>
  xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + b!, 0);

/** Every SDQ scale from the five subscales: total difficulties and the broader externalising/internalising scores. */
export function sdqScales(sub: Record<SdqSubscale, number | null>): Record<SdqScale, number | null> {
  return {
    TOTAL_DIFFICULTIES: sum(sub.EMOTIONAL, sub.CONDUCT, sub.HYPERACTIVITY, sub.PEER),
    EMOTIONAL: sub.EMOTIONAL,
    CONDUCT: sub.CONDUCT,
    HYPERACTIVITY: sub.HYPERACTIVITY,
    PEER: sub.PEER,
    PROSOCIAL: sub.PROSOCIAL,
    EXTERNALISING: sum(sub.CONDUCT, sub.HYPERACTIVITY),
    INTERNALISING: sum(sub.EMOTIONAL, sub.PEER),
  };
}

/** One row of a norm set: the score range of a band of one scale for one informant. */
export interface SdqNormBand {
  normSet: string;
  informant: string;
  scale: string;
  banding: string;
  band: string;
  minScore: number;
  maxScore: number;
}

/** The band a score falls in under a norm set, or null when the set has no band for it (e.g. no UK cut-offs for externalising). */
export function bandOf(
  bands: readonly SdqNormBand[],
  q: { normSet: string; informant: string; scale: string; banding: 'THREE_BAND' | 'FOUR_BAND'; score: number | null },
): string | null {
  if (q.score === null) return null;
  const found = bands.find(
    (b) =>
      b.normSet === q.normSet &&
      b.informant === q.informant &&
      b.scale === q.scale &&
      b.banding === q.banding &&
      b.minScore <= q.score! &&
      q.score! <= b.maxScore,
  );
  return found?.band ?? null;
}
