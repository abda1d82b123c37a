import {
  behalfOf,
  cypher,
  evidenceProjection,
  evidenceSourceKeys,
  linkList,
  nodeFromList,
  nodeList,
  relationshipFromList,
  relationshipList,
  relationshipTypeProperties,
  type LinkLayout,
  type NodeFields,
} from '../db/cypher';
import { askedNodeProjection, type AskedNodeLayout, type NodeAsk } from './nodes';
import type { EvidenceRow, NodeRow, RelationshipRow } from './rows';
import { NODE_KINDS, RELATIONSHIP_TYPE_NAMES, type NodeKindName, type RelationshipTypeName } from '../model/model';

/**
 * The one place where Cypher text is assembled in code: list queries, whose WHERE and ORDER BY depend on
 * which filters and which order the client asked for, and path queries, whose length bound Cypher cannot take
 * as a parameter. Only fragments from the fixed tables below and checked integers enter the text; every value
 * travels as a parameter, so no user input can change the query's shape.
 */

/** A relationship type and a direction to expand along, e.g. `PARTY_TO>` (outgoing) or `SIGNED<` (incoming). */
export type Expansion = `${RelationshipTypeName}${'>' | '<'}`;

const linksTexts = new Map<string, string>();

/**
 * One UNION ALL branch per asked expansion, from `from`, each guarded by the key's types and direction (a
 * batch mixes keys). Type names come from src/model/model.ts, never from a request. With none asked, a
 * branch that finds nothing keeps the text valid.
 */
function expansions(wanted: readonly Expansion[], from: string, key: string | null, rel: string, to: string, direction: string): string {
  const branches = wanted.map((e) => {
    const type = e.slice(0, -1) as RelationshipTypeName;
    if (!RELATIONSHIP_TYPE_NAMES.includes(type) || !/^[A-Z_]+$/.test(type)) throw new Error(`Unexpected relationship type name ${type}`);
    // A compiled look-up (no key) asks exactly these expansions: no guard.
    const guard = (not: string) => (key ? ` WHERE '${type}' IN ${key}.types AND ${key}.dir <> '${not}'` : '');
    return e.endsWith('>')
      ? `MATCH (${from})-[${rel}:${type}]->(${to}:Entity)${guard('IN')} RETURN ${rel}, ${to}, 'OUT' AS ${direction}`
      : `MATCH (${from})<-[${rel}:${type}]-(${to}:Entity)${guard('OUT')} RETURN ${rel}, ${to}, 'IN' AS ${direction}`;
  });
  if (branches.length === 0) branches.push(`MATCH (${from})-[${rel}]->(${to}:Entity) WHERE false RETURN ${rel}, ${to}, 'OUT' AS ${direction}`);
  return branches.join('\n    UNION ALL\n    ');
}

/**
 * cypher/links.cypher with only the expansions a batch asks for written in: static types let Neo4j expand a
 * hub along the asked types only, which a type list read from each key ($any(k.types)) does not, and a query
 * holding only the branches it needs runs faster than one with a guarded branch for every type of the
 * model. Texts are cached: there are few distinct combinations, and Neo4j plans each once.
 */
export function linksQuery(wanted: readonly Expansion[]): string {
  const sorted = [...new Set(wanted)].sort();
  const cacheKey = sorted.join(',');
  let text = linksTexts.get(cacheKey);
  if (text === undefined) {
    text = cypher('links').replace('{{expansions}}', expansions(sorted, 'n', 'k', 'r', 'm', 'direction'));
    linksTexts.set(cacheKey, text);
  }
  return text;
}

/** What a look-up asks of its node: one entry per relationship field, each with the fields asked of the nodes found. */
export interface LookUpShape {
  expansions: readonly Expansion[];
  children: readonly LookUpShape[];
  /** What is asked of the nodes found (all their properties when null). */
  node: NodeFields | null;
  /** What is asked of a signature's organisation: nothing, everything (true), or these fields. */
  behalf: boolean | NodeFields;
  /** Whether the field filters the far nodes by kind, and whether it is cut to `first`. */
  kinds: boolean;
  first: boolean;
  /** The fields asked of the sources of each relationship's evidence, or null when its evidence is not asked. */
  evidence?: readonly string[] | null;
  /** Whether the field's `…Total` is asked: how many in all, whatever `first` says. */
  total?: boolean;
  /**
   * `Organisation.signatures`: the SIGNED relationships whose `onBehalfOf` names the node (not its own
   * relationships), each with its person (`node`) and its agreement (`agreement`) as asked.
   */
  signatures?: { agreement: NodeFields | null } | null;
}

