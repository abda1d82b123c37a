import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config';
import { relationshipIdParts } from '../model/identity';
import { NODE_KIND_NAMES, NODE_KINDS, RELATIONSHIP_TYPES, type NodeKindName, type RelationshipTypeName } from '../model/model';

const CYPHER_DIR = path.join(ROOT, 'cypher');
const cache = new Map<string, string>();

/**
 * The properties a query returns for a node or a relationship, named from the model rather than `.*`: the
 * evidence lists are left out because they grow with every document that names a fact (a hub's hold hundreds
 * of quotes), and are read only when a client asks for evidence (cypher/evidence.cypher).
 */
const NODE_PROPERTIES = ['id', ...new Set(Object.values(NODE_KINDS).flatMap((k) => Object.keys(k.fields)))];
const RELATIONSHIP_PROPERTIES = ['id', ...new Set(Object.values(RELATIONSHIP_TYPES).flatMap((t) => Object.keys(t.fields)))];
const properties = (names: readonly string[]) => names.map((p) => `.${p}`).join(', ');
/** Node `v` of a known kind: its properties, its kind and its degree. */
const nodeOfKind = (v: string, kind: NodeKindName) =>
  `${v} {${properties(ownProperties(kind))}, kind: '${kind}', degree: COUNT { (${v})--() }}`;
const ownProperties = (kind: NodeKindName) => ['id', ...Object.keys(NODE_KINDS[kind].fields)];

/**
 * A node's properties by kind (only its own kind's fields, so rows carry no column of nulls for the fields
 * of other kinds), with its kind and degree.
 */
const nodeOf = (v: string) =>
  `CASE ${NODE_KIND_NAMES.map((kind) => `WHEN ${v}:${kind} THEN ${nodeOfKind(v, kind)}`).join(' ')} END`;

/** Relationship `r`'s properties, its type and the ids of its ends, plus `extra` fields. */
const relationshipOf = (r: string, extra = '') =>
  `${r} {${properties(RELATIONSHIP_PROPERTIES)}, type: type(${r}), fromId: startNode(${r}).id, toId: endNode(${r}).id${extra}}`;

/**
 * A projection written as a list of values in a known order, with the names to read it back by (`fromList`).
 * Bolt sends a map's keys with every map, and the driver decodes each of them: for a hundred nodes and their
 * relationships, lists are half the bytes and a third less time in the database and the driver together
 * (depth-2 neighbourhood of a hub at 100k relationships: 8.5 → 6.1 ms).
 */
export interface ListProjection {
  text: string;
  keys: readonly string[];
}

/**
 * Node `v` as a list: `id`, the named properties (of the model; other names are ignored), its kind and its
 * degree. With `kind`, v is known to be of that kind: only its kind's properties are named, and the kind is
 * written as it is. `degree` is an expression holding v's degree when the query has counted it already, or
 * null when the request does not read it.
 */
export function nodeList(v: string, props: readonly string[], degree: string | null = `COUNT { (${v})--() }`, kind?: NodeKindName): ListProjection {
  const named = (kind ? ownProperties(kind) : NODE_PROPERTIES).filter((p) => p === 'id' || props.includes(p));
  const kindText = kind ? `'${kind}'` : `CASE ${NODE_KIND_NAMES.map((k) => `WHEN ${v}:${k} THEN '${k}'`).join(' ')} END`;
  // `label` (of a node of any kind): the one property its kind is labelled by, read by kind rather than
  // reading both name and title of every node.
  const label = !kind && props.includes('label') ? [`CASE WHEN ${TITLED.map((k) => `${v}:${k}`).join(' OR ')} THEN ${v}.title ELSE ${v}.name END`] : [];
  return {
    text: `[${[...named.map((p) => `${v}.${p}`), kindText, ...(degree === null ? [] : [degree]), ...label].join(', ')}]`,
    keys: [...named, 'kind', ...(degree === null ? [] : ['degree']), ...(label.length ? ['label'] : [])],
  };
}

/** The kinds labelled by their title (the others by their name). */
const TITLED = NODE_KIND_NAMES.filter((k) => NODE_KINDS[k].label === 'title');

/** The properties of relationships of these types (their own fields in the model, and `id`). */
export function relationshipTypeProperties(types: readonly RelationshipTypeName[]): string[] {
  return ['id', ...new Set(types.flatMap((t) => Object.keys(RELATIONSHIP_TYPES[t].fields)))];
}

/**
 * Relationship `r` as a list: `id` and the named properties (of the model). Its type and ends are not sent:
 * its id names them (src/model/identity.ts), and `fromList` reads them back from it.
 */
export function relationshipList(r: string, props: readonly string[]): ListProjection {
  const named = RELATIONSHIP_PROPERTIES.filter((p) => p === 'id' || props.includes(p));
  return { text: `[${named.map((p) => `${r}.${p}`).join(', ')}]`, keys: named };
}

/** The object a list projection stands for. */
export function fromList<T>(values: readonly unknown[], keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = values[i];
  return out as T;
}

/**
 * The node a nodeList stands for, marked `partial`: it holds the fields one request field reads, so it is
 * never taken for the same node reached another way (as the end of one of its own relationships).
 */
export function nodeFromList<T>(values: readonly unknown[], keys: readonly string[]): T {
  return Object.assign(fromList<Record<string, unknown>>(values, keys), { partial: true }) as T;
}

