import crypto from 'node:crypto';
import type { Database } from '../db/database';
import type { Principal } from './roles';
import { verifyToken } from './tokens';

/** What the Authorization header says about a request. */
export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'signed-in'; principal: Principal }
  /** A token was sent but is not (or no longer) valid: a failed attempt. */
  | { kind: 'refused' };

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

/**
 * Reads `Authorization: Bearer <token>`. ACCORDS_ADMIN_TOKEN, when set, is an admin token that needs no
 * database (to create the first tokens on a fresh instance); other tokens are looked up by their hash. The
 * look-up uses the process's database handle, not the request's, so it is not counted as a round-trip of
 * the GraphQL request.
 */
export async function authenticate(db: Database, header: string | undefined, adminToken?: string): Promise<Authentication> {
  if (!header) return { kind: 'anonymous' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return { kind: 'refused' };
  const secret = m[1]!;
  if (adminToken && sameSecret(secret, adminToken)) {
    return { kind: 'signed-in', principal: { id: 'env-admin', name: 'ACCORDS_ADMIN_TOKEN', role: 'admin' } };
  }
  const principal = await verifyToken(db, secret);
  return principal ? { kind: 'signed-in', principal } : { kind: 'refused' };
}
