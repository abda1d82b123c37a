import { cypher } from '../db/cypher';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipTypeName } from '../model/model';

/**
 * The one place where Cypher text is assembled in code: list queries, whose WHERE and ORDER BY depend on
 * which filters and which order the client asked for, and path queries, whose length bound Cypher cannot take
 * as a parameter. Only fragments from the fixed tables below and checked integers enter the text; every value
 * travels as a parameter, so no user input can change the query's shape.
 */

let linksText: string | undefined;

/**
 * One UNION ALL branch per relationship type and direction of the model, from `from` (type names come from
 * src/model/model.ts, never from a request), each guarded by the asked key's types and direction.
 */
function expansions(from: string, key: string, rel: string, to: string, direction: string): string {
  return RELATIONSHIP_TYPE_NAMES.flatMap((type) => {
    if (!/^[A-Z_]+$/.test(type)) throw new Error(`Unexpected relationship type name ${type}`);
    return [
      `MATCH (${from})-[${rel}:${type}]->(${to}:Entity) WHERE '${type}' IN ${key}.types AND ${key}.dir <> 'IN' RETURN ${rel}, ${to}, 'OUT' AS ${direction}`,
      `MATCH (${from})<-[${rel}:${type}]-(${to}:Entity) WHERE '${type}' IN ${key}.types AND ${key}.dir <> 'OUT' RETURN ${rel}, ${to}, 'IN' AS ${direction}`,
    ];
  }).join('\n    UNION ALL\n    ');
}

/**
 * cypher/links.cypher with its expansions written in, for the asked nodes and for their neighbours' own links
 * (a prefetched second level): static types let Neo4j expand a hub along the asked types only, which a type
 * list read from each batched key ($any(k.types)) does not.
 */
export function linksQuery(): string {
  if (linksText === undefined) {
    linksText = cypher('links')
      .replace('{{expansions}}', expansions('n', 'k', 'r', 'm', 'direction'))
      .replace('{{childExpansions}}', expansions('m', 'c', 'childRel', 'child', 'childDirection'));
  }
  return linksText;
}

/** A cypher/*.cypher file with its `{{maxLength}}` and `{{first}}` placeholders replaced by checked integers. */
export function withPathBounds(name: string, maxLength: number, first: number): string {
  for (const bound of [maxLength, first]) {
    if (!Number.isInteger(bound) || bound < 1 || bound > 100) throw new RangeError(`Bad path bound ${bound}`);
  }
  return cypher(name).replaceAll('{{maxLength}}', String(maxLength)).replaceAll('{{first}}', String(first));
}

export type ListKind = 'Organisation' | 'Person' | 'Agreement' | 'Programme';

/** Date-range conditions on an agreement or programme `x` (inclusive bounds on partial ISO dates). */
const DATE_RANGE = `($dateFrom IS NULL OR x.date >= $dateFrom) AND ($dateTo IS NULL OR x.date <= $dateTo + '~')`;

/** Per kind, per filter field: the condition on `n`, reading the parameter of the same name. */
const FILTERS: Record<ListKind, Record<string, string>> = {
  Organisation: {
    type: 'n.type IN $type',
    partyTo: 'EXISTS { (n)-[:PARTY_TO]->(:Agreement {id: $partyTo}) }',
    signedBy: 'EXISTS { (:Person {id: $signedBy})-[s:SIGNED]->(:Agreement) WHERE s.onBehalfOf = n.id }',
    partnerOf: 'EXISTS { (n)-[:PARTY_TO]->(:Agreement)<-[:PARTY_TO]-(o:Organisation {id: $partnerOf}) WHERE o <> n }',
    place: 'EXISTS { (n)-[:LOCATED_IN]->(:Place {id: $place}) }',
    dates: `EXISTS { (n)-[:PARTY_TO]->(x:Agreement) WHERE x.date IS NOT NULL AND ${DATE_RANGE} }`,
  },
  Person: {
    organisation: 'EXISTS { (n)-[:HOLDS_ROLE]->(:Organisation {id: $organisation}) }',
    signed: 'EXISTS { (n)-[:SIGNED]->(:Agreement {id: $signed}) }',
    onBehalfOf: 'EXISTS { (n)-[s:SIGNED]->(:Agreement) WHERE s.onBehalfOf = $onBehalfOf }',
    dates: `EXISTS { (n)-[:SIGNED]->(x:Agreement) WHERE x.date IS NOT NULL AND ${DATE_RANGE} }`,
  },
  Agreement: {
    type: 'n.type IN $type',
    party: 'EXISTS { (:Organisation {id: $party})-[:PARTY_TO]->(n) }',
    signatory: 'EXISTS { (:Person {id: $signatory})-[:SIGNED]->(n) }',
    place: 'EXISTS { (n)-[:LOCATED_IN]->(:Place {id: $place}) }',
    dates: `n.date IS NOT NULL AND ${DATE_RANGE.replaceAll('x.', 'n.')}`,
  },
  Programme: {
    agreement: 'EXISTS { (:Agreement {id: $agreement})-[:ESTABLISHES]->(n) }',
    runBy: 'EXISTS { (:Organisation {id: $runBy})-[:RUNS]->(n) }',
    place: 'EXISTS { (n)-[:LOCATED_IN]->(:Place {id: $place}) }',
    dates: `n.date IS NOT NULL AND ${DATE_RANGE.replaceAll('x.', 'n.')}`,
  },
};

