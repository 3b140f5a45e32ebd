export { now, today, todayInDenmark } from '@helhed/calendar';
