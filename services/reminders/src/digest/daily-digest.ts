import { isBusinessDay } from '@helhed/calendar';
import type { Logger } from '@helhed/server';
import type { DueSnapshot, DueSource, RegistrationMonthDue } from '../due/due';
import type { LeadTimes } from '../rules/lead-times';
import {
  applySubstitutes,
  candidateMonths,
  followUpHorizon,
  isAbsent,
  registrationDayOf,
  remindersFor,
} from '../rules/rules';
import { buildDigests, type Digest } from './digest';
import type { DigestStore } from './digest-store';

export interface DigestRunResult {
  /** The day the run was for. */
  day: string;
  /** How many digests the day has (new and already written). */
  digests: number;
  /** Delivery keys put on the queue (those not sent yet). */
  enqueued: number;
  /** Milliseconds spent reading what is due and building the digests. */
  computeMs: number;
}

export interface DigestRunDeps {
  source: DueSource;
  store: DigestStore;
  lead: LeadTimes;
  frontendBaseUrl: string;
  municipalities: string[];
  logger: Logger;
}

/** What is due for a municipality on a day: the follow-ups, and the registrations whose deadline is near. */
export async function readDue(deps: DigestRunDeps, municipality: string, day: string): Promise<DueSnapshot> {
  const followUps = await deps.source.followUpsDue(municipality, followUpHorizon(day, deps.lead));
  const registrations: RegistrationMonthDue[] = [];
  for (const month of candidateMonths(day)) {
    const deadline = await deps.source.registrationDeadline(municipality, month);
    if (registrationDayOf(day, deadline, deps.lead) === null) continue;
    registrations.push({ month, deadline, members: await deps.source.registrationMonths(municipality, month) });
  }
  return { followUps, registrations };
}

/** The digests of one municipality's day (none on a day that is not a business day). */
export async function computeDigests(deps: DigestRunDeps, municipality: string, day: string): Promise<Digest[]> {
  if (!isBusinessDay(day)) return [];
  const due = await readDue(deps, municipality, day);
  const preferences = await deps.store.preferences(municipality);
  const substituteIds = [...preferences.values()]
    .filter((p) => isAbsent(p, day) && p.substituteId)
    .map((p) => p.substituteId!);
  const substitutes = await deps.source.caseworkers(municipality, substituteIds);
  const reminders = applySubstitutes(
    remindersFor(day, due, deps.lead),
    day,
    preferences,
    new Map(substitutes.map((c) => [c.id, c])),
  );
  return buildDigests(day, reminders, preferences, deps.frontendBaseUrl);
}

/**
 * The daily run: for each municipality, computes the day's digests, writes them
 * (before anything is sent) and hands the keys not yet sent to `enqueue`.
 */
export async function runDailyDigest(
  deps: DigestRunDeps,
  day: string,
  enqueue: (keys: string[]) => Promise<void>,
): Promise<DigestRunResult> {
  const result: DigestRunResult = { day, digests: 0, enqueued: 0, computeMs: 0 };
  for (const municipality of deps.municipalities) {
    const started = performance.now();
    const digests = await computeDigests(deps, municipality, day);
    result.computeMs += performance.now() - started;
    const keys = await deps.store.saveRun(municipality, day, digests);
    await enqueue(keys);
    result.digests += digests.length;
    result.enqueued += keys.length;
  }
  deps.logger.info(result, isBusinessDay(day) ? 'daily digest run' : 'daily digest run: not a business day');
  return result;
}
