import { isBusinessDay, isRealDate } from '@helhed/calendar';
import { InputProblems } from '@helhed/errors';
import { computeDigests, runDailyDigest, type DigestRunDeps } from '../digest/daily-digest';
import { digestKey } from '../digest/digest';
import type { DigestSendOutcome } from '../digest/digest-delivery';
import type { DigestStatus } from '../digest/digest-store';
import { DayDigestStore, type DayDigest } from './day-digest-store';

/** What an operator asks for: a day of one municipality, previewed or sent. */
export interface ReminderRunRequest {
  day: string;
  municipality: string;
  dryRun: boolean;
}

/** One recipient's digest of the day, as an operator may see it: no citizen, no health detail, no name. */
export interface RecipientSummary {
  caseworkerId: string;
  /** How many reminders of each kind, in a fixed order (most urgent first as the digest lists them). */
  items: Array<{ kind: string; count: number }>;
  caseReferences: string[];
  /** The stored digest's status; null in a preview when the day's run has not written it yet. */
  status: DigestStatus | null;
}

export interface ReminderRunReport {
  day: string;
  municipality: string;
  dryRun: boolean;
  businessDay: boolean;
  recipients: RecipientSummary[];
  /** Digests this run wrote (0 in a preview). */
  written: number;
  /** Digests this run handed to the mail server. */
  sent: number;
  /** Digests of the day the mail server had accepted before this run. */
  alreadySent: number;
  /** Digests of the day not sent after this run (FAILED, UNCERTAIN, or PENDING after a temporary failure). */
  unsent: number;
}

/** What the daily run reads and writes with (`municipalities`: those the worker sends for), and: */
export interface ReminderRunsDeps extends DigestRunDeps {
  /** Today in Denmark (the platform clock): a day after it is not sent yet. */
  today: () => string;
  /** Sends one stored digest through the worker's path: the per-key advisory lock and the row's status. */
  send(deliveryKey: string): Promise<DigestSendOutcome>;
}

/** Why a day is not one (YYYY-MM-DD, a real date); null when it is. */
export const dayProblem = (day: string): string | null =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && isRealDate(day) ? null : `"${day}" is not a day (YYYY-MM-DD)`;

/**
 * Checks an operator's request before anything is read or written: a real
 * day; a municipality the worker sends for; and, to send, a business day that
 * has come (a later day is previewed, not sent: its due data is not final).
 * Throws BAD_USER_INPUT naming the field.
 */
export function validateReminderRun(
  request: ReminderRunRequest,
  settings: { municipalities: string[]; today: string },
): void {
  const problems = new InputProblems();
  const malformed = dayProblem(request.day);
  const wellFormed = malformed === null;
  if (malformed) problems.add('day', malformed);
  if (!/^\d{3}$/.test(request.municipality))
    problems.add('municipalityCode', `"${request.municipality}" is not a three-digit municipality code`);
  else if (!settings.municipalities.includes(request.municipality))
    problems.add(
      'municipalityCode',
      `The reminder worker does not send for municipality ${request.municipality} (it sends for ${settings.municipalities.join(', ')})`,
    );
  if (wellFormed && !request.dryRun) {
    if (!isBusinessDay(request.day))
      problems.add('day', `${request.day} is not a business day: no digests are made or sent for it`);
    else if (request.day > settings.today)
      problems.add('day', `${request.day} has not come yet (today is ${settings.today}): preview it with a dry run`);
  }
  problems.throwIfAny();
}

const KIND_ORDER = [
  'FOLLOW_UP_ESCALATED',
  'REGISTRATION_OVERVIEW',
  'REGISTRATION_PART_OVERDUE',
  'FOLLOW_UP_OVERDUE',
  'REGISTRATION_MISSING',
  'FOLLOW_UP_SOON',
];

function summaryOf(
  caseworkerId: string,
  items: Array<{ kind: string; caseReference: string | null }>,
  status: DigestStatus | null,
  overviewCases: string[] = [],
): RecipientSummary {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
  return {
    caseworkerId,
    items: [...counts]
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([kind, count]) => ({ kind, count })),
    caseReferences: [
      ...new Set([...items.flatMap((i) => (i.caseReference ? [i.caseReference] : [])), ...overviewCases]),
    ].sort(),
    status,
  };
}

