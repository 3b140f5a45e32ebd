import { createHash } from 'node:crypto';
import type { CaseworkerRef } from '../due/due';
import { URGENCY, type Reminder, type ReminderPreference } from '../rules/rules';
import { renderDigest, type Language } from './templates';

/** One caseworker's email of a day: everything due for them, most urgent first. */
export interface Digest {
  caseworkerId: string;
  day: string;
  to: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
  /** SHA-256 of subject, text and HTML: the same content gives the same hash. */
  contentHash: string;
  reminders: Reminder[];
}

/** The delivery key (and queue job id) of a caseworker's digest of a day: one per caseworker per day. */
export const digestKey = (caseworkerId: string, day: string) => `digest.${caseworkerId}.${day}`;

const dateOf = (r: Reminder) => ('dueOn' in r ? r.dueOn : r.deadline);
const caseOf = (r: Reminder) => ('caseReference' in r ? r.caseReference : '');

/** Most urgent first, then the earliest date, then by case reference. */
export function byUrgency(a: Reminder, b: Reminder): number {
  return (
    URGENCY[a.kind] - URGENCY[b.kind] ||
    dateOf(a).localeCompare(dateOf(b)) ||
    caseOf(a).localeCompare(caseOf(b)) ||
    a.kind.localeCompare(b.kind)
  );
}

/** Groups a day's reminders into one digest per recipient, in each recipient's language. */
export function buildDigests(
  day: string,
  reminders: Reminder[],
  preferences: ReadonlyMap<string, ReminderPreference>,
  frontendBaseUrl: string,
): Digest[] {
  const perRecipient = new Map<string, { recipient: CaseworkerRef; reminders: Reminder[] }>();
  for (const r of reminders) {
    const entry = perRecipient.get(r.recipient.id) ?? { recipient: r.recipient, reminders: [] };
    entry.reminders.push(r);
    perRecipient.set(r.recipient.id, entry);
  }
  return [...perRecipient.values()]
    .sort((a, b) => a.recipient.id.localeCompare(b.recipient.id))
    .map(({ recipient, reminders: own }) => {
      const language = preferences.get(recipient.id)?.language ?? 'da';
      const sorted = [...own].sort(byUrgency);
      const rendered = renderDigest({
        recipientName: recipient.name,
        day,
        language,
        reminders: sorted,
        frontendBaseUrl,
      });
      const contentHash = createHash('sha256')
        .update(rendered.subject)
        .update('\0')
        .update(rendered.text)
        .update('\0')
        .update(rendered.html)
        .digest('hex');
      return {
        caseworkerId: recipient.id,
        day,
        to: recipient.email,
        language,
        ...rendered,
        contentHash,
        reminders: sorted,
      };
    });
}
