import { RELATIONSHIP_TYPES, NODE_KINDS, type NodeKindName, type RelationshipTypeName } from '../model/model';
import type { EvidenceRow, LinkRow, NodeRow, RelationshipRow } from '../store/rows';
import { expansions, type Expansion } from './links';
import { askedNodeRow, type AskedNodeLayout, type NodeAsk } from './nodes';
import { typeName } from './names';
import { Scope } from './scope';
import { evidenceProjection, evidenceSource, linkList, nodeFromList, nodeList, relationshipFromList, relationshipList, relationshipTypeProperties, type LinkLayout, type NodeFields } from './projection';

/**
 * A look-up compiled for its request's shape (src/graphql/prefetch.ts plans it, src/store/links.ts runs it):
 * the node as asked, and the relationship fields selected on it and on the nodes they lead to, in one query.
 * `$hubLinks` and `$hubScan` are parameters (src/store/links.ts, lookUpTuning): a test can send a small node
 * down a hub's path.
 */

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

/** A compiled look-up: its text, the layouts of its lists, and their reader. */
export interface CompiledLookUp {
  text: string;
  /** The layout of the sources the links' evidence names (read once for all), or null when none is asked. */
  sourceKeys: readonly string[] | null;
  node: AskedNodeLayout;
  links: ReadonlyArray<LinkLayout & { children: readonly LinkLayout[] }>;
  /** The query's one row (none: no node has the id) read back. */
  read(row: LookUpRow | undefined): LookUpAnswer | null;
}

/** The row of a compiled look-up, as the driver hands it over. */
export interface LookUpRow {
  node: unknown[];
  evidence: EvidenceRow[] | null;
  links: LinkList[][];
  totals: Array<number | null>;
  sources: unknown[][];
  hubs: boolean[];
}

/**
 * A look-up's answer: the node as asked; per field, its links seen from the node (a signature as a link to
 * its person), each first-level link with, per field asked of its far node, that node's links (`children`);
 * per field its total (null when not asked), and whether it went unread for being a hub's (`hubs`).
 */
export interface LookUpAnswer {
  node: NodeRow;
  links: Array<Array<LinkRow & { children: LinkRow[][] }>>;
  totals: Array<number | null>;
  hubs: boolean[];
}

/** A link list (linkList): [relationship, node, behalf, evidence], and at the first level its node's links. */
type LinkList = [unknown[], unknown[] | NodeRow, unknown[] | NodeRow | null, [string[] | null, string[] | null] | null, unknown[][][]?];

/** The evidence of a link list, its sources read once for the whole look-up. */
function evidenceOf(evidence: LinkList[3], sources: ReadonlyMap<string, NodeRow>): EvidenceRow[] {
  const [ids, quotes] = evidence ?? [null, null];
  return (quotes ?? []).map((quote, i) => ({ sourceId: ids![i]!, quote, source: sources.get(ids![i]!) ?? null }));
}

/** The LinkRow a link list stands for, seen from the node `fromId`. */
function readLink([relationship, node, behalf, evidence]: LinkList, layout: LinkLayout, fromId: string, sources: ReadonlyMap<string, NodeRow> | null): LinkRow {
  const row = relationshipFromList<RelationshipRow>(relationship, layout.relationshipKeys);
  if (behalf) row.onBehalfOfNode = Array.isArray(behalf) ? nodeFromList<NodeRow>(behalf, layout.behalfKeys!) : behalf;
  if (layout.sourceKeys && sources) row.evidence = evidenceOf(evidence, sources);
  return {
    relationship: row,
    node: Array.isArray(node) ? nodeFromList<NodeRow>(node, layout.nodeKeys!) : node,
    direction: row.fromId === fromId ? 'OUT' : 'IN',
  };
}

/** A signature of a compiled look-up ([relationship, person, agreement, evidence]) as a link to its person. */
function readSignature([relationship, person, agreement, evidence]: LinkList, layout: LinkLayout, sources: ReadonlyMap<string, NodeRow>): LinkRow {
  const row = relationshipFromList<RelationshipRow>(relationship, layout.relationshipKeys);
  const from = nodeFromList<NodeRow>(person as unknown[], layout.nodeKeys!);
  row.from = from;
  row.to = nodeFromList<NodeRow>(agreement as unknown[], layout.behalfKeys!);
  if (layout.sourceKeys) row.evidence = evidenceOf(evidence, sources);
  return { relationship: row, node: from, direction: 'IN' };
}

