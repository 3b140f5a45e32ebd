import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '@helhed/errors';
import type { Logger } from './logger';

/** Codes the client may see as they are; anything else is masked. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Turns domain errors into GraphQL errors with a code (and the input field path
 * for bad input) and masks everything else: no stack traces, SQL or personal
 * data leave the process; the full error goes to the log with the request id.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
        const field = variableFieldOf(formatted.message);
        if (field) extensions.field = field;
      }
      return { ...formatted, extensions };
    }
    logger.error(
      { error: loggableError(original), path: formatted.path },
      'unexpected error while resolving a request',
    );
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * GraphQL reports a variable that does not fit the schema (an unknown enum
 * value, a malformed Date) only in its message; give clients the same
 * `extensions.field` path our own validation gives, e.g. `input.type`.
 */
export function variableFieldOf(message: string): string | undefined {
  const m = /^Variable "\$(\w+)" got invalid value .*? at "\1\.([^"]+)"/s.exec(message);
  if (m) return `${m[1]}.${m[2]}`;
  return /^Variable "\$(\w+)" (got invalid value|of required type|of non-null type)/.exec(message)?.[1];
}

/** Properties of a database (pg) error that name what failed without its values. */
const DATABASE_ERROR_FIELDS = ['code', 'table', 'column', 'constraint', 'routine'];

/**
 * What of an unexpected error goes to the log: its kind, message, stack and,
 * for a database error, its code, table and constraint — not the statement's
 * parameters, the row PostgreSQL echoes in `detail`, or anything else attached
 * to it, which carry personal data (names, CPR numbers).
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const cause = (error as { originalError?: unknown }).originalError;
  if (cause instanceof Error) return loggableError(cause);
  const driver = ((error as { driverError?: unknown }).driverError ?? error) as Record<string, unknown>;
  const loggable: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  for (const key of DATABASE_ERROR_FIELDS) if (typeof driver[key] === 'string') loggable[key] = driver[key];
  return loggable;
}
