import { relationshipIdParts } from '../model/identity';
import { NODE_KIND_NAMES, NODE_KINDS, RELATIONSHIP_TYPES, type NodeKindName, type RelationshipTypeName } from '../model/model';
import type { NodeRow, RelationshipRow } from '../store/rows';
import { Scope } from './scope';

/**
 * A value a query returns, written and read back in one place: `text` is the Cypher expression that projects
 * it, `read` turns what the driver hands back for that expression into the row the store returns. A query
 * that returns lists (below) can then never read a position its text did not write.
 */
export interface Projection<T> {
  readonly text: string;
  read(value: unknown): T;
}

/**
 * A projection written as a list of values in a known order (`keys`). Bolt sends a map's keys with every map,
 * and the driver decodes each of them: for a hundred nodes and their relationships, lists are half the bytes
 * and a third less time in the database and the driver together (depth-2 neighbourhood of a hub at 100k
 * relationships: 8.5 → 6.1 ms).
 */
export interface ListProjection<T> extends Projection<T> {
  readonly keys: readonly string[];
}

/**
 * The properties a query returns for a node or a relationship, named from the model rather than `.*`: the
 * evidence lists are left out because they grow with every document that names a fact (a hub's hold hundreds
 * of quotes), and are read only when a client asks for evidence (cypher/evidence.cypher).
 */
export const NODE_PROPERTIES = ['id', ...new Set(Object.values(NODE_KINDS).flatMap((k) => Object.keys(k.fields)))];
export const RELATIONSHIP_PROPERTIES = ['id', ...new Set(Object.values(RELATIONSHIP_TYPES).flatMap((t) => Object.keys(t.fields)))];
/** `.a, .b`: the inside of a map projection. */
export const propertyList = (names: readonly string[]) => names.map((p) => `.${p}`).join(', ');
const ownProperties = (kind: NodeKindName) => ['id', ...Object.keys(NODE_KINDS[kind].fields)];

/** Node `v` of a known kind as a map: its properties, its kind and its degree. */
const nodeMapOfKind = (v: string, kind: NodeKindName) =>
  `${v} {${propertyList(ownProperties(kind))}, kind: '${kind}', degree: COUNT { (${v})--() }}`;

/**
 * Node `v` as a map (`{{node v}}`): its own kind's properties only, so rows carry no column of nulls for the
 * fields of other kinds, with its kind and degree.
 */
export const nodeMap = (v: string) =>
  `CASE ${NODE_KIND_NAMES.map((kind) => `WHEN ${v}:${kind} THEN ${nodeMapOfKind(v, kind)}`).join(' ')} END`;

/** Relationship `r` as a map (`{{relationship r}}`): its properties, its type and the ids of its ends, plus `extra` fields. */
export const relationshipMap = (r: string, extra = '') =>
  `${r} {${propertyList(RELATIONSHIP_PROPERTIES)}, type: type(${r}), fromId: startNode(${r}).id, toId: endNode(${r}).id${extra}}`;

/** The kinds labelled by their title (the others by their name). */
const TITLED = NODE_KIND_NAMES.filter((k) => NODE_KINDS[k].label === 'title');

/** The object a list of values stands for, by the keys of its projection. */
function fromList(values: readonly unknown[], keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = values[i];
  return out;
}

/**
 * Node `v` as a list: `id`, the named properties (of the model; other names are ignored), its kind and its
 * degree. With `kind`, v is known to be of that kind: only its kind's properties are named, and the kind is
 * written as it is. `degree` is an expression holding v's degree when the query has counted it already, or
 * null when the request does not read it. Read back, the node is marked `partial`: it holds the fields one
 * request field reads, so it is never taken for the same node reached another way (as the end of one of its
 * own relationships).
 */
