import { cypher } from '../cypher';
import type { Database } from '../db/database';
import type { EvidenceRow } from './rows';

/** A node (by id), or a relationship (by id, between the ids of its two ends). */
export interface FactKey {
  id: string;
  fromId?: string | null;
  toId?: string | null;
}

/** A stable cache key: DataLoader merges asks for the same fact within a request. */
export function factKey(k: FactKey): string {
  return k.fromId ? `${k.fromId}>${k.id}>${k.toId}` : k.id;
}

/** The evidence of many facts in one round-trip, each quote with its source row, in the order of `facts`. */
export async function evidenceOfFacts(db: Database, facts: readonly FactKey[]): Promise<EvidenceRow[][]> {
  if (facts.length === 0) return [];
  const keys = facts.map((f) => ({ key: factKey(f), id: f.id, fromId: f.fromId ?? null, toId: f.toId ?? null }));
  const rows = await db.read<{ key: string; evidence: EvidenceRow[] }>(cypher('evidence'), { keys });
  const byKey = new Map(rows.map((r) => [r.key, r.evidence]));
  return keys.map((k) => byKey.get(k.key) ?? []);
}