/** The relationship a relationshipList stands for, with its type and ends read from its id. */
export function relationshipFromList<T>(values: readonly unknown[], keys: readonly string[]): T {
  return Object.assign(fromList<Record<string, unknown>>(values, keys), relationshipIdParts(values[0] as string)) as T;
}

/**
 * A fact's evidence lists zipped into {sourceId, quote, source}, the source read in the same query: every
 * property of a source (a map), or with `sourceProps` only those (a list, see nodeList; src/store/nodes.ts
 * reads them back). The subquery's variables have names no query uses: a COLLECT subquery sees the
 * variables around it.
 */
export function evidenceProjection(v: string, sourceProps: readonly string[] | null = null): string {
  const source = sourceProps
    ? `CASE WHEN evidenceSource IS NOT NULL THEN ${nodeList('evidenceSource', sourceProps, null, 'Source').text} END`
    : nodeOf('evidenceSource');
  return (
    `COLLECT { UNWIND range(0, size(coalesce(${v}.evidenceQuotes, [])) - 1) AS evidenceIndex ` +
    `OPTIONAL MATCH (evidenceSource:Source {id: ${v}.evidenceSources[evidenceIndex]}) ` +
    `WITH evidenceIndex, evidenceSource ORDER BY evidenceIndex ` +
    `RETURN {sourceId: ${v}.evidenceSources[evidenceIndex], quote: ${v}.evidenceQuotes[evidenceIndex], source: ${source}} }`
  );
}

/** The keys of the source lists of `evidenceProjection(v, sourceProps)`. */
export const evidenceSourceKeys = (sourceProps: readonly string[]) => nodeList('evidenceSource', sourceProps, null, 'Source').keys;

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
const linkOf = (r: string, m: string, direction: string) =>
  `{direction: ${direction}, relationship: ${relationshipOf(r, `, onBehalfOfNode: ${behalfOf(r, nodeOf('behalf'))}`)}, node: ${nodeOf(m)}}`;

/** The organisation signature `r` was made for (`behalf` projected as `projection`), or null. */
/** The organisation signature `r` was made for (its `onBehalfOf` id), as `projection` of `behalf`, or null. */
export const behalfOf = (r: string, projection: string) =>
  `CASE WHEN ${r}.onBehalfOf IS NOT NULL THEN head(COLLECT { MATCH (behalf:Entity {id: ${r}.onBehalfOf}) RETURN ${projection} }) END`;

/**
 * A link as a list, for the compiled look-ups (src/store/shape.ts): [relationship, node, behalf, evidence]. The
 * relationship holds the properties of its types (relationshipList: its type and ends come from its id); the
 * node the fields asked of it (`node`, a list, see nodeList; of any kind when `node.kind` is null) or every
 * property of its kind (a map); `behalf`, the organisation a signature was made for, or null: with `behalf`
 * true every property (a map), with fields only those (a list), and null when false; `evidence`, the
 * relationship's evidence lists as stored ([source ids, quotes]; the query reads the sources, with the fields
 * `evidence` names, once for all its links), or null when the request does not ask for them.
 */
export function linkList(
  r: string,
  m: string,
  types: readonly RelationshipTypeName[],
  node: NodeFields | null,
  behalf: boolean | NodeFields,
  evidence: readonly string[] | null = null,
): LinkLayout & { text: string } {
  const relationship = relationshipList(r, relationshipTypeProperties(types));
  const far = node
    ? nodeList(m, node.properties, node.degree ? `COUNT { (${m})--() }` : null, node.kind ?? undefined)
    : { text: nodeOf(m), keys: null };
  const organisation =
    typeof behalf === 'object'
      ? nodeList('behalf', behalf.properties, behalf.degree ? 'COUNT { (behalf)--() }' : null, behalf.kind ?? undefined)
      : null;
  const behalfText = behalf ? behalfOf(r, organisation?.text ?? nodeOf('behalf')) : 'null';
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

/**
 * Placeholders every query file may use, so the shape of a returned node or relationship is written once:
 * `{{node m}}` is m's named properties with its kind and degree; `{{relationship r}}` is r's named properties
 * with its type and the ids of its ends; `{{evidence x}}` is the evidence of node or relationship x, each quote
 * with its source node; `{{link r m direction}}` is a relationship seen from one end; `{{nodeProperties}}`
 * and `{{relationshipProperties}}` are the bare property lists, for projections that add their own fields.
 */
export function expandPlaceholders(text: string): string {
  return text
    .replace(/\{\{node (\w+)\}\}/g, (_m, v: string) => nodeOf(v))
    .replace(/\{\{evidence (\w+)\}\}/g, (_m, v: string) => evidenceProjection(v))
    .replace(/\{\{link (\w+) (\w+) (\w+)\}\}/g, (_m, r: string, m: string, d: string) => linkOf(r, m, d))
    .replace(/\{\{relationship (\w+)\}\}/g, (_m, v: string) => relationshipOf(v))
    .replaceAll('{{nodeProperties}}', properties(NODE_PROPERTIES))
    .replaceAll('{{relationshipProperties}}', properties(RELATIONSHIP_PROPERTIES));
}

/** The text of `cypher/<name>.cypher`: queries live in files, with `$parameters`, never built from values. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    // Comment lines are for readers of the file: every request would send them to the server again.
    const lines = fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8').split('\n');
    text = expandPlaceholders(lines.filter((line) => !line.trim().startsWith('//')).join('\n'));
    cache.set(name, text);
  }
  return text;
}

/** Splits a file of several statements (the schema) on `;` at line ends. */
export function statements(name: string): string[] {
  return cypher(name)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
