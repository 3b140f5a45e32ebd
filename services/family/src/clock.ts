export { todayInDenmark } from '@helhed/calendar';
