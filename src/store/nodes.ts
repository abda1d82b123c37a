import { cypher, evidenceProjection, evidenceSourceKeys, expandPlaceholders, nodeFromList, nodeList } from '../db/cypher';
import type { Database } from '../db/database';
import type { EvidenceRow, NodeRow } from './rows';

/** What a request reads of nodes found by id: their properties, their degree, the fields of their evidence's sources. */
export interface NodeAsk {
  properties: readonly string[];
  degree: boolean;
  /** The fields read of each quote's source, or null when the evidence is not asked. */
  evidenceSource: readonly string[] | null;
}

interface NodesQuery {
  text: string;
  /** The layouts of the node and source lists; null when they are maps of every property. */
  nodeKeys: readonly string[] | null;
  sourceKeys: readonly string[] | null;
}

const texts = new Map<string, NodesQuery>();

/** cypher/nodes-by-id.cypher returning every property (`ask` null), or only what `ask` names. */
function nodesQuery(ask: NodeAsk | null): NodesQuery {
  const cacheKey = JSON.stringify(ask);
  let query = texts.get(cacheKey);
  if (query === undefined) {
    const node = ask ? nodeList('n', ask.properties, ask.degree ? 'COUNT { (n)--() }' : null) : null;
    const source = ask?.evidenceSource ?? null;
    const text = cypher('nodes-by-id')
      .replace('{{askedNode n}}', () => node?.text ?? expandPlaceholders('{{node n}}'))
      .replace('{{askedEvidence n}}', () => evidenceProjection('n', source));
    query = { text, nodeKeys: node?.keys ?? null, sourceKeys: source ? evidenceSourceKeys(source) : null };
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
  const query = nodesQuery(ask);
  const evidence = ask?.evidenceSource != null;
  const rows = await db.read<{ node: NodeRow | unknown[]; evidence: EvidenceRow[] | null }>(query.text, { ids: [...new Set(ids)], evidence });
  const byId = new Map<string, NodeRow>();
  for (const r of rows) {
    const node = Array.isArray(r.node) ? nodeFromList<NodeRow>(r.node, query.nodeKeys!) : r.node;
    if (evidence) {
      node.evidence = query.sourceKeys
        ? r.evidence!.map((e) => ({ ...e, source: e.source && nodeFromList<NodeRow>(e.source as unknown as unknown[], query.sourceKeys!) }))
        : r.evidence;
    }
    byId.set(node.id, node);
  }
  return ids.map((id) => byId.get(id) ?? null);
}

/** The ids among `ids` that name no node (one round-trip). */
export async function missingIds(db: Database, ids: readonly string[]): Promise<string[]> {
  const rows = await db.read<{ id: string; found: boolean }>(cypher('node-exists'), { ids: [...new Set(ids)] });
  return rows.filter((r) => !r.found).map((r) => r.id);
}