const fromStored = (d: DayDigest) => summaryOf(d.caseworkerId, d.items, d.status);

/**
 * The operator's runs of a day's reminders (`npm run reminders`, and the
 * `runReminders` mutation): both call this one provider.
 * - A preview builds the day's digests as the daily run would (reading the
 *   gateway) and reports per recipient what they get, beside what is stored;
 *   it writes nothing and sends nothing.
 * - A send writes the day's digests as the daily run does (a recipient's
 *   first digest of the day wins) and sends every one not sent yet through
 *   the worker's own path, so it is safe while a worker runs: a digest
 *   already SENT is never sent again.
 */
export class ReminderRuns {
  private readonly days: DayDigestStore;

  constructor(private readonly deps: ReminderRunsDeps) {
    this.days = new DayDigestStore(deps.store.db);
  }

  /** The municipalities the worker sends for. */
  get municipalities(): string[] {
    return this.deps.municipalities;
  }

  /** Validates, then previews or sends. */
  async run(request: ReminderRunRequest): Promise<ReminderRunReport> {
    validateReminderRun(request, { municipalities: this.deps.municipalities, today: this.deps.today() });
    return request.dryRun
      ? this.preview(request.day, request.municipality)
      : this.send(request.day, request.municipality);
  }

  private async preview(day: string, municipality: string): Promise<ReminderRunReport> {
    const deps = { ...this.deps, municipalities: [municipality] };
    const [computed, stored] = await Promise.all([
      computeDigests(deps, municipality, day),
      this.days.ofDay(municipality, day),
    ]);
    const byKey = new Map(stored.map((d) => [d.deliveryKey, d]));
    // A stored digest is what its recipient gets (the first of the day wins); a computed one is what a run would write.
    const recipients = [
      ...stored.map(fromStored),
      ...computed
        .filter((d) => !byKey.has(digestKey(d.caseworkerId, d.day)))
        .map((d) =>
          summaryOf(
            d.caseworkerId,
            d.reminders.map((r) => ({ kind: r.kind, caseReference: 'caseReference' in r ? r.caseReference : null })),
            null,
            // An overview's cases are in its rows: the operator sees whose families a project lead is told of.
            d.reminders.flatMap((r) => ('perCaseworker' in r ? r.perCaseworker.flatMap((p) => p.caseReferences) : [])),
          ),
        ),
    ].sort((a, b) => a.caseworkerId.localeCompare(b.caseworkerId));
    const alreadySent = stored.filter((d) => d.status === 'SENT').length;
    return {
      day,
      municipality,
      dryRun: true,
      businessDay: isBusinessDay(day),
      recipients,
      written: 0,
      sent: 0,
      alreadySent,
      unsent: recipients.length - alreadySent,
    };
  }

  private async send(day: string, municipality: string): Promise<ReminderRunReport> {
    const before = await this.days.ofDay(municipality, day);
    let open: string[] = [];
    await runDailyDigest({ ...this.deps, municipalities: [municipality] }, day, async (keys) => {
      open = keys;
    });
    let sent = 0;
    for (const key of open) {
      try {
        if ((await this.deps.send(key)).sent) sent += 1;
      } catch (error) {
        // The row says what happened (PENDING after a temporary failure, FAILED for good); the report counts it.
        this.deps.logger.warn(
          { deliveryKey: key, err: error instanceof Error ? error.message : String(error) },
          'operator run: a digest was not sent',
        );
      }
    }
    const after = await this.days.ofDay(municipality, day);
    const alreadySent = before.filter((d) => d.status === 'SENT').length;
    const report: ReminderRunReport = {
      day,
      municipality,
      dryRun: false,
      businessDay: true,
      recipients: after.map(fromStored),
      written: after.length - before.length,
      sent,
      alreadySent,
      unsent: after.filter((d) => d.status !== 'SENT').length,
    };
    this.deps.logger.info(
      { day, municipality, written: report.written, sent, alreadySent, unsent: report.unsent },
      'operator run of a day’s reminders',
    );
    return report;
  }
}