export function nodeList(v: string, props: readonly string[], degree: string | null = `COUNT { (${v})--() }`, kind?: NodeKindName): ListProjection<NodeRow> {
  const named = (kind ? ownProperties(kind) : NODE_PROPERTIES).filter((p) => p === 'id' || props.includes(p));
  const kindText = kind ? `'${kind}'` : `CASE ${NODE_KIND_NAMES.map((k) => `WHEN ${v}:${k} THEN '${k}'`).join(' ')} END`;
  // `label` (of a node of any kind): the one property its kind is labelled by, read by kind rather than
  // reading both name and title of every node.
  const label = !kind && props.includes('label') ? [`CASE WHEN ${TITLED.map((k) => `${v}:${k}`).join(' OR ')} THEN ${v}.title ELSE ${v}.name END`] : [];
  const keys = [...named, 'kind', ...(degree === null ? [] : ['degree']), ...(label.length ? ['label'] : [])];
  return {
    text: `[${[...named.map((p) => `${v}.${p}`), kindText, ...(degree === null ? [] : [degree]), ...label].join(', ')}]`,
    keys,
    read: (values) => Object.assign(fromList(values as unknown[], keys), { partial: true }) as unknown as NodeRow,
  };
}

/** The properties of relationships of these types (their own fields in the model, and `id`). */
export function relationshipTypeProperties(types: readonly RelationshipTypeName[]): string[] {
  return ['id', ...new Set(types.flatMap((t) => Object.keys(RELATIONSHIP_TYPES[t].fields)))];
}

/**
 * Relationship `r` as a list: `id` and the named properties (of the model). Its type and ends are not sent:
 * its id names them (src/model/identity.ts), and `read` takes them from it.
 */
export function relationshipList(r: string, props: readonly string[]): ListProjection<RelationshipRow> {
  const keys = RELATIONSHIP_PROPERTIES.filter((p) => p === 'id' || props.includes(p));
  return {
    text: `[${keys.map((p) => `${r}.${p}`).join(', ')}]`,
    keys,
    read: (values) => Object.assign(fromList(values as unknown[], keys), relationshipIdParts((values as unknown[])[0] as string)) as unknown as RelationshipRow,
  };
}

/** The projection of the sources of an evidence asked with `sourceProps` (see evidenceProjection). */
export const evidenceSource = (v: string, sourceProps: readonly string[]) => nodeList(v, sourceProps, null, 'Source');

/**
 * Where a fact's two evidence lists are: its own properties (a fact's variable), or variables a query set to
 * them (a hub's lists, read once: src/cypher/lookUp.ts); `count` is the number of quotes.
 */
export interface EvidenceLists {
  quotes: string;
  sources: string;
  count: string;
}

/**
 * A fact's evidence lists zipped into {sourceId, quote, source}, the source read in the same query: every
 * property of a source (a map), or with `sourceProps` only those (a list: evidenceSource reads them back).
 * `of` is the fact's variable, or where its lists are. `paged`: only the first `$evidenceFirst` quotes, cut
 * before any source is looked up. The subquery's variables are fresh in `scope`: a COLLECT subquery sees the
 * variables around it.
 */
export function evidenceProjection(scope: Scope, of: string | EvidenceLists, sourceProps: readonly string[] | null = null, paged = false): string {
  const { quotes, sources, count } =
    typeof of === 'string' ? { quotes: `${of}.evidenceQuotes`, sources: `${of}.evidenceSources`, count: `size(coalesce(${of}.evidenceQuotes, []))` } : of;
  const inner = scope.inner();
  const index = inner.fresh('evidenceIndex');
  const s = inner.fresh('evidenceSource');
  const source = sourceProps ? `CASE WHEN ${s} IS NOT NULL THEN ${evidenceSource(s, sourceProps).text} END` : nodeMap(s);
  return (
    `COLLECT { UNWIND range(0, ${count} - 1)${paged ? '[..toInteger($evidenceFirst)]' : ''} AS ${index} ` +
    `OPTIONAL MATCH (${s}:Source {id: ${sources}[${index}]}) ` +
    `WITH ${index}, ${s} ORDER BY ${index} ` +
    `RETURN {sourceId: ${sources}[${index}], quote: ${quotes}[${index}], source: ${source}} }`
  );
}

/** The fields a request asks of the nodes at the far end of a link, when their kind is known. */
export interface NodeFields {
  /** Null when the nodes may be of any kind (an interface at the far end): `label` is then read by kind. */
  kind: NodeKindName | null;
  /** Property names; only the kind's own fields from the model enter the text, whatever is asked. */
  properties: readonly string[];
  degree: boolean;
}

