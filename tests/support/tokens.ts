import { createToken } from '../../src/auth/tokens';
import type { Role } from '../../src/auth/roles';
import type { Database } from '../../src/db/database';

/** Test tokens are named with this prefix, so a test file removes exactly the ones it made. */
export const TEST_TOKEN_PREFIX = 'test-token:';

/** A real token, stored as the API stores them; returns the headers that send it. */
export async function tokenHeaders(db: Database, role: Role, name: string = role): Promise<{ authorization: string; id: string }> {
  const { token, secret } = await createToken(db, role, `${TEST_TOKEN_PREFIX}${name}`, 'tests');
  return { authorization: `Bearer ${secret}`, id: token.id };
}

export async function removeTestTokens(db: Database): Promise<void> {
  await db.write('MATCH (t:Token) WHERE t.name STARTS WITH $prefix DELETE t', { prefix: TEST_TOKEN_PREFIX });
}