/** The reader of a compiled look-up's row, from the layouts its text was written with. */
function reader(node: AskedNodeLayout, links: CompiledLookUp['links'], sourceKeys: readonly string[] | null, signatures: readonly boolean[]): CompiledLookUp['read'] {
  return (row) => {
    if (!row) return null;
    const found = askedNodeRow(row.node, row.evidence, node);
    const sources = new Map<string, NodeRow>();
    for (const list of row.sources) {
      const source = nodeFromList<NodeRow>(list, sourceKeys!);
      sources.set(source.id, source);
    }
    const read = links.map((layout, i) =>
      (row.links[i] ?? []).map((list) => {
        if (signatures[i]) return { ...readSignature(list, layout, sources), children: [] };
        const link = readLink(list, layout, found.id, sources);
        const children = (list[4] ?? []).map((lists, j) => lists.map((c) => readLink(c as LinkList, layout.children[j]!, link.node.id, null)));
        return { ...link, children };
      }),
    );
    return { node: found, links: read, totals: row.totals, hubs: row.hubs };
  };
}

const lookUpTexts = new Map<string, CompiledLookUp>();

/**
 * A look-up's text for every node (`plain`), or for a hub's fields (`hub`, src/store/links.ts sends it only
 * when the plain one finds a field above `$hubLinks`): Neo4j plans a text in time growing with its subqueries,
 * and the index walks of a hub's pages would more than double those of a details request that seldom needs
 * them (planned cold under load, the one text took longer than the request timeout).
 */
export type LookUpMode = 'plain' | 'hub';

/**
 * One relationship field of a look-up: the links of `from` along the field's expansions, filtered, ordered and
 * cut to `first` like links.cypher, then each as a list (linkList in src/cypher/projection.ts) with the fields asked
 * of its node, as `column`; a first-level link also holds its node's own fields' links: [.., .., .., [c0, …]].
 * A field whose page an index can find (pageIndexes) is read in the plain text only up to `$hubLinks` links,
 * and in the hub text (only then, `$asks[i].hub`) from the index.
 */
