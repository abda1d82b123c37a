import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseError } from '../db/database';
import { log } from '../log';

/** The codes a client may see in `extensions.code`, besides Apollo's own (GRAPHQL_PARSE_FAILED, …). */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

export function clientError(message: string, code: ErrorCode, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const notFound = (what: string, id: string) => clientError(`No ${what} with id "${id}"`, 'NOT_FOUND', { id });
export const badInput = (message: string, argument?: string) =>
  clientError(message, 'BAD_USER_INPUT', argument ? { argument } : {});

/**
 * The one place where whatever a resolver threw becomes what the client sees: database errors get a code and
 * a plain sentence, unexpected errors are logged and hidden, and no stack trace ever leaves the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { stacktrace: _drop, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  // Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; the code the limits or a scalar gave
  // (QUERY_TOO_COMPLEX, BAD_USER_INPUT for a malformed date literal) says more.
  const validated = (error as GraphQLError | undefined)?.originalError;
  if (validated instanceof GraphQLError && (validated.extensions.code === 'QUERY_TOO_COMPLEX' || validated.extensions.code === 'BAD_USER_INPUT')) {
    return { ...formatted, extensions: { ...extensions, ...validated.extensions } };
  }
  if (original instanceof DatabaseError) {
    const code: ErrorCode =
      original.code === 'TIMEOUT' ? 'DATABASE_TIMEOUT' : original.code === 'CLIENT' ? 'BAD_USER_INPUT' : 'DATABASE_UNAVAILABLE';
    if (code !== 'BAD_USER_INPUT') log.warn('database error', { message: original.message });
    const message =
      code === 'DATABASE_UNAVAILABLE' ? 'The database is unavailable; try again shortly' : code === 'DATABASE_TIMEOUT' ? original.message : original.message;
    return { ...formatted, message, extensions: { ...extensions, code } };
  }
  if (original instanceof GraphQLError || extensions.code !== 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, extensions };
  }
  log.error('unexpected error', { message: (original as Error)?.message, stack: (original as Error)?.stack });
  return { ...formatted, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
