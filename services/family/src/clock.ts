/** Today's date in Denmark (YYYY-MM-DD): ages and dates follow Danish local time, not UTC. */
export function todayInDenmark(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(now);
}
