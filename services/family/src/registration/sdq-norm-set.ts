import { InputProblems } from '@helhed/errors';
import { SDQ_INFORMANTS, SDQ_SCALES } from './sdq';

/** One band of a municipality's own SDQ norm set, as entered. */
export interface NormBandInput {
  informant: string;
  scale: string;
  threeBand?: string | null;
  fourBand?: string | null;
  minScore: number;
  maxScore: number;
}

export interface NormSetInput {
  name: string;
  source: string;
  bands: NormBandInput[];
}

/** The highest score of each scale. */
const SCALE_MAX: Record<string, number> = {
  TOTAL_DIFFICULTIES: 40,
  EXTERNALISING: 20,
  INTERNALISING: 20,
};

/**
 * Checks a municipality's own norm set (e.g. Danish norms): a new name, a named
 * source, and bands within their scale that do not overlap within one informant,
 * scale and banding.
 */
export function validateNormSet(input: NormSetInput, existing: ReadonlySet<string>) {
  const problems = new InputProblems();
  const name = input.name.trim();
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(name)) problems.add('input.name', 'A name is 1-40 letters, digits, _ or -');
  else if (existing.has(name)) problems.add('input.name', `There is a norm set ${name} already`);
  const source = input.source.trim();
  if (source.length < 3 || source.length > 500) problems.add('input.source', 'Name the source (3-500 characters)');
  if (input.bands.length === 0) problems.add('input.bands', 'A norm set has at least one band');
  const rows = input.bands.map((b, i) => {
    const at = `input.bands[${i}]`;
    if (!(SDQ_INFORMANTS as readonly string[]).includes(b.informant))
      problems.add(`${at}.informant`, 'Not an informant');
    if (!(SDQ_SCALES as readonly string[]).includes(b.scale)) problems.add(`${at}.scale`, 'Not an SDQ scale');
    if ((b.threeBand == null) === (b.fourBand == null)) problems.add(at, 'Give either threeBand or fourBand');
    const max = SCALE_MAX[b.scale] ?? 10;
    if (!Number.isInteger(b.minScore) || b.minScore < 0 || b.minScore > max)
      problems.add(`${at}.minScore`, `A score of ${b.scale} is 0-${max}`);
    if (!Number.isInteger(b.maxScore) || b.maxScore < b.minScore || b.maxScore > max)
      problems.add(`${at}.maxScore`, `From minScore up to ${max}`);
    return {
      informant: b.informant,
      scale: b.scale,
      banding: b.threeBand != null ? 'THREE_BAND' : 'FOUR_BAND',
      band: (b.threeBand ?? b.fourBand)!,
      minScore: b.minScore,
      maxScore: b.maxScore,
    };
  });
  rows.forEach((r, i) => {
    const overlap = rows.findIndex(
      (o, j) =>
        j < i &&
        o.informant === r.informant &&
        o.scale === r.scale &&
        o.banding === r.banding &&
        o.minScore <= r.maxScore &&
        r.minScore <= o.maxScore,
    );
    if (overlap >= 0) problems.add(`input.bands[${i}]`, `Overlaps input.bands[${overlap}]`);
  });
  problems.throwIfAny();
  return { name, source, rows };
}
