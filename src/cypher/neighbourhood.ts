import type { RelationshipTypeName } from '../model/model';
import type { NodeRow, RelationshipRow } from '../store/rows';
import { template } from './files';
import { typeName } from './names';
import { nodeList, relationshipList, type ListProjection } from './projection';

/** What a request reads of a neighbourhood's nodes and relationships: property names. */
export interface AskedFields {
  node: readonly string[];
  relationship: readonly string[];
}

/** A neighbourhood query's text, and the projections that read its node and relationship lists back. */
export interface NeighbourhoodQuery {
  text: string;
  node: ListProjection<NodeRow>;
  relationship: ListProjection<RelationshipRow>;
}

const texts = new Map<string, NeighbourhoodQuery>();

/**
 * A neighbourhood query (cypher/neighbourhood-start.cypher or neighbourhood-level.cypher) for these
 * relationship types, in this order (the order in which a capped node shows them): one expansion branch per
 * type, each row with its type's place in that order (`rank`), and `{{typedDegree x}}`, x's degree within the
 * types, counted along static types (every type of the model when the request named none). Static types let
 * Neo4j expand a hub along one type at a time and stop at the cap, and read a hub's degree from its counts;
 * `$any($types)` read from a parameter does neither. `{{askedNode x}}` and `{{askedRelationship r}}` are lists
 * holding only the properties the request reads (a view of a hub's network asks ids and labels of a hundred
 * nodes, not all their fields), the node's degree only when it is asked.
 * Only names from src/model/model.ts and integers enter the text.
 */
export function neighbourhoodQuery(
  name: 'neighbourhood-start' | 'neighbourhood-level',
  types: readonly RelationshipTypeName[],
  allTypes: boolean,
  asked: AskedFields,
): NeighbourhoodQuery {
  types.forEach(typeName);
  if (types.length === 0) throw new Error('A neighbourhood needs at least one relationship type');
  const cacheKey = JSON.stringify([name, types, allTypes, asked]);
  let query = texts.get(cacheKey);
  if (query === undefined) {
    // A node's own degree, only when the request reads it: the typed degree orders and counts what is left out.
    const degree = (v: string) => (asked.node.includes('degree') ? `COUNT { (${v})--() }` : null);
    const branches = types.map((type, rank) => `MATCH (n)-[r:${type}]-(m:Entity) RETURN r, m, ${rank} AS rank`);
    const text = template(name, {
      expansions: () => branches.join('\n    UNION ALL\n    '),
      typedDegree: (v) => (allTypes ? `COUNT { (${v})--() }` : `COUNT { (${v})-[:${types.join('|')}]-() }`),
      askedNode: (v) => nodeList(v, asked.node, degree(v)).text,
      askedRelationship: (r) => relationshipList(r, asked.relationship).text,
    });
    query = { text, node: nodeList('m', asked.node, degree('m')), relationship: relationshipList('r', asked.relationship) };
    // Field lists come from requests: keep the cache bounded.
    if (texts.size >= 500) texts.clear();
    texts.set(cacheKey, query);
  }
  return query;
}
