import crypto from 'node:crypto';
import { cypher } from '../cypher';
import type { Database } from '../db/database';
import type { Principal, Role } from './roles';

/**
 * API tokens, stored as the sha-256 of a random secret: the secret is shown once, at creation, and never
 * stored. A token is looked up by its hash (unique constraint `token_hash`), one index read per request.
 */

export interface TokenRow {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

const PREFIX = 'acc_';

export const hashToken = (secret: string): string => crypto.createHash('sha256').update(secret, 'utf8').digest('hex');

/** Creates a token; returns its row and the secret, which only the caller ever sees. */
export async function createToken(db: Database, role: Role, name: string, createdBy: string): Promise<{ token: TokenRow; secret: string }> {
  const secret = PREFIX + crypto.randomBytes(32).toString('base64url');
  const id = `tok-${crypto.randomBytes(6).toString('hex')}`;
  const [token] = await db.write<TokenRow>(cypher('token-create'), { id, name, role, hash: hashToken(secret), createdBy });
  return { token: { ...token!, revokedAt: null }, secret };
}

/** Revokes a token; null when no token has that id. Revoking twice keeps the first date. */
export async function revokeToken(db: Database, id: string, revokedBy: string): Promise<TokenRow | null> {
  const [token] = await db.write<TokenRow>(cypher('token-revoke'), { id, revokedBy });
  return token ?? null;
}

export async function listTokens(db: Database): Promise<TokenRow[]> {
  return db.read<TokenRow>(cypher('token-list'));
}

/** The holder of a live token, or null for an unknown or revoked one. */
export async function verifyToken(db: Database, secret: string): Promise<Principal | null> {
  // A secret of another shape cannot be ours: no database read for it.
  if (!secret.startsWith(PREFIX) || secret.length > 100) return null;
  const [row] = await db.read<{ id: string; name: string; role: Role }>(cypher('token-verify'), { hash: hashToken(secret) });
  return row ? { id: row.id, name: row.name, role: row.role } : null;
}
