import type { Principal } from '../auth/roles';
import type { Database } from '../db/database';
import { createLoaders, Loaders } from './loaders';

/** Built per request: a database handle that counts this request's round-trips, loaders, and who is asking. */
export interface Context {
  db: Database;
  /** True when the request carries an admin token. */
  isAdmin: boolean;
  /** Who sent the request (a token's holder), or null for an anonymous reader. */
  principal: Principal | null;
  /** Whether the request may write from where it comes: no Origin, the server's own pages, or a listed origin. */
  originMayWrite: boolean;
  /** The request's `Idempotency-Key` header: a write retried with it is applied once. */
  idempotencyKey?: string;
  /** Set by a write: its bookmark, reported in `extensions.bookmark` so the client can read its own writes. */
  bookmark?: string;
  /** DataLoaders of this request only: batching and caching never cross requests. */
  loaders: Loaders;
  /** The request's estimated cost, set by the cost limit before execution (reported in `extensions.cost`). */
  cost: number;
}

export interface RequestIdentity {
  principal: Principal | null;
  originMayWrite: boolean;
  idempotencyKey?: string;
  /** Bookmarks the client sent back (`X-Accords-Bookmark`): reads wait until the database has them. */
  bookmarks?: string[];
}

const ANONYMOUS: RequestIdentity = { principal: null, originMayWrite: true };

/** A fresh context for one request over `db` (the process's database, scoped to count this request). */
export function createContext(db: Database, identity: RequestIdentity = ANONYMOUS): Context {
  const scoped = db.scoped(identity.bookmarks);
  return {
    db: scoped,
    isAdmin: identity.principal?.role === 'admin',
    principal: identity.principal,
    originMayWrite: identity.originMayWrite,
    idempotencyKey: identity.idempotencyKey,
    loaders: createLoaders(scoped),
    cost: 0,
  };
}
