import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config';
import { NODE_KIND_NAMES, NODE_KINDS, RELATIONSHIP_TYPES, type NodeKindName } from '../model/model';

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
/** Node `v` of a known kind: the given properties, its kind, and its degree when asked. */
const nodeOfKind = (v: string, kind: NodeKindName, props: readonly string[], degree = true) =>
  `${v} {${properties(props)}, kind: '${kind}'${degree ? `, degree: COUNT { (${v})--() }` : ''}}`;
const ownProperties = (kind: NodeKindName) => ['id', ...Object.keys(NODE_KINDS[kind].fields)];

/**
 * A node's properties by kind (only its own kind's fields, so rows carry no column of nulls for the fields
 * of other kinds), with its kind and degree.
 */
const nodeOf = (v: string) =>
  `CASE ${NODE_KIND_NAMES.map((kind) => `WHEN ${v}:${kind} THEN ${nodeOfKind(v, kind, ownProperties(kind))}`).join(' ')} END`;

/** Relationship `r`'s properties, its type and the ids of its ends, plus `extra` fields. */
const relationshipOf = (r: string, extra = '') =>
  `${r} {${properties(RELATIONSHIP_PROPERTIES)}, type: type(${r}), fromId: startNode(${r}).id, toId: endNode(${r}).id${extra}}`;

/**
 * A fact's evidence lists zipped into {sourceId, quote, source}, the source read in the same query. The
 * subquery's variables have names no query uses: a COLLECT subquery sees the variables around it.
 */
const evidenceOf = (v: string) =>
  `COLLECT { UNWIND range(0, size(coalesce(${v}.evidenceQuotes, [])) - 1) AS evidenceIndex ` +
  `OPTIONAL MATCH (evidenceSource:Source {id: ${v}.evidenceSources[evidenceIndex]}) ` +
  `WITH evidenceIndex, evidenceSource ORDER BY evidenceIndex ` +
  `RETURN {sourceId: ${v}.evidenceSources[evidenceIndex], quote: ${v}.evidenceQuotes[evidenceIndex], ` +
  `source: ${nodeOf('evidenceSource')}} }`;

/** The fields a request asks of the nodes at the far end of a link, when their kind is known. */
export interface NodeFields {
  kind: NodeKindName;
  /** Property names; only the kind's own fields from the model enter the text, whatever is asked. */
  properties: readonly string[];
  degree: boolean;
}

/**
 * A relationship seen from one end: its direction, the relationship and the node at the other end, every
 * property of its kind or, for a request whose selection is known, only those asked (`node`). With `behalf`,
 * a signature brings the organisation it was made for, so `onBehalfOf` costs no further round-trip.
 */
export function linkProjection(r: string, m: string, direction: string, node: NodeFields | null, behalf: boolean): string {
  const nodeText = node
    ? nodeOfKind(m, node.kind, ownProperties(node.kind).filter((p) => p === 'id' || node.properties.includes(p)), node.degree)
    : nodeOf(m);
  const behalfText = behalf
    ? `, onBehalfOfNode: CASE WHEN ${r}.onBehalfOf IS NOT NULL THEN head(COLLECT { MATCH (behalf:Entity {id: ${r}.onBehalfOf}) RETURN ${nodeOf('behalf')} }) END`
    : '';
  return `{direction: ${direction}, relationship: ${relationshipOf(r, behalfText)}, node: ${nodeText}}`;
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
    .replace(/\{\{evidence (\w+)\}\}/g, (_m, v: string) => evidenceOf(v))
    .replace(/\{\{link (\w+) (\w+) (\w+)\}\}/g, (_m, r: string, m: string, d: string) => linkProjection(r, m, d, null, true))
    .replace(/\{\{relationship (\w+)\}\}/g, (_m, v: string) => relationshipOf(v))
    .replaceAll('{{nodeProperties}}', properties(NODE_PROPERTIES))
    .replaceAll('{{relationshipProperties}}', properties(RELATIONSHIP_PROPERTIES));
}

/** The text of `cypher/<name>.cypher`: queries live in files, with `$parameters`, never built from values. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = expandPlaceholders(fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8'));
    cache.set(name, text);
  }
  return text;
}

/** Splits a file of several statements (the schema) on `;` at line ends, dropping `//` comments. */
export function statements(name: string): string[] {
  return cypher(name)
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
