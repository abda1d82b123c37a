import { RELATIONSHIP_TYPE_NAMES, type NodeKindName, type RelationshipTypeName } from '../model/model';
import { template } from './files';
import { typeName } from './names';

/** What of a count is written in the query text: the field's types, its direction, whether it filters by kind. */
export interface TotalShape {
  /** Relationship types; all when null. */
  types: readonly RelationshipTypeName[] | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  /** Kinds of the node at the other end; all when null (only whether there are any enters the text). */
  kinds?: readonly NodeKindName[] | null;
}

/** A TotalShape as a stable string: asks of one field definition share it, and the query text. */
export const totalSpec = (q: TotalShape) =>
  JSON.stringify([[...new Set(q.types ?? RELATIONSHIP_TYPE_NAMES)].sort(), q.direction, q.kinds != null]);

/** One field definition's count: per direction, one pattern over the field's types (`[:HOLDS_ROLE|SIGNED]`). */
function countOf(spec: string): string {
  const [types, direction, byKind] = JSON.parse(spec) as [RelationshipTypeName[], 'OUT' | 'IN' | 'BOTH', boolean];
  types.forEach(typeName);
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
 * cypher/link-totals.cypher for the field definitions `specs` (totalSpec, sorted; each key's `spec` is its
 * index): type names come from src/model/model.ts, never from a request. A request asks the same fields each
 * time, so it sends the same text: Neo4j plans it once.
 */
export function totalsQuery(specs: readonly string[]): string {
  const cacheKey = specs.join('\n');
  let text = texts.get(cacheKey);
  if (text === undefined) {
    const counts = specs.length === 1 ? countOf(specs[0]!) : `CASE k.spec ${specs.map((s, i) => `WHEN ${i} THEN ${countOf(s)}`).join(' ')} END`;
    text = template('link-totals', { counts: () => counts });
    // Specs come from requests' field combinations: keep the cache bounded.
    if (texts.size >= 500) texts.clear();
    texts.set(cacheKey, text);
  }
  return text;
}