/** A compiled look-up: its text, and how to read its rows (the node's list, each field's links). */
export interface CompiledLookUp {
  text: string;
  /** The layout of the sources the links' evidence names (read once for all), or null when none is asked. */
  sourceKeys: readonly string[] | null;
  node: AskedNodeLayout;
  links: ReadonlyArray<LinkLayout & { children: readonly LinkLayout[] }>;
}

const lookUpTexts = new Map<string, CompiledLookUp>();

/**
 * One relationship field of a look-up: the links of `from` along the field's expansions, filtered, ordered and
 * cut to `first` like links.cypher, then each as a list (linkList in src/db/cypher.ts) with the fields asked
 * of its node, as `column`; a first-level link also holds its node's own fields' links: [.., .., .., [c0, …]].
 */
function fieldCall(shape: LookUpShape, ask: string, column: string, nested: boolean, guard: NodeKindName | null = null): { text: string; layout: LinkLayout & { children: LinkLayout[] } } {
  if (shape.signatures && !nested) return signaturesCall(shape, shape.signatures, ask, column, guard);
  const [from, r, m, d] = nested ? ['m', 'childRel', 'child', 'childDirection'] : ['n', 'r', 'm', 'direction'];
  const children = nested ? [] : shape.children.map((c, j) => fieldCall(c, `${ask}.children[${j}]`, `c${j}`, true));
  const types = [...new Set(shape.expansions.map((e) => e.slice(0, -1) as RelationshipTypeName))];
  // A nested field's evidence is left to its resolver: the sources are read for the first level only.
  const link = linkList(r, m, types, shape.node, shape.behalf, nested ? null : (shape.evidence ?? null));
  const item = nested ? link.text : `${link.text.slice(0, -1)}, [${children.map((_c, j) => `c${j}`).join(', ')}]]`;
  const kindFilter = shape.kinds ? ` WHERE any(l IN labels(${m}) WHERE l IN ${ask}.kinds)` : '';
  const byDate = !nested && shape.first && !shape.kinds ? datedFarKind(shape) : null;
  const text = [
    `CALL (${from}) {`,
    ...(guard && !nested ? [`  WITH ${from} WHERE ${from}:${guard}`] : []),
    ...(byDate ? byDateIndex(shape, byDate, ask) : expandAlong(shape.expansions, from, r, m, d)),
    `  WITH ${r}, ${m}${kindFilter}`,
    `  ORDER BY ${m}.date IS NULL, ${m}.date, coalesce(${m}.name, ${m}.title), ${m}.id, type(${r})`,
    ...(shape.first ? [`  LIMIT toInteger(${ask}.first)`] : []),
    ...children.map((c) => c.text),
    `  RETURN collect(${item}) AS ${column}${shape.evidence && !nested ? `, collect(${r}.evidenceSources) AS ${column}Sources` : ''}`,
    `}`,
  ].join('\n');
  const { relationshipKeys, nodeKeys, behalfKeys, sourceKeys } = link;
  return { text, layout: { relationshipKeys, nodeKeys, behalfKeys, sourceKeys, children: children.map((c) => c.layout) } };
}

/**
 * `Organisation.signatures` in a look-up: the signatures made on behalf of `n`, found by the relationship index
 * on SIGNED.onBehalfOf (never by walking every signature), in agreement date order, cut to `first`; each as a
 * linkList whose node is the person and whose `behalf` slot holds the agreement.
 */
