import { expansions, linkList, nodeList, relationshipList, relationshipTypeProperties, type Expansion, type LinkLayout, type NodeFields } from '../cypher';
import { askedNodeProjection, type AskedNodeLayout, type NodeAsk } from './nodes';
import { NODE_KINDS, RELATIONSHIP_TYPE_NAMES, type NodeKindName, type RelationshipTypeName } from '../model/model';

/**
 * A look-up compiled for its request's shape. (Being moved into src/cypher, the module that writes Cypher,
 * with the other builders.)
 */

export { linksQuery, type Expansion } from '../cypher';

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