/**
 * A relationship seen from one end (`{{link r m direction}}`, the batched links.cypher): its direction, the
 * relationship and every property of the node at the other end; a signature brings the organisation it was
 * made for, so `onBehalfOf` costs no further round-trip.
 */
export function linkMap(r: string, m: string, direction: string): string {
  const behalf = Scope.of(r, m, direction).inner().fresh('behalf');
  return `{direction: ${direction}, relationship: ${relationshipMap(r, `, onBehalfOfNode: ${behalfOf(r, behalf, nodeMap(behalf))}`)}, node: ${nodeMap(m)}}`;
}

/** The organisation signature `r` was made for (`behalf`, a variable of the subquery, projected as `projection`), or null. */
export const behalfOf = (r: string, behalf: string, projection: string) =>
  `CASE WHEN ${r}.onBehalfOf IS NOT NULL THEN head(COLLECT { MATCH (${behalf}:Entity {id: ${r}.onBehalfOf}) RETURN ${projection} }) END`;

/**
 * A link as a list, for the compiled look-ups (src/cypher/lookUp.ts): [relationship, node, behalf, evidence]. The
 * relationship holds the properties of its types (relationshipList: its type and ends come from its id); the
 * node the fields asked of it (`node`, a list, see nodeList; of any kind when `node.kind` is null) or every
 * property of its kind (a map); `behalf`, the organisation a signature was made for, or null: with `behalf`
 * true every property (a map), with fields only those (a list), and null when false; `evidence`, the
 * relationship's evidence lists as stored ([source ids, quotes]; the query reads the sources, with the fields
 * `evidence` names, once for all its links), or null when the request does not ask for them. `behalfVariable`
 * is the organisation's in its subquery, which sees the variables around it.
 */
export function linkList(
  r: string,
  m: string,
  types: readonly RelationshipTypeName[],
  node: NodeFields | null,
  behalf: boolean | NodeFields,
  evidence: readonly string[] | null = null,
  behalfVariable = 'behalf',
): LinkLayout & { text: string } {
  const relationship = relationshipList(r, relationshipTypeProperties(types));
  const far = node
    ? nodeList(m, node.properties, node.degree ? `COUNT { (${m})--() }` : null, node.kind ?? undefined)
    : { text: nodeMap(m), keys: null };
  const organisation =
    typeof behalf === 'object'
      ? nodeList(behalfVariable, behalf.properties, behalf.degree ? `COUNT { (${behalfVariable})--() }` : null, behalf.kind ?? undefined)
      : null;
  const behalfText = behalf ? behalfOf(r, behalfVariable, organisation?.text ?? nodeMap(behalfVariable)) : 'null';
  // The quotes and their sources' ids as stored: the look-up reads every source it names once, at its end.
  const evidenceText = evidence ? `[${r}.evidenceSources, ${r}.evidenceQuotes]` : 'null';
  return {
    text: `[${relationship.text}, ${far.text}, ${behalfText}, ${evidenceText}]`,
    relationshipKeys: relationship.keys,
    nodeKeys: far.keys,
    behalfKeys: organisation?.keys ?? null,
    sourceKeys: evidence ? nodeList('s', evidence, null, 'Source').keys : null,
  };
}

/** How to read a linkList back: the relationship's keys, and the node's and the organisation's (null: a map). */
export interface LinkLayout {
  relationshipKeys: readonly string[];
  nodeKeys: readonly string[] | null;
  behalfKeys: readonly string[] | null;
  /** The layout of the evidence's sources, or null when the evidence was not read. */
  sourceKeys: readonly string[] | null;
}

/** The object a list projection stands for (the look-up's layouts, until they are projections too). */
export function nodeFromList<T>(values: readonly unknown[], keys: readonly string[]): T {
  return Object.assign(fromList(values, keys), { partial: true }) as T;
}

/** The relationship a relationshipList stands for, with its type and ends read from its id. */
export function relationshipFromList<T>(values: readonly unknown[], keys: readonly string[]): T {
  return Object.assign(fromList(values, keys), relationshipIdParts(values[0] as string)) as T;
}
