import { cypher, totalSpec, totalsQuery } from '../cypher';
import type { Database } from '../db/database';
import type { NodeKindName, RelationshipTypeName } from '../model/model';

/**
 * How many relationships a list field has in all, whatever its `first` says (the `…Total` siblings of paged
 * fields): a page of a hub's list is useful only beside its size ("show all 38").
 */

/** Which relationships of a node to count: the same definition as the list field it sits beside. */
export interface TotalQuery {
  id: string;
  /** Relationship types; all when null. */
  types: readonly RelationshipTypeName[] | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  /** Kinds of the node at the other end; all when null. */
  kinds?: readonly NodeKindName[] | null;
}

/** A stable cache key: DataLoader merges identical asks within a request. */
export function totalKey(q: TotalQuery): string {
  return JSON.stringify([q.id, q.types, q.direction, q.kinds ?? null]);
}

/** The totals of many (node, field) asks in one round-trip, in the order of `queries`; 0 for an unknown node. */
export async function linkTotals(db: Database, queries: readonly TotalQuery[]): Promise<number[]> {
  if (queries.length === 0) return [];
  const specs = [...new Set(queries.map(totalSpec))].sort();
  const keys = queries.map((q) => ({ key: totalKey(q), id: q.id, spec: specs.indexOf(totalSpec(q)), kinds: q.kinds ?? null }));
  const rows = await db.read<{ key: string; total: number }>(totalsQuery(specs), { keys });
  const byKey = new Map(rows.map((r) => [r.key, r.total]));
  return keys.map((k) => byKey.get(k.key) ?? 0);
}

/** How many signatures were made on behalf of each organisation, in one round-trip, in the order of `ids`. */
export async function signatureTotals(db: Database, ids: readonly string[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.read<{ id: string; total: number }>(cypher('signature-totals'), { ids: [...new Set(ids)] });
  const byId = new Map(rows.map((r) => [r.id, r.total]));
  return ids.map((id) => byId.get(id) ?? 0);
}
