import type { EvidenceRow, NodeRow } from '../store/rows';
import { template } from './files';
import { evidenceProjection, evidenceSource, nodeFromList, nodeList, nodeMap } from './projection';
import { Scope } from './scope';

/** What a request reads of nodes found by id: their properties, their degree, the fields of their evidence's sources. */
export interface NodeAsk {
  properties: readonly string[];
  degree: boolean;
  /** The fields read of each quote's source, or null when the evidence is not asked. */
  evidenceSource: readonly string[] | null;
  /**
   * The evidence's page size when it is read a page at a time (a hub is quoted by every document naming it;
   * the query takes it as `$evidenceFirst`, its text only says that it is paged), and whether its total
   * (`evidenceTotal`) is read.
   */
  evidenceFirst?: number | null;
  evidenceTotal?: boolean;
}

/** How to read a node asked for by a NodeAsk back: its list's layout, and its evidence's sources'. */
export interface AskedNodeLayout {
  nodeKeys: readonly string[];
  sourceKeys: readonly string[] | null;
}

/** A node as a NodeAsk asks it: the texts of its two columns (the node's list, its evidence) and their reader. */
export interface AskedNode {
  node: string;
  evidence: string;
  layout: AskedNodeLayout;
  read(node: unknown, evidence: EvidenceRow[] | null): NodeRow;
}

/**
 * Node `v` as `ask` asks it: its list (nodeList) and its evidence with the fields asked of each quote's
 * source (`null` when the evidence is not asked); the texts of the query's two columns, and their reader.
 */
export function askedNodeProjection(v: string, ask: NodeAsk, scope: Scope = Scope.of(v)): AskedNode {
  const listed = nodeList(v, ask.properties, ask.degree ? `COUNT { (${v})--() }` : null);
  // The number of quotes, beside the node's fields: the length of a stored list, no quote read.
  const node = ask.evidenceTotal
    ? { text: `${listed.text.slice(0, -1)}, size(coalesce(${v}.evidenceQuotes, []))]`, keys: [...listed.keys, 'evidenceTotal'] }
    : listed;
  const source = ask.evidenceSource;
  // A page: the quotes' indexes cut before any source is looked up.
  const evidence = source ? evidenceProjection(scope, v, source, ask.evidenceFirst != null) : 'null';
  const layout = { nodeKeys: node.keys, sourceKeys: source ? evidenceSource('s', source).keys : null };
  return { node: node.text, evidence, layout, read: (n, e) => askedNodeRow(n as unknown[], e, layout) };
}

/** The row of a node read with askedNodeProjection (partial: it holds what was asked). */
export function askedNodeRow(node: unknown[], evidence: EvidenceRow[] | null, layout: AskedNodeLayout): NodeRow {
  const row = nodeFromList<NodeRow>(node, layout.nodeKeys);
  if (layout.sourceKeys) {
    const keys = layout.sourceKeys;
    row.evidence = (evidence ?? []).map((e) => ({ ...e, source: e.source && nodeFromList<NodeRow>(e.source as unknown as unknown[], keys) }));
  }
  return row;
}

/** cypher/nodes-by-id.cypher: its text, and the reader of its rows' two columns. */
export interface NodesQuery {
  text: string;
  /** Null when the query returns every property (a map). */
  layout: AskedNodeLayout | null;
  read(node: unknown, evidence: EvidenceRow[] | null): NodeRow;
}

const texts = new Map<string, NodesQuery>();

/** cypher/nodes-by-id.cypher returning every property (`ask` null: a map), or only what `ask` names. */
export function nodesQuery(ask: NodeAsk | null): NodesQuery {
  // The page size is a parameter: one text whatever its value.
  const cacheKey = JSON.stringify(ask && { ...ask, evidenceFirst: ask.evidenceFirst != null });
  let query = texts.get(cacheKey);
  if (query === undefined) {
    const asked = ask && askedNodeProjection('n', ask);
    const text = template('nodes-by-id', { askedNode: (v) => asked?.node ?? nodeMap(v), askedEvidence: () => asked?.evidence ?? 'null' });
    query = { text, layout: asked?.layout ?? null, read: asked ? asked.read : (node) => node as NodeRow };
    // Asks come from requests: keep the cache bounded.
    if (texts.size >= 500) texts.clear();
    texts.set(cacheKey, query);
  }
  return query;
}
