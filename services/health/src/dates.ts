export { isRealDate, now, today, todayInDenmark } from '@helhed/calendar';
