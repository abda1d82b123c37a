import { cypher } from '../cypher';
import type { Database } from '../db/database';
import type { CommonPartnerRow } from './rows';

/** Actors sharing agreements with both a and b. */
export async function commonPartners(db: Database, a: string, b: string, first: number): Promise<CommonPartnerRow[]> {
  return db.read<CommonPartnerRow>(cypher('common-partners'), { a, b, first });
}
