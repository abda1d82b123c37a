import { GraphQLError } from 'graphql';
import type { ManagedTransaction } from 'neo4j-driver';
import { requireRole } from '../auth/guard';
import { DatabaseError } from '../db/database';
import type { Context } from '../graphql/context';
import { changeByKey, ChangeRow } from './changeLog';
import type { Author } from './facts';

/**
 * Every write goes through here: the role check, then one write transaction that first looks for the
 * change an earlier attempt with the same idempotency key made (answering with it instead of writing
 * again), and the transaction's bookmark kept for `extensions.bookmark`.
 */

const MAX_KEY = 200;
const MAX_REASON = 2000;

export interface WriteArgs {
  reason?: string | null;
  idempotencyKey?: string | null;
}

export type Outcome<T> = { replayed: false; value: T } | { replayed: true; change: ChangeRow };

/** Two writers made the same thing at once (same id, same idempotency key): the later one hit a constraint. */
const isClash = (err: unknown) =>
  err instanceof DatabaseError && String((err.cause as { code?: string } | undefined)?.code).includes('ConstraintValidationFailed');

export async function runWrite<T>(ctx: Context, args: WriteArgs, work: (tx: ManagedTransaction, author: Author) => Promise<T>): Promise<Outcome<T>> {
  const principal = requireRole(ctx, 'editor');
  const key = args.idempotencyKey ?? ctx.idempotencyKey ?? null;
  if (key !== null && (!key.trim() || key.length > MAX_KEY)) {
    throw new GraphQLError(`idempotencyKey must be 1 to ${MAX_KEY} characters`, { extensions: { code: 'BAD_USER_INPUT', argument: 'idempotencyKey' } });
  }
  if (args.reason && args.reason.length > MAX_REASON) {
    throw new GraphQLError(`reason must be at most ${MAX_REASON} characters`, { extensions: { code: 'BAD_USER_INPUT', argument: 'reason' } });
  }
  // Keys are per token: two editors cannot collide on a key, nor replay each other's writes.
  const storedKey = key === null ? null : `${principal.id}:${key}`;
  const author: Author = { principal, reason: args.reason ?? null, idempotencyKey: storedKey };
  const attempt = () =>
    ctx.db.writeWithBookmark(async (tx): Promise<Outcome<T>> => {
      if (storedKey !== null) {
        const earlier = await changeByKey(tx, storedKey);
        if (earlier) return { replayed: true, change: earlier };
      }
      return { replayed: false, value: await work(tx, author) };
    });
  // The same write sent several times at once: the first commits, the others hit a constraint (the id, the
  // key). Tried again, one with a key finds its change; one without finds the fact made meanwhile and
  // answers CONFLICT, as a later attempt would.
  let done;
  for (let tries = 1; ; tries++) {
    try {
      done = await attempt();
      break;
    } catch (err) {
      // With a key, a CONFLICT may be the same write committed by a concurrent attempt after this one looked
      // for its key: looked for again, it is found and answered with.
      const sameWriteMaybe = isClash(err) || (storedKey !== null && err instanceof GraphQLError && err.extensions.code === 'CONFLICT');
      if (!sameWriteMaybe || tries >= 3) throw err;
    }
  }
  ctx.bookmark = done.bookmark;
  return done.result;
}