function signaturesCall(shape: LookUpShape, signatures: { agreement: NodeFields | null }, ask: string, column: string, guard: NodeKindName | null) {
  const relationship = relationshipList('r', relationshipTypeProperties(['SIGNED']));
  const asked = (v: string, kind: NodeKindName, fields: NodeFields | null) =>
    fields
      ? nodeList(v, fields.properties, fields.degree ? `COUNT { (${v})--() }` : null, kind)
      : nodeList(v, Object.keys(NODE_KINDS[kind].fields), `COUNT { (${v})--() }`, kind);
  const person = asked('p', 'Person', shape.node);
  const agreement = asked('a', 'Agreement', signatures.agreement);
  const sources = shape.evidence ? nodeList('s', shape.evidence, null, 'Source') : null;
  const item = `[${relationship.text}, ${person.text}, ${agreement.text}, ${shape.evidence ? '[r.evidenceSources, r.evidenceQuotes]' : 'null'}]`;
  const text = [
    `CALL (n) {`,
    ...(guard ? [`  WITH n WHERE n:${guard}`] : []),
    `  MATCH (p:Person)-[r:SIGNED]->(a:Agreement) WHERE r.onBehalfOf = n.id`,
    `  WITH p, r, a ORDER BY a.date IS NULL, a.date, a.id, p.id`,
    ...(shape.first ? [`  LIMIT toInteger(${ask}.first)`] : []),
    `  RETURN collect(${item}) AS ${column}${shape.evidence ? `, collect(r.evidenceSources) AS ${column}Sources` : ''}`,
    `}`,
  ].join('\n');
  return { text, layout: { relationshipKeys: relationship.keys, nodeKeys: person.keys, behalfKeys: agreement.keys, sourceKeys: sources?.keys ?? null, children: [] } };
}

/**
 * Above this many relationships along a field (`$hubLinks`, from `lookUpTuning`), its first page is found from
 * the far kind's date index. A parameter, so a test can send a small node down the hub's path.
 */
export const lookUpTuning = { hubLinks: 500 };

/**
 * The far nodes' kind when a field's first page can be read from that kind's date index: a field along one
 * direction whose items are of one kind with an indexed `date` (Organisation.agreements: Agreement).
 */
function datedFarKind(shape: LookUpShape): NodeKindName | null {
  const kind = shape.node?.kind;
  // Every date field has a range index (src/model/artifacts.ts).
  if (!kind || (NODE_KINDS[kind].fields as Record<string, { type?: string }>).date?.type !== 'date') return null;
  const dirs = new Set(shape.expansions.map((e) => e.slice(-1)));
  return dirs.size === 1 ? kind : null;
}

/**
 * A hub's first page without reading all its links (a 40k hub's agreements were all read and sorted for the
 * ten shown). The page is ordered by the far node's date first: walking `kind`'s date index in order and
 * keeping the nodes linked to `n` finds the date of the `first`-th (`cut`) after a few index entries; the page
 * is then among the far nodes dated up to `cut` (a range of the same index), each checked for a link to `n`
 * from its own side, and sorted exactly as any page is. A node with few links along the field, or with fewer
 * than `first` dated far nodes (the undated sort last), is read as usual.
 */
function byDateIndex(shape: LookUpShape, kind: NodeKindName, ask: string): string[] {
  const out = shape.expansions[0]!.endsWith('>');
  const types = [...new Set(shape.expansions.map((e) => e.slice(0, -1)))];
  for (const type of types) {
    if (!RELATIONSHIP_TYPE_NAMES.includes(type as RelationshipTypeName) || !/^[A-Z_]+$/.test(type)) throw new Error(`Unexpected relationship type name ${type}`);
  }
  const rel = (r: string, m: string) => (out ? `(n)-[${r}:${types.join('|')}]->(${m})` : `(n)<-[${r}:${types.join('|')}]-(${m})`);
  return [
    `  CALL (n) {`,
    `    WITH n WHERE COUNT { ${rel('', '')} } > $hubLinks`,
    `    MATCH (m:${kind}) WHERE m.date IS NOT NULL AND EXISTS { ${rel('', 'm')} }`,
    `    WITH m ORDER BY m.date LIMIT toInteger(${ask}.first)`,
    `    RETURN max(m.date) AS cut, count(m) AS dated`,
    `  }`,
    `  CALL (n, cut, dated) {`,
    `    WITH n WHERE cut IS NULL OR dated < toInteger(${ask}.first)`,
    `    MATCH ${rel('r', 'm:Entity')} RETURN r, m`,
    `    UNION ALL`,
    `    WITH n, cut WHERE cut IS NOT NULL AND dated >= toInteger(${ask}.first)`,
    // Left to itself, the planner expanded the hub's links and filtered them by date.
    `    MATCH (m:${kind}) USING INDEX m:${kind}(date) WHERE m.date <= cut`,
    `    MATCH ${rel('r', 'm')} RETURN r, m`,
    `  }`,
  ];
}

