import { mintCallerToken, type Identity } from '@helhed/identity';

export interface TokenSettings {
  issuer: string;
  audience: string;
  secret: string;
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: Array<{ message: string; extensions?: Record<string, unknown> }>,
  ) {
    super(message);
  }
}

/** Talks to the gateway as a given caller, the way a department front end does. */
export class GraphClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    readonly url: string,
    private readonly tokenSettings: TokenSettings,
  ) {}

  token(who: Identity): Promise<string> {
    const key = JSON.stringify(who);
    let token = this.tokens.get(key);
    if (!token) {
      token = mintCallerToken(who, { ...this.tokenSettings, expiresIn: '1h' });
      this.tokens.set(key, token);
    }
    return token;
  }

  /** Runs an operation and returns its data; any GraphQL error is thrown. */
  async request<T = any>(who: Identity, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.token(who)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: GraphQLRequestError['errors'] };
    if (body.errors?.length) {
      throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), body.errors);
    }
    return body.data as T;
  }
}
