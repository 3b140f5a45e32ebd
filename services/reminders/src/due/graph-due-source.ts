import { mintCallerToken, type Identity } from '@helhed/identity';
import { describeError } from '@helhed/server';
import type { CaseworkerRef, DueSource, FollowUpDue, PersonMonthDue } from './due';

/** The worker's own identity: role SERVICE, one per municipality. */
export const serviceIdentity = (municipality: string): Identity => ({
  userId: 'reminders-worker',
  municipality,
  department: 'FAMILY',
  roles: ['SERVICE'],
});

export interface GatewaySettings {
  GATEWAY_URL: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
  JWT_SECRET: string;
}

const CASEWORKER = 'id name email department';

/** A gateway that has not answered in this long is treated as down (the run fails and is retried), not waited on. */
const REQUEST_TIMEOUT_MS = 60_000;

const FOLLOW_UPS_DUE = `query RemindersFollowUpsDue($until: Date!) {
  followUpsDue(until: $until) { kind id familyId caseReference dueOn responsible { ${CASEWORKER} } projectLead { ${CASEWORKER} } }
}`;
const REGISTRATION_DEADLINE = `query RemindersRegistrationDeadline($month: YearMonth!) { registrationDeadline(month: $month) }`;
const REGISTRATION_MONTHS = `query RemindersRegistrationMonths($month: YearMonth!) {
  registrationMonths(month: $month) {
    personId month familyId caseReference memberRole memberNumber deadline complete
    missingParts { department responsible { ${CASEWORKER} } }
    contactPerson { ${CASEWORKER} }
    projectLead { ${CASEWORKER} }
  }
}`;
const CASEWORKERS = `query RemindersCaseworkers { caseworkers { ${CASEWORKER} } }`;

/** The gateway did not answer, or answered without the data: the message names its URL and the cause. */
export class GatewayError extends Error {}

/**
 * Reads what is due through the gateway with the worker's own SERVICE token
 * (signed with the gateway's JWT secret, as `npm run token` does; renewed hourly).
 */
export class GraphDueSource implements DueSource {
  private readonly tokens = new Map<string, { token: Promise<string>; until: number }>();

  constructor(private readonly settings: GatewaySettings) {}

  private token(municipality: string): Promise<string> {
    const cached = this.tokens.get(municipality);
    if (cached && cached.until > Date.now()) return cached.token;
    const token = mintCallerToken(serviceIdentity(municipality), {
      issuer: this.settings.JWT_ISSUER,
      audience: this.settings.JWT_AUDIENCE,
      secret: this.settings.JWT_SECRET,
      expiresIn: '2h',
    });
    this.tokens.set(municipality, { token, until: Date.now() + 60 * 60 * 1000 });
    return token;
  }

  async request<T>(municipality: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const url = this.settings.GATEWAY_URL;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.token(municipality)}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      // Node's bare "fetch failed" names neither the gateway nor why: its cause does (ECONNREFUSED 127.0.0.1:4000).
      const why =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`
          : describeError(error);
      throw new GatewayError(`The gateway at ${url} did not answer: ${why}`, { cause: error });
    }
    const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: Array<{ message: string }> };
    if (body.errors?.length || !body.data) {
      throw new GatewayError(
        `The gateway at ${url} answered ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`,
      );
    }
    return body.data;
  }

  async followUpsDue(municipality: string, until: string): Promise<FollowUpDue[]> {
    return (await this.request<{ followUpsDue: FollowUpDue[] }>(municipality, FOLLOW_UPS_DUE, { until })).followUpsDue;
  }

  async registrationDeadline(municipality: string, month: string): Promise<string> {
    return (await this.request<{ registrationDeadline: string }>(municipality, REGISTRATION_DEADLINE, { month }))
      .registrationDeadline;
  }

  async registrationMonths(municipality: string, month: string): Promise<PersonMonthDue[]> {
    return (await this.request<{ registrationMonths: PersonMonthDue[] }>(municipality, REGISTRATION_MONTHS, { month }))
      .registrationMonths;
  }

  async caseworkers(municipality: string, ids: string[]): Promise<CaseworkerRef[]> {
    if (ids.length === 0) return [];
    const wanted = new Set(ids);
    const data = await this.request<{ caseworkers: CaseworkerRef[] }>(municipality, CASEWORKERS);
    return data.caseworkers.filter((c) => wanted.has(c.id));
  }
}
