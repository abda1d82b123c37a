import { ConfigError } from '../config';
import { DatabaseError } from '../db/database';
import { RuntimeError } from '../db/runtime';
import { CorpusPathError, ImportError, formatProblem } from '../import';
import { BulkLoadRefused } from '../import/bulk';
import { NodeStillReferenced } from '../import/reconcile';

/**
 * The errors a user causes and fixes (configuration, a path, the corpus, a port, Java or Maven, the database's
 * address or password): each message names the problem and what to do, so a stack trace would only bury it.
 * Anything else is a bug in Accords and keeps its stack.
 */
const USER_ERRORS = [ConfigError, RuntimeError, DatabaseError, CorpusPathError, ImportError, BulkLoadRefused, NodeStillReferenced] as const;

export function isUserError(err: unknown): err is Error {
  return USER_ERRORS.some((kind) => err instanceof kind);
}

export interface Failure {
  /** The problem, in one sentence. */
  msg: string;
  /** Structured details: the error's class, the corpus problems, the tail of Neo4j's log, or the stack of a bug. */
  fields: Record<string, unknown>;
}

/** What a failed command reports: one log line naming the problem, with a stack only for the unexpected. */
export function describeFailure(err: unknown): Failure {
  if (err instanceof ImportError) {
    const n = err.problems.length;
    return {
      msg: `the corpus has ${n} problem${n === 1 ? '' : 's'}; nothing was written`,
      fields: { error: err.name, problems: err.problems.map(formatProblem) },
    };
  }
  if (isUserError(err)) {
    // Some carry more lines (the tail of Neo4j's log): the first says what went wrong.
    const [first, ...rest] = err.message.split('\n');
    return { msg: first ?? err.name, fields: { error: err.name, ...(rest.length ? { details: rest } : {}) } };
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return { msg: `unexpected error: ${e.message}`, fields: { error: e.name, stack: e.stack } };
}
