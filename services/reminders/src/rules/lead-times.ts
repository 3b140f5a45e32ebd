/** The lead times of the reminder rules, in Danish business days (configuration). */
export interface LeadTimes {
  /** Remind the responsible caseworker this many business days before a follow-up is due. */
  followUpBefore: number;
  /** Remind again this many business days after the due day (1 = the first business day after). */
  followUpOverdue: number;
  /** Tell the project lead when a follow-up is this many business days overdue. */
  followUpEscalation: number;
  /** Remind the contact person this many business days before the registration deadline (and on the day). */
  registrationBefore: number;
}

export const DEFAULT_LEAD_TIMES: LeadTimes = {
  followUpBefore: 3,
  followUpOverdue: 1,
  followUpEscalation: 10,
  registrationBefore: 3,
};

export function leadTimesOf(config: {
  FOLLOW_UP_LEAD_DAYS: number;
  FOLLOW_UP_OVERDUE_DAYS: number;
  FOLLOW_UP_ESCALATION_DAYS: number;
  REGISTRATION_LEAD_DAYS: number;
}): LeadTimes {
  return {
    followUpBefore: config.FOLLOW_UP_LEAD_DAYS,
    followUpOverdue: config.FOLLOW_UP_OVERDUE_DAYS,
    followUpEscalation: config.FOLLOW_UP_ESCALATION_DAYS,
    registrationBefore: config.REGISTRATION_LEAD_DAYS,
  };
}
