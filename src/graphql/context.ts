import type { Database } from '../db/database';

/** Built per request: a database handle that counts this request's round-trips, and who is asking. */
export interface Context {
  db: Database;
  /** True when the request carries the admin bearer token (needed for writes). */
  isAdmin: boolean;
}
