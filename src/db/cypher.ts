import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../model/model';

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
const nodeOf = (v: string) =>
  `${v} {${properties(NODE_PROPERTIES)}, kind: [l IN labels(${v}) WHERE l <> 'Entity'][0], degree: COUNT { (${v})--() }}`;
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

/**
 * A relationship seen from one end: its direction, the relationship (a signature with the organisation it was
 * made for, so `onBehalfOf` costs no further round-trip) and the node at the other end.
 */
const linkOf = (r: string, m: string, direction: string) =>
  `{direction: ${direction}, relationship: ${r} {${properties(RELATIONSHIP_PROPERTIES)}, type: type(${r}), ` +
  `fromId: startNode(${r}).id, toId: endNode(${r}).id, onBehalfOfNode: CASE WHEN ${r}.onBehalfOf IS NOT NULL ` +
  `THEN head(COLLECT { MATCH (behalf:Entity {id: ${r}.onBehalfOf}) RETURN ${nodeOf('behalf')} }) END}, node: ${nodeOf(m)}}`;

/**
 * Placeholders every query file may use, so the shape of a returned node or relationship is written once:
 * `{{node m}}` is m's named properties with its kind and degree; `{{relationship r}}` is r's named properties
 * with its type and the ids of its ends; `{{evidence x}}` is the evidence of node or relationship x, each quote
 * with its source node; `{{link r m direction}}` is a relationship seen from one end; `{{nodeProperties}}`
 * and `{{relationshipProperties}}` are the bare property lists, for projections that add their own fields.
 */
function expand(text: string): string {
  return text
    .replace(/\{\{node (\w+)\}\}/g, (_m, v: string) => nodeOf(v))
    .replace(/\{\{evidence (\w+)\}\}/g, (_m, v: string) => evidenceOf(v))
    .replace(/\{\{link (\w+) (\w+) (\w+)\}\}/g, (_m, r: string, m: string, d: string) => linkOf(r, m, d))
    .replace(/\{\{relationship (\w+)\}\}/g, (_m, v: string) =>
      `${v} {${properties(RELATIONSHIP_PROPERTIES)}, type: type(${v}), fromId: startNode(${v}).id, toId: endNode(${v}).id}`)
    .replaceAll('{{nodeProperties}}', properties(NODE_PROPERTIES))
    .replaceAll('{{relationshipProperties}}', properties(RELATIONSHIP_PROPERTIES));
}

/** The text of `cypher/<name>.cypher`: queries live in files, with `$parameters`, never built from values. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = expand(fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8'));
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
