import { template } from './files';

/**
 * List queries, whose WHERE and ORDER BY depend on which filters and which order the client asked for. Only
 * fragments from the fixed tables below enter the text; every value travels as a parameter, so no user input
 * can change the query's shape.
 */

export type ListKind = 'Organisation' | 'Person' | 'Agreement' | 'Programme';

/**
 * Per date bound, the condition on the partial ISO date `date` of an agreement or programme (strings compare
 * in date order; `~` sorts after digits and `-`, so `dateTo: "2007"` includes `2007-11-27`). Only the bounds
 * given are written: `($dateFrom IS NULL OR …)` would keep the planner off the date range index.
 */
const DATE_BOUNDS: Record<string, (date: string) => string> = {
  dateFrom: (date) => `${date} >= $dateFrom`,
  dateTo: (date) => `${date} <= $dateTo + '~'`,
};

/** Per kind, which dates the bounds apply to: the node's own, or those of the agreements it is party to or signed. */
const DATED: Record<ListKind, (range: (date: string) => string) => string> = {
  Organisation: (range) => `EXISTS { (n)-[:PARTY_TO]->(x:Agreement) WHERE ${range('x.date')} }`,
  Person: (range) => `EXISTS { (n)-[:SIGNED]->(x:Agreement) WHERE ${range('x.date')} }`,
  Agreement: (range) => range('n.date'),
  Programme: (range) => range('n.date'),
};

/** Kinds whose date bounds are on `n` itself, so that the date range index can drive the match. */
const DATED_ITSELF: readonly ListKind[] = ['Agreement', 'Programme'];

/**
 * Filters a range index answers on its own, read from that index as a set of nodes when a date range on `n`
 * drives the match. Neo4j seeks one index per node: given a type and dates, it seeks the dates and reads the
 * type of every agreement in the range from the property store. Collecting the agreements of those types from
 * the type index and testing membership reads index entries only. At 100k relationships: the benchmark's list
 * (one type, 1–4 years) spends 15–25 % less time in the database, a rare type over all years half.
 */
const INDEX_SETS: Partial<Record<ListKind, Record<string, string>>> = {
  Agreement: { type: 'MATCH (s:Agreement) WHERE s.type IN $type' },
};

