import { cypher, nodesQuery, type NodeAsk } from '../cypher';
import type { Database } from '../db/database';
import type { EvidenceRow, NodeRow } from './rows';

export type { NodeAsk } from '../cypher';

/**
 * Nodes by id, in the order of `ids`; null where no node has the id. One round-trip: every property of each
 * node, or with `ask` only the fields it names, and then also each node's evidence and its sources when it
 * names the fields of the sources.
 */
export async function nodesByIds(db: Database, ids: readonly string[], ask: NodeAsk | null = null): Promise<Array<NodeRow | null>> {
  if (ids.length === 0) return [];
  const query = nodesQuery(ask);
  const rows = await db.read<{ node: unknown; evidence: EvidenceRow[] | null }>(query.text, { ids: [...new Set(ids)], evidenceFirst: ask?.evidenceFirst ?? null });
  const byId = new Map<string, NodeRow>();
  for (const r of rows) {
    const node = query.read(r.node, r.evidence);
    byId.set(node.id, node);
  }
  return ids.map((id) => byId.get(id) ?? null);
}

/** The ids among `ids` that name no node (one round-trip). */
export async function missingIds(db: Database, ids: readonly string[]): Promise<string[]> {
  const rows = await db.read<{ id: string; found: boolean }>(cypher('node-exists'), { ids: [...new Set(ids)] });
  return rows.filter((r) => !r.found).map((r) => r.id);
}