/** Per kind, per order name: the ORDER BY on `n` (ties broken by id, so pages never overlap). */
const ORDERS: Record<ListKind, Record<string, string>> = {
  Organisation: {
    NAME_ASC: 'toLower(n.name), n.id',
    NAME_DESC: 'toLower(n.name) DESC, n.id',
    AGREEMENTS_DESC: 'COUNT { (n)-[:PARTY_TO]->() } DESC, toLower(n.name), n.id',
  },
  Person: {
    NAME_ASC: 'toLower(n.name), n.id',
    NAME_DESC: 'toLower(n.name) DESC, n.id',
    SIGNATURES_DESC: 'COUNT { (n)-[:SIGNED]->() } DESC, toLower(n.name), n.id',
  },
  Agreement: {
    DATE_ASC: 'n.date IS NULL, n.date, n.id',
    DATE_DESC: 'n.date IS NULL, n.date DESC, n.id',
    TITLE_ASC: 'toLower(n.title), n.id',
    TITLE_DESC: 'toLower(n.title) DESC, n.id',
  },
  Programme: {
    NAME_ASC: 'toLower(n.name), n.id',
    NAME_DESC: 'toLower(n.name) DESC, n.id',
    DATE_ASC: 'n.date IS NULL, n.date, n.id',
    DATE_DESC: 'n.date IS NULL, n.date DESC, n.id',
  },
};

export interface ListRequest {
  kind: ListKind;
  /** Filter values by field name; null and undefined values are ignored. `dateFrom`/`dateTo` form `dates`. */
  filter: Record<string, unknown>;
  /** A Lucene query from src/store/lucene.ts when the filter has words to look for. */
  textQuery: string | null;
  order: string;
  skip: number;
  first: number;
}

export interface BuiltQuery {
  text: string;
  params: Record<string, unknown>;
}

/** The Cypher and parameters of one page of a list with its total count (two subqueries, one round-trip). */
export function buildListQuery(req: ListRequest): BuiltQuery {
  const fragments = FILTERS[req.kind];
  const order = ORDERS[req.kind][req.order];
  if (!order) throw new Error(`No order ${req.order} for ${req.kind}`);
  const params: Record<string, unknown> = { skip: req.skip, first: req.first, dateFrom: null, dateTo: null };
  const conditions: string[] = [];
  for (const [field, value] of Object.entries(req.filter)) {
    if (value === null || value === undefined || field === 'text') continue;
    if (field === 'dateFrom' || field === 'dateTo') {
      params[field] = value;
      continue;
    }
    const fragment = fragments[field];
    if (!fragment) throw new Error(`No filter ${field} for ${req.kind}`);
    conditions.push(fragment);
    params[field] = value;
  }
  if (params.dateFrom !== null || params.dateTo !== null) conditions.push(fragments.dates!);

  let start = `MATCH (n:${req.kind})`;
  if (req.textQuery !== null) {
    start = `CALL db.index.fulltext.queryNodes('entity_search', $textQuery) YIELD node AS n`;
    conditions.unshift(`n:${req.kind}`);
    params.textQuery = req.textQuery;
  }
  const where = conditions.length ? `\n  WHERE ${conditions.join('\n    AND ')}` : '';
  const text = `CALL () {
  ${start}${where}
  RETURN count(n) AS totalCount
}
CALL () {
  ${start}${where}
  WITH n
  ORDER BY ${order}
  SKIP toInteger($skip) LIMIT toInteger($first)
  RETURN collect(n {.*, kind: '${req.kind}', degree: COUNT { (n)--() }}) AS page
}
RETURN totalCount, page`;
  return { text, params };
}

/**
 * cypher/neighbourhood-level.cypher for these relationship types, in this order (the order in which a capped
 * node shows them): one expansion branch per type, and the types as a static pattern for degrees. Static
 * types let Neo4j expand a hub along one type at a time and stop at the cap; `$any($types)` read from a
 * parameter does neither. `types` holds every type of the model when the request named none; only names
 * from src/model/model.ts enter the text.
 */
export function neighbourhoodLevelQuery(types: readonly RelationshipTypeName[], allTypes: boolean): string {
  for (const type of types) {
    if (!RELATIONSHIP_TYPE_NAMES.includes(type) || !/^[A-Z_]+$/.test(type)) throw new Error(`Unexpected relationship type name ${type}`);
  }
  if (types.length === 0) throw new Error('A neighbourhood level needs at least one relationship type');
  const branches = types.map((type) => `    MATCH (n)-[r:${type}]-(m:Entity) RETURN r, m`);
  return cypher('neighbourhood-level')
    .replace('{{expansions}}', branches.join('\n    UNION ALL\n'))
    .replaceAll('{{typed}}', allTypes ? '--' : `-[:${types.join('|')}]-`);
}
