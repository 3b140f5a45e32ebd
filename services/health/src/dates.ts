export { isRealDate, todayInDenmark } from '@helhed/calendar';
