export { ageOn, isRealDate, today, todayInDenmark } from './dates';
export {
  advanceClock,
  clock,
  clockNotice,
  clockSettingOf,
  clockSource,
  ClockSettingError,
  now,
  nowMs,
  parseInstant,
  setClock,
  type Clock,
} from './clock';
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