/**
 * The MATCH of a look-up's field: a relationship field follows one direction, so its types are one static
 * disjunction (`-[r:SUBSIDIARY_OF|MEMBER_OF|PART_OF]->`), which Neo4j expands type by type and plans as one
 * pattern; a UNION of a branch per type and direction (links.cypher's batches mix keys) planned several
 * times slower, and a details request holds a dozen fields. Both directions only if a shape asks both.
 */
function expandAlong(wanted: readonly Expansion[], from: string, r: string, m: string, d: string): string[] {
  const typesOf = (dir: '>' | '<') => [...new Set(wanted.filter((e) => e.endsWith(dir)).map((e) => e.slice(0, -1)))];
  for (const type of typesOf('>').concat(typesOf('<'))) {
    if (!RELATIONSHIP_TYPE_NAMES.includes(type as RelationshipTypeName) || !/^[A-Z_]+$/.test(type)) throw new Error(`Unexpected relationship type name ${type}`);
  }
  const out = typesOf('>');
  const into = typesOf('<');
  if (out.length > 0 && into.length > 0) {
    return [`  CALL (${from}) {`, `    ${expansions(wanted, from, null, r, m, d)}`, `  }`];
  }
  if (out.length === 0 && into.length === 0) return [`  MATCH (${from})-[${r}]->(${m}:Entity) WHERE false`];
  return [out.length > 0 ? `  MATCH (${from})-[${r}:${out.join('|')}]->(${m}:Entity)` : `  MATCH (${from})<-[${r}:${into.join('|')}]-(${m}:Entity)`];
}

/**
 * What a field would list without `first` (its `…Total`), counted: one COUNT pattern per direction over the
 * field's types, no rows built (a COUNT plans far cheaper than a CALL over the field's expansions).
 */
function totalOf(shape: LookUpShape, ask: string, guard: NodeKindName | null): string {
  if (shape.signatures) {
    const count = 'COUNT { MATCH (:Person)-[r:SIGNED]->(:Agreement) WHERE r.onBehalfOf = n.id }';
    return guard ? `CASE WHEN n:${guard} THEN ${count} END` : count;
  }
  // Without a kind filter, no label of the far node is read: Neo4j answers from the node's degrees.
  const [far, kinds] = shape.kinds ? ['(m)', ` WHERE any(l IN labels(m) WHERE l IN ${ask}.kinds)`] : ['()', ''];
  const typesOf = (dir: '>' | '<') => [...new Set(shape.expansions.filter((e) => e.endsWith(dir)).map((e) => e.slice(0, -1)))];
  const counts = [
    ...(typesOf('>').length ? [`COUNT { (n)-[:${typesOf('>').join('|')}]->${far}${kinds} }`] : []),
    ...(typesOf('<').length ? [`COUNT { (n)<-[:${typesOf('<').join('|')}]-${far}${kinds} }`] : []),
  ];
  const total = counts.length ? counts.join(' + ') : '0';
  return guard ? `CASE WHEN n:${guard} THEN ${total} END` : total;
}

/**
 * A look-up compiled for one request shape (the prefetch of src/graphql/prefetch.ts): the node as `root`
 * asks it (its fields, its evidence), then one CALL per relationship field with only its own static expansions, each
 * nesting one CALL per field asked of the nodes it finds. Rows are lists (src/db/cypher.ts, ListProjection),
 * read back with the returned layouts. Values stay parameters (`$id`, and `$asks[i]`: kinds,
 * first, and the same for `children[j]`); only type names from the model and positions enter the text.
 */
