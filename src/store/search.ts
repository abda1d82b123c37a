import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import type { NodeKindName } from '../model/model';
import { luceneQuery } from './lucene';
import type { SearchHitRow } from './rows';

/** Nodes matching the user's words, best first; empty when the text holds no word. */
export async function searchNodes(
  db: Database,
  text: string,
  kinds: readonly NodeKindName[] | null,
  first: number,
): Promise<SearchHitRow[]> {
  const query = luceneQuery(text);
  if (!query) return [];
  const candidates = kinds ? Math.max(first * 50, 2000) : Math.max(first * 5, 50);
  return db.read<SearchHitRow>(cypher('search'), { query, text: text.trim(), kinds, first, candidates });
}