function fieldCall(
  shape: LookUpShape,
  ask: string,
  column: string,
  scope: Scope,
  from: string,
  nested: boolean,
  guard: NodeKindName | null = null,
  mode: LookUpMode = 'plain',
): { text: string; layout: LinkLayout & { children: LinkLayout[] } } {
  if (shape.signatures && !nested) return signaturesCall(shape, shape.signatures, ask, column, guard);
  // The subquery's own variables, fresh among those around it (a nested field's CALL sees its parent's).
  const own = scope.inner();
  const [r, m, d] = (nested ? ['childRel', 'child', 'childDirection'] : ['r', 'm', 'direction']).map((v) => own.fresh(v)) as [string, string, string];
  const columns = nested ? [] : shape.children.map((_c, j) => own.fresh(`c${j}`));
  const children = nested ? [] : shape.children.map((c, j) => fieldCall(c, `${ask}.children[${j}]`, columns[j]!, own, m, true));
  const types = [...new Set(shape.expansions.map((e) => typeName(e.slice(0, -1))))];
  // A nested field's evidence is left to its resolver: the sources are read for the first level only.
  const link = linkList(r, m, types, shape.node, shape.behalf, nested ? null : (shape.evidence ?? null), own.inner().fresh('behalf'));
  const item = nested ? link.text : `${link.text.slice(0, -1)}, [${columns.join(', ')}]]`;
  const kindFilter = shape.kinds ? ` WHERE any(l IN labels(${m}) WHERE l IN ${ask}.kinds)` : '';
  const byIndex = nested ? null : hubPage(shape);
  const read =
    mode === 'hub' && byIndex
      ? [`  WITH ${from} WHERE ${ask}.hub`, ...byIndexOrder(shape, byIndex, ask)]
      : byIndex
        ? [`  WITH ${from} WHERE ${linkCount(shape)} <= $hubLinks`, ...expandAlong(shape.expansions, from, r, m, d)]
        : expandAlong(shape.expansions, from, r, m, d);
  const text = [
    `CALL (${from}) {`,
    ...(guard && !nested ? [`  WITH ${from} WHERE ${from}:${guard}`] : []),
    ...read,
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

/** The indexes a first-level field's page is found from at a hub, or null when it is always read from its links. */
export function hubPage(shape: LookUpShape): PageIndex[] | null {
  return shape.first && !shape.signatures ? pageIndexes(shape) : null;
}

/** `(n)-[r:T1|T2]->(m)` for a field along one direction (checked names only). */
function linkPattern(shape: LookUpShape, r: string, m: string): string {
  const out = shape.expansions[0]!.endsWith('>');
  const types = [...new Set(shape.expansions.map((e) => typeName(e.slice(0, -1))))];
  return out ? `(n)-[${r}:${types.join('|')}]->(${m})` : `(n)<-[${r}:${types.join('|')}]-(${m})`;
}

/** How many links a one-direction field follows from `n`, whatever their far nodes: from the node's degrees. */
const linkCount = (shape: LookUpShape) => `COUNT { ${linkPattern(shape, '', '')} }`;

/**
 * `Organisation.signatures` in a look-up: the signatures made on behalf of `n`, oldest signature first (undated
 * last, in their agreements' date order), cut to `first`; each as a linkList whose node is the person and whose
 * `behalf` slot holds the agreement. The dated ones come in date order from the relationship index on
 * SIGNED(onBehalfOf, date), so a hub's page reads its `first` signatures, not its 17k; the undated ones (that
 * index holds none: a composite index leaves out what lacks one of its properties) are read, from the index
 * on onBehalfOf, only when the dated ones do not fill the page. cypher/signatures-on-behalf.cypher orders alike.
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
  const first = `toInteger(${ask}.first)`;
  const collected = (name: string) => `RETURN collect(${item}) AS ${name}${shape.evidence ? `, collect(r.evidenceSources) AS ${name}Sources` : ''}`;
  const signed = (dated: string, hint = '') => `MATCH (p:Person)-[r:SIGNED]->(a:Agreement)${hint} WHERE r.onBehalfOf = n.id${dated}`;
  // The guard goes inside each part: what filters `n` out must still leave the parts' one row each.
  const only = guard ? [`    WITH n WHERE n:${guard}`] : [];
  const text = [
    `CALL (n) {`,
    ...(shape.first
      ? [
          `  CALL (n) {`,
          ...only,
          // Left to itself, the planner sought the onBehalfOf index and sorted a hub's every signature.
          `    ${signed(' AND r.date IS NOT NULL', ' USING INDEX r:SIGNED(onBehalfOf, date)')}`,
          `    WITH p, r, a ORDER BY r.date, a.date IS NULL, a.date, a.id, p.id`,
          `    LIMIT ${first}`,
          `    ${collected('dated')}`,
          `  }`,
          `  CALL (n, dated) {`,
          `    WITH n WHERE size(dated) < ${first}${guard ? ` AND n:${guard}` : ''}`,
          `    ${signed(' AND r.date IS NULL')}`,
          `    WITH p, r, a ORDER BY a.date IS NULL, a.date, a.id, p.id`,
          `    LIMIT ${first}`,
          `    ${collected('undated')}`,
          `  }`,
          `  RETURN dated + undated[..${first} - size(dated)] AS ${column}${shape.evidence ? `, datedSources + undatedSources[..${first} - size(dated)] AS ${column}Sources` : ''}`,
        ]
      : [...only.map((l) => l.slice(2)), `  ${signed('')}`, `  WITH p, r, a ORDER BY r.date IS NULL, r.date, a.date IS NULL, a.date, a.id, p.id`, `  ${collected(column)}`]),
    `}`,
  ].join('\n');
  return { text, layout: { relationshipKeys: relationship.keys, nodeKeys: person.keys, behalfKeys: agreement.keys, sourceKeys: sources?.keys ?? null, children: [] } };
}

/** The kinds a field's links may lead to, by the model (the far end of each of its types). */
function farKinds(wanted: readonly Expansion[]): NodeKindName[] {
  return [...new Set(wanted.flatMap((e) => {
    const spec = RELATIONSHIP_TYPES[e.slice(0, -1) as RelationshipTypeName];
    return e.endsWith('>') ? spec.to : spec.from;
  }))];
}

/** A far kind and the indexed property a page's order starts with for it (`date`, or its `name`/`title`). */
export interface PageIndex {
  kind: NodeKindName;
  property: string;
}

/**
 * The indexes a field's first page can be found from, or null. A page is ordered by the far node's `date`
 * (undated last), then by its name or title: when some far kinds have a date (every date field has a range
 * index, src/model/artifacts.ts), a full page of dated nodes comes before any undated one, so their date
 * indexes find it; when none has, every far node's date is null, and the page follows its kind's name or title
 * (each kind's label, required and indexed). The far kinds are the field's item type when it names one (a
 * field filtering by kind then names that kind), else the model's for the field's types; one direction only.
 */
function pageIndexes(shape: LookUpShape): PageIndex[] | null {
  if (new Set(shape.expansions.map((e) => e.slice(-1))).size !== 1) return null;
  const kinds = shape.node?.kind ? [shape.node.kind] : shape.kinds ? [] : farKinds(shape.expansions);
  if (kinds.length === 0) return null;
  const dated = kinds.filter((k) => (NODE_KINDS[k].fields as Record<string, { type?: string }>).date?.type === 'date');
  return dated.length > 0 ? dated.map((kind) => ({ kind, property: 'date' })) : kinds.map((kind) => ({ kind, property: NODE_KINDS[kind].label }));
}

/**
 * A hub's first page without reading all its links (a 40k hub's agreements were all read and sorted for the
 * ten shown). Any `cut` at or above the order keys of `first` linked nodes bounds the page: the page's nodes
 * all have keys up to it. Walking each far kind's index in order, keeping the nodes linked to `n`, finds
 * such nodes after a few entries; the page is then among the far nodes with keys up to `cut` (a range of the
 * same indexes), each checked for a link to `n` from its own side, and sorted exactly as any page is. A node
 * with few links along the field, or whose walk (at most `$hubScan` entries a kind: the linked nodes may be
 * rare among their kind) finds fewer than `first`, is read as usual.
 */
function byIndexOrder(shape: LookUpShape, indexes: readonly PageIndex[], ask: string): string[] {
  const rel = (r: string, m: string) => linkPattern(shape, r, m);
  const first = `toInteger(${ask}.first)`;
  const walk = ({ kind, property }: PageIndex) => [
    `MATCH (m:${kind}) WHERE m.${property} IS NOT NULL`,
    `WITH m ORDER BY m.${property} LIMIT toInteger($hubScan)`,
    `WITH m WHERE EXISTS { ${rel('', 'm')} }`,
    `RETURN m.${property} AS key LIMIT ${first}`,
  ];
  const seek = ({ kind, property }: PageIndex) => [
    `WITH n, cut WHERE cut IS NOT NULL AND found >= ${first}`,
    // Left to itself, the planner expanded the hub's links and filtered them.
    `MATCH (m:${kind}) USING INDEX m:${kind}(${property}) WHERE m.${property} <= cut`,
    `MATCH ${rel('r', 'm')} RETURN r, m`,
  ];
  return [
    `  CALL (n) {`,
    `    CALL (n) {`,
    ...indexes.map(walk).map((lines) => lines.map((l) => `      ${l}`).join('\n')).join('\n      UNION ALL\n').split('\n'),
    `    }`,
    `    WITH key ORDER BY key LIMIT ${first}`,
    `    RETURN max(key) AS cut, count(key) AS found`,
    `  }`,
    `  CALL (n, cut, found) {`,
    `    WITH n WHERE cut IS NULL OR found < ${first}`,
    `    MATCH ${rel('r', 'm:Entity')} RETURN r, m`,
    ...indexes.flatMap((index) => [`    UNION ALL`, ...seek(index).map((l) => `    ${l}`)]),
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
  const typesOf = (dir: '>' | '<') => [...new Set(wanted.filter((e) => e.endsWith(dir)).map((e) => typeName(e.slice(0, -1))))];
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
    // Counted from the index alone: a SIGNED relationship always goes from a person to an agreement.
    const count = 'COUNT { ()-[r:SIGNED]->() WHERE r.onBehalfOf = n.id }';
    return guard ? `CASE WHEN n:${guard} THEN ${count} END` : count;
  }
  // Without a kind filter, no label of the far node is read: Neo4j answers from the node's degrees.
  const [far, kinds] = shape.kinds ? ['(m)', ` WHERE any(l IN labels(m) WHERE l IN ${ask}.kinds)`] : ['()', ''];
  const typesOf = (dir: '>' | '<') => [...new Set(shape.expansions.filter((e) => e.endsWith(dir)).map((e) => typeName(e.slice(0, -1))))];
  const counts = [
    ...(typesOf('>').length ? [`COUNT { (n)-[:${typesOf('>').join('|')}]->${far}${kinds} }`] : []),
    ...(typesOf('<').length ? [`COUNT { (n)<-[:${typesOf('<').join('|')}]-${far}${kinds} }`] : []),
  ];
  const total = counts.length ? counts.join(' + ') : '0';
  return guard ? `CASE WHEN n:${guard} THEN ${total} END` : total;
}

/**
 * The node of a look-up as `root` asks it: its list, with the number of its quotes (`evidenceTotal`) when asked,
 * and its evidence with the fields asked of each quote's source, a page of it when `evidenceFirst` is set. A hub
 * is quoted by every document naming it, and reading one of its quote lists costs as much as the rest of its
 * details: each list is read once (`nQuotes`, `nQuoteSources`, set by `lets`), not once per quote shown.
 */
function lookUpNode(root: NodeAsk): { lets: string | null; node: string; evidence: string; layout: AskedNodeLayout } {
  const listed = nodeList('n', root.properties, root.degree ? 'COUNT { (n)--() }' : null);
  const source = root.evidenceSource;
  const lets = [
    ...(source || root.evidenceTotal ? ['coalesce(n.evidenceQuotes, []) AS nQuotes'] : []),
    ...(source ? ['coalesce(n.evidenceSources, []) AS nQuoteSources'] : []),
  ];
  const node = root.evidenceTotal ? `${listed.text.slice(0, -1)}, size(nQuotes)]` : listed.text;
  const lists = { quotes: 'nQuotes', sources: 'nQuoteSources', count: 'size(nQuotes)' };
  const evidence = source ? evidenceProjection(Scope.of('n', 'nQuotes', 'nQuoteSources'), lists, source, root.evidenceFirst != null) : 'null';
  return {
    lets: lets.length ? `WITH *, ${lets.join(', ')}` : null,
    node,
    evidence,
    layout: { nodeKeys: root.evidenceTotal ? [...listed.keys, 'evidenceTotal'] : listed.keys, sourceKeys: source ? evidenceSource('s', source).keys : null },
  };
}

/**
 * A look-up compiled for one request shape (the prefetch of src/graphql/prefetch.ts): the node as `root`
 * asks it (its fields, its evidence), then one CALL per relationship field with only its own static expansions, each
 * nesting one CALL per field asked of the nodes it finds. Rows are lists (src/cypher/projection.ts),
 * read back by the compiled look-up's `read`. Values stay parameters (`$id`, and `$asks[i]`: kinds,
 * first, and the same for `children[j]`); only type names from the model and positions enter the text.
 */
export function lookUpQuery(shapes: readonly LookUpShape[], root: NodeAsk, guard: NodeKindName | null = null, mode: LookUpMode = 'plain'): CompiledLookUp {
  // Values are parameters: the evidence's page size is not part of the text.
  const cacheKey = JSON.stringify([shapes, { ...root, evidenceFirst: root.evidenceFirst != null }, guard, mode]);
  let compiled = lookUpTexts.get(cacheKey);
  if (compiled === undefined) {
    const node = lookUpNode(root);
    const scope = Scope.of('n');
    const columns = shapes.map((_s, i) => scope.fresh(`l${i}`));
    const fields = shapes.map((shape, i) => fieldCall(shape, `$asks[${i}]`, columns[i]!, scope, 'n', false, guard, mode));
    // Every source the links' evidence names, read once (fields asked of sources: all that any field asks).
    const withEvidence = shapes.flatMap((s, i) => (s.evidence ? [`l${i}Sources`] : []));
    const sourceFields = [...new Set(shapes.flatMap((s) => s.evidence ?? []))];
    const sources = withEvidence.length > 0 ? nodeList('s', sourceFields, null, 'Source') : null;
    // Which fields went unread for having more than $hubLinks links: the hub text reads them.
    const hubs = mode === 'plain' ? `[${shapes.map((s) => (hubPage(s) ? `${linkCount(s)} > $hubLinks` : 'false')).join(', ')}]` : '[]';
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
      ...(node.lets ? [node.lets] : []),
      `RETURN ${node.node} AS node, ${node.evidence} AS evidence, [${shapes.map((_s, i) => `l${i}`).join(', ')}] AS links, ` +
        `[${shapes.map((s, i) => (s.total ? totalOf(s, `$asks[${i}]`, guard) : 'null')).join(', ')}] AS totals, ${sources ? 'sources' : '[]'} AS sources, ${hubs} AS hubs`,
    ].join('\n');
    const links = fields.map((f) => f.layout);
    const sourceKeys = sources?.keys ?? null;
    compiled = { text, node: node.layout, links, sourceKeys, read: reader(node.layout, links, sourceKeys, shapes.map((s) => Boolean(s.signatures))) };
    // Shapes come from requests: keep the cache bounded (Neo4j's own query cache holds 1000 plans).
    if (lookUpTexts.size >= 500) lookUpTexts.clear();
    lookUpTexts.set(cacheKey, compiled);
  }
  return compiled;
}
