export { ageOn, isRealDate, todayInDenmark } from './dates';
export {
  addBusinessDays,
  addDays,
  businessDaysBetween,
  danishHolidays,
  easterSunday,
  isBusinessDay,
  lastDayOfMonth,
  nextMonth,
  nthBusinessDayOfMonth,
  type BusinessDayRules,
} from './business-days';
