import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { NodeKindName, RELATIONSHIP_TYPE_NAMES, RelationshipTypeName } from '../model/model';
import type { LinkRow, RelationshipRow } from './rows';
import { linksQuery } from './shape';

/** Which relationships of a node to follow. */
export interface LinkQuery {
  id: string;
  /** Relationship types; all when null. */
  types: readonly RelationshipTypeName[] | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  /** Kinds of the node at the other end; all when null. */
  kinds?: readonly NodeKindName[] | null;
  /** At most this many (after ordering by the other end's date, then name); all when null. */
  first?: number | null;
}

/** A stable cache key for a LinkQuery: DataLoader merges identical asks within a request. */
export function linkKey(q: LinkQuery): string {
  return JSON.stringify([q.id, q.types, q.direction, q.kinds ?? null, q.first ?? null]);
}

/** The links of many nodes in one round-trip, in the order of `queries`. */
export async function linksOf(db: Database, queries: readonly LinkQuery[]): Promise<LinkRow[][]> {
  if (queries.length === 0) return [];
  const keys = queries.map((q) => ({
    key: linkKey(q),
    id: q.id,
    types: q.types ?? RELATIONSHIP_TYPE_NAMES,
    dir: q.direction,
    kinds: q.kinds ?? null,
    first: q.first ?? null,
  }));
  const rows = await db.read<{ key: string; links: LinkRow[] }>(linksQuery(), { keys });
  const byKey = new Map(rows.map((r) => [r.key, r.links]));
  return keys.map((k) => byKey.get(k.key) ?? []);
}

/** Signatures made on behalf of each organisation, in one round-trip, in the order of `ids`. */
export async function signaturesOnBehalfOf(db: Database, ids: readonly string[]): Promise<RelationshipRow[][]> {
  if (ids.length === 0) return [];
  const rows = await db.read<{ id: string; signatures: Array<Pick<RelationshipRow, 'from' | 'to'> & { relationship: RelationshipRow }> }>(
    cypher('signatures-on-behalf'),
    { ids: [...new Set(ids)] },
  );
  const byId = new Map(rows.map((r) => [r.id, r.signatures.map((s) => ({ ...s.relationship, from: s.from, to: s.to }))]));
  return ids.map((id) => byId.get(id) ?? []);
}
