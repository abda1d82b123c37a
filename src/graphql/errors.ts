import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseError } from '../db/database';
import { log } from '../log';

/** The codes a client may see in `extensions.code`, besides Apollo's own (GRAPHQL_PARSE_FAILED, …). */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'QUERY_TOO_COMPLEX'
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

/** Messages of the JavaScript runtime, which say nothing to a client and something to an attacker. */
const RUNTIME_MESSAGE = /Maximum call stack|is not a function|Cannot read propert|is not defined|Cannot convert|Invalid array length|out of memory/i;

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
    // Neo4j's own words (its codes, its Cypher) stay in the log: the client gets a code and a plain sentence.
    // An outage is logged once, when the breaker opens; each refused request is not.
    if (original.code !== 'UNAVAILABLE') log.warn('database error', { code: original.code, message: original.message });
    if (original.code === 'TIMEOUT') {
      return { ...formatted, message: 'The query took longer than the server allows and was stopped; ask for less (smaller pages, fewer levels)', extensions: { ...extensions, code: 'DATABASE_TIMEOUT' } };
    }
    if (original.code === 'CLIENT') {
      return { ...formatted, message: 'The database could not run this request with these arguments', extensions: { ...extensions, code: 'BAD_USER_INPUT' } };
    }
    return { ...formatted, message: 'The database is unavailable; try again shortly', extensions: { ...extensions, code: 'DATABASE_UNAVAILABLE' } };
  }
  if (RUNTIME_MESSAGE.test(formatted.message)) {
    log.error('runtime error reached a response', { message: formatted.message, code: extensions.code });
    const code = extensions.code === 'GRAPHQL_PARSE_FAILED' || extensions.code === 'GRAPHQL_VALIDATION_FAILED' ? 'QUERY_TOO_COMPLEX' : 'INTERNAL_SERVER_ERROR';
    return { message: code === 'QUERY_TOO_COMPLEX' ? 'The query is too large or too deeply nested to process' : 'Internal server error', extensions: { code } };
  }
  if (extensions.code === 'GRAPHQL_PARSE_FAILED' && /contains more tha[nt] \d+ tokens/.test(formatted.message)) {
    return { ...formatted, extensions: { ...extensions, code: 'QUERY_TOO_COMPLEX' } };
  }
  if (original instanceof GraphQLError || extensions.code !== 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, extensions };
  }
  log.error('unexpected error', { message: (original as Error)?.message, stack: (original as Error)?.stack });
  return { ...formatted, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
