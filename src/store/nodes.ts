import { cypher, evidenceProjection, evidenceSourceKeys, expandPlaceholders, nodeFromList, nodeList } from '../db/cypher';
import type { Database } from '../db/database';
import type { EvidenceRow, NodeRow } from './rows';

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

/**
 * Node `v` as `ask` asks it: its list (src/db/cypher.ts, nodeList) and its evidence with the fields asked of
 * each quote's source (`null` when the evidence is not asked); the texts of the query's two columns.
 */
export function askedNodeProjection(v: string, ask: NodeAsk): { node: string; evidence: string; layout: AskedNodeLayout } {
  const listed = nodeList(v, ask.properties, ask.degree ? `COUNT { (${v})--() }` : null);
  // The number of quotes, beside the node's fields: the length of a stored list, no quote read.
  const node = ask.evidenceTotal
    ? { text: `${listed.text.slice(0, -1)}, size(coalesce(${v}.evidenceQuotes, []))]`, keys: [...listed.keys, 'evidenceTotal'] }
    : listed;
  const source = ask.evidenceSource;
  const evidence = source ? evidenceProjection(v, source) : 'null';
  return {
    node: node.text,
    // A page: the quotes' indexes cut before any source is looked up.
    evidence: source && ask.evidenceFirst != null ? evidence.replace(/ - 1\) AS evidenceIndex /, ' - 1)[..toInteger($evidenceFirst)] AS evidenceIndex ') : evidence,
    layout: { nodeKeys: node.keys, sourceKeys: source ? evidenceSourceKeys(source) : null },
  };
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

export interface NodesQuery {
  text: string;
  /** Null when the query returns every property (a map). */
  layout: AskedNodeLayout | null;
}

const texts = new Map<string, NodesQuery>();

/** cypher/nodes-by-id.cypher returning every property (`ask` null), or only what `ask` names. */
export function nodesQuery(ask: NodeAsk | null): NodesQuery {
  // The page size is a parameter: one text whatever its value.
  const cacheKey = JSON.stringify(ask && { ...ask, evidenceFirst: ask.evidenceFirst != null });
  let query = texts.get(cacheKey);
  if (query === undefined) {
    const asked = ask && askedNodeProjection('n', ask);
    const text = cypher('nodes-by-id')
      .replace('{{askedNode n}}', () => asked?.node ?? expandPlaceholders('{{node n}}'))
      .replace('{{askedEvidence n}}', () => asked?.evidence ?? 'null');
    query = { text, layout: asked?.layout ?? null };
    // Asks come from requests: keep the cache bounded.
    if (texts.size >= 500) texts.clear();
    texts.set(cacheKey, query);
  }
  return query;
}

/**
 * Nodes by id, in the order of `ids`; null where no node has the id. One round-trip: every property of each
 * node, or with `ask` only the fields it names, and then also each node's evidence and its sources when it
 * names the fields of the sources.
 */
export async function nodesByIds(db: Database, ids: readonly string[], ask: NodeAsk | null = null): Promise<Array<NodeRow | null>> {
  if (ids.length === 0) return [];
  const { text, layout } = nodesQuery(ask);
  const rows = await db.read<{ node: NodeRow | unknown[]; evidence: EvidenceRow[] | null }>(text, { ids: [...new Set(ids)], evidenceFirst: ask?.evidenceFirst ?? null });
  const byId = new Map<string, NodeRow>();
  for (const r of rows) {
    const node = layout ? askedNodeRow(r.node as unknown[], r.evidence, layout) : (r.node as NodeRow);
    byId.set(node.id, node);
  }
  return ids.map((id) => byId.get(id) ?? null);
}

/** The ids among `ids` that name no node (one round-trip). */
export async function missingIds(db: Database, ids: readonly string[]): Promise<string[]> {
  const rows = await db.read<{ id: string; found: boolean }>(cypher('node-exists'), { ids: [...new Set(ids)] });
  return rows.filter((r) => !r.found).map((r) => r.id);
}
