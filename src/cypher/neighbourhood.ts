import type { RelationshipTypeName } from '../model/model';
import type { EvidenceRow, NodeRow, RelationshipRow } from '../store/rows';
import { template } from './files';
import { typeName } from './names';
import { behalfOf, evidenceProjection, evidenceSource, nodeList, relationshipList, type ListProjection, type Projection } from './projection';
import { Scope } from './scope';

/** What a request reads of a neighbourhood's nodes and relationships: property names. */
export interface AskedFields {
  node: readonly string[];
  relationship: readonly string[];
  /** The fields asked of the sources of each relationship's evidence, or null when its evidence is not asked. */
  evidenceSource?: readonly string[] | null;
  /** The fields asked of the organisation a signature was made for (`onBehalfOf`), or null when not asked. */
  behalf?: readonly string[] | null;
}

/** A neighbourhood query's text, and the projections that read its node and relationship lists back. */
export interface NeighbourhoodQuery {
  text: string;
  node: ListProjection<NodeRow>;
  relationship: Projection<RelationshipRow>;
}

/**
 * Relationship `r` as a neighbourhood is asked it (`{{askedRelationship r}}`): the properties asked, then its
 * evidence with the fields asked of each quote's source and the organisation it was signed for, when asked;
 * read back into a row whose `evidence` and `onBehalfOfNode` the resolvers then use.
 */
function askedRelationship(r: string, asked: AskedFields): Projection<RelationshipRow> {
  const own = relationshipList(r, asked.relationship);
  const sources = asked.evidenceSource ?? null;
  const scope = Scope.of(r);
  const v = scope.inner().fresh('behalf');
  const behalf = asked.behalf ? nodeList(v, asked.behalf, asked.behalf.includes('degree') ? `COUNT { (${v})--() }` : null) : null;
  const extras = [...(sources ? [evidenceProjection(scope, r, sources)] : []), ...(behalf ? [behalfOf(r, v, behalf.text)] : [])];
  const source = sources ? evidenceSource('s', sources) : null;
  return {
    text: extras.length ? `${own.text.slice(0, -1)}, ${extras.join(', ')}]` : own.text,
    read: (value) => {
      const values = value as unknown[];
      const row = own.read(values);
      let at = own.keys.length;
      if (source) {
        const evidence = values[at++] as Array<EvidenceRow & { source: unknown[] | null }>;
        row.evidence = evidence.map((e) => ({ ...e, source: e.source && source.read(e.source) }));
      }
      if (behalf) {
        const organisation = values[at++] as unknown[] | null;
        if (organisation) row.onBehalfOfNode = behalf.read(organisation);
      }
      return row;
    },
  };
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
      askedRelationship: (r) => askedRelationship(r, asked).text,
    });
    query = { text, node: nodeList('m', asked.node, degree('m')), relationship: askedRelationship('r', asked) };
    // Field lists come from requests: keep the cache bounded.
    if (texts.size >= 500) texts.clear();
    texts.set(cacheKey, query);
  }
  return query;
}
