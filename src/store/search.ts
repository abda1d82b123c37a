import { cypher } from '../cypher';
import type { Database } from '../db/database';
import type { NodeKindName } from '../model/model';
import { foldedWords, luceneQuery, plainQuery, words } from './lucene';
import type { NodeRow, SearchHitRow } from './rows';

/**
 * Nodes matching the user's words, best first; empty when the text holds no word. The plain words are asked
 * first: one cheap Lucene query, enough when the user typed a name as it is written (accents and case do not
 * matter, the index folds them). The tolerant query, with prefixes and fuzzy terms and several times dearer,
 * is asked in a second round-trip only when the plain words found fewer than `first` hits or no hit named by
 * all the words: a typo, a word cut short, or a page the exact words cannot fill.
 */
export async function searchNodes(
  db: Database,
  text: string,
  kinds: readonly NodeKindName[] | null,
  first: number,
): Promise<SearchHitRow[]> {
  const query = plainQuery(text);
  if (!query) return [];
  // Lucene's best hits of the kinds asked, among which a whole-name match is moved up.
  const params = { text: text.trim(), kinds, first, candidates: Math.max(first * 5, 50) };
  const hits = await db.read<SearchHitRow>(cypher('search'), { ...params, query });
  const asked = words(text);
  if (hits.length === first && hits.some((hit) => namedByAll(hit.node, asked))) return hits;
  return db.read<SearchHitRow>(cypher('search'), { ...params, query: luceneQuery(text) });
}

/** Whether every word asked is a word of the node's name, title or aliases (accents and case folded). */
function namedByAll(node: NodeRow, asked: readonly string[]): boolean {
  const own = new Set([node.name, node.title, ...(node.aliases ?? [])].flatMap((t) => (t ? foldedWords(t) : [])));
  return asked.every((w) => own.has(w));
}
