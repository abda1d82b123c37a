import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { RELATIONSHIP_TYPE_NAMES, type NodeKindName, type RelationshipTypeName } from '../model/model';

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

/** What of a TotalQuery is written in the query text: its types, direction and whether it filters by kind. */
const specOf = (q: TotalQuery) =>
  JSON.stringify([[...new Set(q.types ?? RELATIONSHIP_TYPE_NAMES)].sort(), q.direction, q.kinds != null]);

/** One field definition's count: per direction, one pattern over the field's types (`[:HOLDS_ROLE|SIGNED]`). */
function countOf(spec: string): string {
  const [types, direction, byKind] = JSON.parse(spec) as [RelationshipTypeName[], 'OUT' | 'IN' | 'BOTH', boolean];
  for (const t of types) {
    if (!RELATIONSHIP_TYPE_NAMES.includes(t) || !/^[A-Z_]+$/.test(t)) throw new Error(`Unexpected relationship type name ${t}`);
  }
  const rel = `[:${types.join('|')}]`;
  const far = byKind ? '(m:Entity) WHERE any(l IN labels(m) WHERE l IN k.kinds)' : '()';
  const counts = [
    ...(direction !== 'IN' ? [`COUNT { (n)-${rel}->${far} }`] : []),
    ...(direction !== 'OUT' ? [`COUNT { (n)<-${rel}-${far} }`] : []),
  ];
  return counts.join(' + ');
}

const texts = new Map<string, string>();

/**
 * cypher/link-totals.cypher for the field definitions `specs` (sorted): type names come from src/model/model.ts,
 * never from a request. A request asks the same fields each time, so it sends the same text: Neo4j plans it once.
 */
export function totalsQuery(specs: readonly string[]): string {
  const cacheKey = specs.join('\n');
  let text = texts.get(cacheKey);
  if (text === undefined) {
    const counts = specs.length === 1 ? countOf(specs[0]!) : `CASE k.spec ${specs.map((s, i) => `WHEN ${i} THEN ${countOf(s)}`).join(' ')} END`;
    text = cypher('link-totals').replace('{{counts}}', counts);
    texts.set(cacheKey, text);
  }
  return text;
}

/** The totals of many (node, field) asks in one round-trip, in the order of `queries`; 0 for an unknown node. */
export async function linkTotals(db: Database, queries: readonly TotalQuery[]): Promise<number[]> {
  if (queries.length === 0) return [];
  const specs = [...new Set(queries.map(specOf))].sort();
  const keys = queries.map((q) => ({ key: totalKey(q), id: q.id, spec: specs.indexOf(specOf(q)), kinds: q.kinds ?? null }));
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
