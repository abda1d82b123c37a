import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import type { EvidenceRow, NodeRow } from './rows';

/**
 * Nodes by id, in the order of `ids`; null where no node has the id. One round-trip, which also reads each
 * node's evidence and its sources when `withEvidence`.
 */
export async function nodesByIds(db: Database, ids: readonly string[], withEvidence = false): Promise<Array<NodeRow | null>> {
  if (ids.length === 0) return [];
  const rows = await db.read<{ node: NodeRow; evidence: EvidenceRow[] | null }>(cypher('nodes-by-id'), {
    ids: [...new Set(ids)],
    evidence: withEvidence,
  });
  const byId = new Map(rows.map((r) => [r.node.id, withEvidence ? { ...r.node, evidence: r.evidence } : r.node]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The ids among `ids` that name no node (one round-trip). */
export async function missingIds(db: Database, ids: readonly string[]): Promise<string[]> {
  const rows = await db.read<{ id: string; found: boolean }>(cypher('node-exists'), { ids: [...new Set(ids)] });
  return rows.filter((r) => !r.found).map((r) => r.id);
}
