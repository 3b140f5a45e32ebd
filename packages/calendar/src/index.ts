export { ageOn, isRealDate, todayInDenmark } from './dates';
export {
  addBusinessDays,
  addDays,
  businessDaysBetween,
  danishHolidays,
  easterSunday,
  isBusinessDay,
  nextMonth,
  nthBusinessDayOfMonth,
  type BusinessDayRules,
} from './business-days';