export function lookUpQuery(shapes: readonly LookUpShape[], root: NodeAsk, guard: NodeKindName | null = null): CompiledLookUp {
  // Values are parameters: the evidence's page size is not part of the text.
  const cacheKey = JSON.stringify([shapes, { ...root, evidenceFirst: root.evidenceFirst != null }, guard]);
  let compiled = lookUpTexts.get(cacheKey);
  if (compiled === undefined) {
    const node = askedNodeProjection('n', root);
    const fields = shapes.map((shape, i) => fieldCall(shape, `$asks[${i}]`, `l${i}`, false, guard));
    // Every source the links' evidence names, read once (fields asked of sources: all that any field asks).
    const withEvidence = shapes.flatMap((s, i) => (s.evidence ? [`l${i}Sources`] : []));
    const sourceFields = [...new Set(shapes.flatMap((s) => s.evidence ?? []))];
    const sources = withEvidence.length > 0 ? nodeList('s', sourceFields, null, 'Source') : null;
    const text = [
      'MATCH (n:Entity {id: $id})',
      ...fields.map((f) => f.text),
      ...(sources
        ? [
            `CALL (${withEvidence.join(', ')}) {`,
            `  UNWIND ${withEvidence.join(' + ')} AS sourceIds`,
            `  UNWIND sourceIds AS sourceId`,
            `  WITH DISTINCT sourceId`,
            `  MATCH (s:Source {id: sourceId})`,
            `  RETURN collect(${sources.text}) AS sources`,
            `}`,
          ]
        : []),
      `RETURN ${node.node} AS node, ${node.evidence} AS evidence, [${shapes.map((_s, i) => `l${i}`).join(', ')}] AS links, ` +
        `[${shapes.map((s, i) => (s.total ? totalOf(s, `$asks[${i}]`, guard) : 'null')).join(', ')}] AS totals, ${sources ? 'sources' : '[]'} AS sources`,
    ].join('\n');
    compiled = { text, node: node.layout, links: fields.map((f) => f.layout), sourceKeys: sources?.keys ?? null };
    // Shapes come from requests: keep the cache bounded (Neo4j's own query cache holds 1000 plans).
    if (lookUpTexts.size >= 500) lookUpTexts.clear();
    lookUpTexts.set(cacheKey, compiled);
  }
  return compiled;
}

/** A cypher/*.cypher file with its `{{maxLength}}` and `{{first}}` placeholders replaced by checked integers. */
export function withPathBounds(name: string, maxLength: number, first: number): string {
  for (const bound of [maxLength, first]) {
    if (!Number.isInteger(bound) || bound < 1 || bound > 100) throw new RangeError(`Bad path bound ${bound}`);
  }
  return cypher(name).replaceAll('{{maxLength}}', String(maxLength)).replaceAll('{{first}}', String(first));
}

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
  const fragments = FILTERS[req.kind];
  const order = ORDERS[req.kind][req.order];
  if (!order) throw new Error(`No order ${req.order} for ${req.kind}`);
  const params: Record<string, unknown> = { skip: req.skip, first: req.first };
  // Own keys only: a field named like an Object method must not find one.
  const own = <T>(table: Record<string, T> | undefined, key: string) => (table && Object.hasOwn(table, key) ? table[key] : undefined);
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
    return { text: cypher('list-all').replaceAll('{{kind}}', () => req.kind).replace('{{order}}', () => order), params };
  }
  let match = `${sets.join('')}MATCH (n:${req.kind})`;
  if (req.textQuery !== null) {
    match = `CALL db.index.fulltext.queryNodes('entity_search', $textQuery) YIELD node AS n`;
    conditions.unshift(`n:${req.kind}`);
    params.textQuery = req.textQuery;
  }
  const text = cypher('list')
    .replace('{{match}}', () => match)
    .replace('{{where}}', () => conditions.join('\n  AND '))
    .replace('{{order}}', () => order);
  return { text, params };
}

/** What a request reads of a neighbourhood's nodes and relationships: property names. */
export interface AskedFields {
  node: readonly string[];
  relationship: readonly string[];
  /** The fields asked of the sources of each relationship's evidence, or null when its evidence is not asked. */
  evidenceSource?: readonly string[] | null;
  /** The fields asked of the organisation a signature was made for (`onBehalfOf`), or null when not asked. */
  behalf?: readonly string[] | null;
}