/** Per kind, per filter field: the condition on `n`, reading the parameter of the same name. */
const FILTERS: Record<ListKind, Record<string, string>> = {
  Organisation: {
    type: 'n.type IN $type',
    partyTo: 'EXISTS { (n)-[:PARTY_TO]->(:Agreement {id: $partyTo}) }',
    signedBy: 'EXISTS { (:Person {id: $signedBy})-[s:SIGNED]->(:Agreement) WHERE s.onBehalfOf = n.id }',
    partnerOf: 'EXISTS { (n)-[:PARTY_TO]->(:Agreement)<-[:PARTY_TO]-(o:Organisation {id: $partnerOf}) WHERE o <> n }',
    place: 'EXISTS { (n)-[:LOCATED_IN]->(:Place {id: $place}) }',
  },
  Person: {
    organisation: 'EXISTS { (n)-[:HOLDS_ROLE]->(:Organisation {id: $organisation}) }',
    signed: 'EXISTS { (n)-[:SIGNED]->(:Agreement {id: $signed}) }',
    onBehalfOf: 'EXISTS { (n)-[s:SIGNED]->(:Agreement) WHERE s.onBehalfOf = $onBehalfOf }',
  },
  Agreement: {
    type: 'n.type IN $type',
    party: 'EXISTS { (:Organisation {id: $party})-[:PARTY_TO]->(n) }',
    signatory: 'EXISTS { (:Person {id: $signatory})-[:SIGNED]->(n) }',
    place: 'EXISTS { (n)-[:LOCATED_IN]->(:Place {id: $place}) }',
  },
  Programme: {
    agreement: 'EXISTS { (:Agreement {id: $agreement})-[:ESTABLISHES]->(n) }',
    runBy: 'EXISTS { (:Organisation {id: $runBy})-[:RUNS]->(n) }',
    place: 'EXISTS { (n)-[:LOCATED_IN]->(:Place {id: $place}) }',
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
  /** Filter values by field name; null and undefined values are ignored. */
  filter: Record<string, unknown>;
  /** A Lucene query from src/store/lucene.ts when the filter has words to look for. */
  textQuery: string | null;
  order: string;
  skip: number;
  first: number;
}

/** A table's entry by name, own keys only: a field named like an Object method must not find one. */
const own = <T>(table: Record<string, T> | undefined, key: string) => (table && Object.hasOwn(table, key) ? table[key] : undefined);

export interface BuiltQuery {
  text: string;
  params: Record<string, unknown>;
}

/**
 * The Cypher and parameters of one page of a list with its total count, in one round-trip. A filtered list
 * is read in one pass (cypher/list.cypher: the matches collected in order, counted, and the page sliced from
 * them); an unfiltered one takes its count from Neo4j's count store and its page from one ordered scan
 * (cypher/list-all.cypher), since collecting every node of a kind would only cost memory.
 */
export function buildListQuery(req: ListRequest): BuiltQuery {
  // The kind is a label written in the text: one of the list kinds, never anything else.
  if (!LIST_KINDS.includes(req.kind)) throw new Error(`No list of ${req.kind}`);
  const fragments = FILTERS[req.kind];
  const order = own(ORDERS[req.kind], req.order);
  if (!order) throw new Error(`No order ${req.order} for ${req.kind}`);
  const params: Record<string, unknown> = { skip: req.skip, first: req.first };
  const given = Object.entries(req.filter).filter(([field, value]) => value !== null && value !== undefined && field !== 'text');
  const rangeDrives = req.textQuery === null && DATED_ITSELF.includes(req.kind) && given.some(([field]) => own(DATE_BOUNDS, field));
  const sets: string[] = [];
  const conditions: string[] = [];
  const bounds: Array<(date: string) => string> = [];
  for (const [field, value] of given) {
    const fragment = own(fragments, field);
    const bound = own(DATE_BOUNDS, field);
    const set = rangeDrives ? own(INDEX_SETS[req.kind], field) : undefined;
    if (!fragment && !bound) throw new Error(`No filter ${field} for ${req.kind}`);
    if (set) {
      sets.push(`CALL () {\n  ${set}\n  RETURN collect(s) AS ${field}Set\n}\n`);
      conditions.push(`n IN ${field}Set`);
    } else if (fragment) {
      conditions.push(fragment);
    }
    if (bound) bounds.push(bound);
    params[field] = value;
  }
  if (bounds.length) conditions.push(DATED[req.kind]((date) => bounds.map((bound) => bound(date)).join(' AND ')));

  if (req.textQuery === null && conditions.length === 0) {
    return { text: template('list-all', { kind: () => req.kind, order: () => order }), params };
  }
  let match = `${sets.join('')}MATCH (n:${req.kind})`;
  if (req.textQuery !== null) {
    match = `CALL db.index.fulltext.queryNodes('entity_search', $textQuery) YIELD node AS n`;
    conditions.unshift(`n:${req.kind}`);
    params.textQuery = req.textQuery;
  }
  const text = template('list', { match: () => match, where: () => conditions.join('\n  AND '), order: () => order });
  return { text, params };
}

/** The filters and orders buildListQuery knows for a kind: what a sweep over every list query it can write needs. */
export function listOptions(kind: ListKind): { filters: string[]; orders: string[] } {
  return { filters: [...Object.keys(FILTERS[kind]), ...Object.keys(DATE_BOUNDS)], orders: Object.keys(ORDERS[kind]) };
}

export const LIST_KINDS: readonly ListKind[] = ['Organisation', 'Person', 'Agreement', 'Programme'];
