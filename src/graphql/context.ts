import type { Database } from '../db/database';
import { createLoaders, Loaders } from './loaders';

/** Built per request: a database handle that counts this request's round-trips, loaders, and who is asking. */
export interface Context {
  db: Database;
  /** True when the request carries the admin bearer token (needed for writes). */
  isAdmin: boolean;
  /** DataLoaders of this request only: batching and caching never cross requests. */
  loaders: Loaders;
  /** The request's estimated cost, set by the cost limit before execution (reported in `extensions.cost`). */
  cost: number;
}

/** A fresh context for one request over `db` (the process's database, scoped to count this request). */
export function createContext(db: Database, isAdmin: boolean): Context {
  const scoped = db.scoped();
  return { db: scoped, isAdmin, loaders: createLoaders(scoped), cost: 0 };
}