/** A neighbourhood query's text, and how to read the node and relationship lists it returns. */
export interface NeighbourhoodQuery {
  text: string;
  nodeKeys: readonly string[];
  relationship: (values: readonly unknown[]) => RelationshipRow;
}

/**
 * Relationship `r` as a neighbourhood is asked it (`{{askedRelationship r}}`): the properties asked, then its
 * evidence with the fields asked of each quote's source and the organisation it was signed for, when asked;
 * and how to read the list back into a row whose `evidence` and `onBehalfOfNode` the resolvers then use.
 */
function askedRelationship(r: string, asked: AskedFields): { text: string; read: (values: readonly unknown[]) => RelationshipRow } {
  const own = relationshipList(r, asked.relationship);
  const sources = asked.evidenceSource ?? null;
  const behalf = asked.behalf ? nodeList('behalf', asked.behalf, asked.behalf.includes('degree') ? 'COUNT { (behalf)--() }' : null) : null;
  const extras = [...(sources ? [evidenceProjection(r, sources)] : []), ...(behalf ? [behalfOf(r, behalf.text)] : [])];
  const sourceKeys = sources ? evidenceSourceKeys(sources) : null;
  return {
    text: extras.length ? `${own.text.slice(0, -1)}, ${extras.join(', ')}]` : own.text,
    read: (values) => {
      const row = relationshipFromList<RelationshipRow>(values, own.keys);
      let at = own.keys.length;
      if (sourceKeys) {
        const evidence = values[at++] as Array<EvidenceRow & { source: unknown[] | null }>;
        row.evidence = evidence.map((e) => ({ ...e, source: e.source && nodeFromList<NodeRow>(e.source, sourceKeys) }));
      }
      if (behalf) {
        const organisation = values[at++] as unknown[] | null;
        if (organisation) row.onBehalfOfNode = nodeFromList<NodeRow>(organisation, behalf.keys);
      }
      return row;
    },
  };
}

const neighbourhoodTexts = new Map<string, NeighbourhoodQuery>();

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
  for (const type of types) {
    if (!RELATIONSHIP_TYPE_NAMES.includes(type) || !/^[A-Z_]+$/.test(type)) throw new Error(`Unexpected relationship type name ${type}`);
  }
  if (types.length === 0) throw new Error('A neighbourhood needs at least one relationship type');
  const cacheKey = JSON.stringify([name, types, allTypes, asked]);
  let query = neighbourhoodTexts.get(cacheKey);
  if (query === undefined) {
    // A node's own degree, only when the request reads it: the typed degree orders and counts what is left out.
    const degree = (v: string) => (asked.node.includes('degree') ? `COUNT { (${v})--() }` : null);
    const branches = types.map((type, rank) => `MATCH (n)-[r:${type}]-(m:Entity) RETURN r, m, ${rank} AS rank`);
    const text = cypher(name)
      .replaceAll('{{expansions}}', () => branches.join('\n    UNION ALL\n    '))
      .replace(/\{\{typedDegree (\w+)\}\}/g, (_m, v: string) => (allTypes ? `COUNT { (${v})--() }` : `COUNT { (${v})-[:${types.join('|')}]-() }`))
      .replace(/\{\{askedNode (\w+)\}\}/g, (_m, v: string) => nodeList(v, asked.node, degree(v)).text)
      .replace(/\{\{askedRelationship (\w+)\}\}/g, (_m, r: string) => askedRelationship(r, asked).text);
    query = { text, nodeKeys: nodeList('m', asked.node, degree('m')).keys, relationship: askedRelationship('r', asked).read };
    // Field lists come from requests: keep the cache bounded.
    if (neighbourhoodTexts.size >= 500) neighbourhoodTexts.clear();
    neighbourhoodTexts.set(cacheKey, query);
  }
  return query;
}

/** The filters and orders buildListQuery knows for a kind: what a sweep over every list query it can write needs. */
export function listOptions(kind: ListKind): { filters: string[]; orders: string[] } {
  return { filters: [...Object.keys(FILTERS[kind]), ...Object.keys(DATE_BOUNDS)], orders: Object.keys(ORDERS[kind]) };
}

export const LIST_KINDS: readonly ListKind[] = ['Organisation', 'Person', 'Agreement', 'Programme'];
