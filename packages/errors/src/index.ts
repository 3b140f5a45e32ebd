/**
 * Errors domain code throws. They carry a GraphQL error code but do not import
 * GraphQL or Apollo: the server package turns them into GraphQL errors with
 * `extensions.code` (and `extensions.field` for bad input).
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra, non-personal details for the client (never CPR numbers or names). */
  readonly details: Record<string, unknown> = {};
}

/** Input the caller sent is wrong. `field` is the path in the input, e.g. `input.members[1].cpr`. */
export class UserInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserInputError';
    this.details.field = field;
  }
}

/** Several input problems at once; each keeps its own field path. */
export class UserInputErrors extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly problems: UserInputError[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'UserInputErrors';
    this.details.field = problems[0]?.field;
    this.details.problems = problems.map((p) => ({ field: p.field, message: p.message }));
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(what: string) {
    super(`${what} was not found`);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'This request did not come through the Helhed gateway with a valid identity') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/**
 * Collects input problems while validating, so the caller gets all of them
 * in one answer; `throwIfAny` throws before anything is written.
 */
export class InputProblems {
  private readonly problems: UserInputError[] = [];
  add(field: string, message: string): void {
    this.problems.push(new UserInputError(field, message));
  }
  get empty(): boolean {
    return this.problems.length === 0;
  }
  throwIfAny(): void {
    if (this.problems.length === 1) throw this.problems[0];
    if (this.problems.length > 1) throw new UserInputErrors(this.problems);
  }
}
