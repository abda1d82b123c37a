import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import type { NodeRow } from './rows';

/** Nodes by id, in the order of `ids`; null where no node has the id. One round-trip. */
export async function nodesByIds(db: Database, ids: readonly string[]): Promise<Array<NodeRow | null>> {
  if (ids.length === 0) return [];
  const rows = await db.read<{ node: NodeRow }>(cypher('nodes-by-id'), { ids: [...new Set(ids)] });
  const byId = new Map(rows.map((r) => [r.node.id, r.node]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The ids among `ids` that name no node (one round-trip). */
export async function missingIds(db: Database, ids: readonly string[]): Promise<string[]> {
  const rows = await db.read<{ id: string; found: boolean }>(cypher('node-exists'), { ids: [...new Set(ids)] });
  return rows.filter((r) => !r.found).map((r) => r.id);
}
