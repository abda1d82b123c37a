import { passagesQuery } from '../cypher';
import type { Database } from '../db/database';
import type { NodeKindName } from '../model/model';
import { foldedWords, passageQuery, words } from './lucene';
import type { NodeRow, RelationshipRow } from './rows';

export interface PassageRow {
  id: string;
  text: string;
  index: number;
  source: NodeRow;
  facts: NodeRow[];
  relationships: RelationshipRow[];
}

export interface PassageHitRow {
  score: number;
  passage: PassageRow;
}

interface Hit {
  score: number;
  passage: { id: string; text: string; index: number };
  source: unknown[];
  facts: NodeRow[];
  relationships: RelationshipRow[];
}

/** What a request reads of each passage: its document's fields (property names), its facts, its relationships. */
export interface PassageAsk {
  source: readonly string[];
  facts: boolean;
  relationships: boolean;
}

export interface PassageSearch {
  text: string;
  sources: readonly string[] | null;
  kinds: readonly NodeKindName[] | null;
  first: number;
}

/**
 * Sentences of the documents matching the user's words, accents and case folded, best first. As for names
 * (src/store/search.ts), the plain words are asked first; the tolerant query (prefixes, fuzzy terms) only
 * when no sentence found holds every word asked: a typo or a word cut short.
 */
export async function searchPassages(db: Database, q: PassageSearch, ask: PassageAsk): Promise<PassageHitRow[]> {
  const plain = passageQuery(q.text, false);
  if (!plain) return [];
  const { text, source } = passagesQuery(ask.source);
  const params = { sources: q.sources, kinds: q.kinds, first: q.first, withFacts: ask.facts, withRelationships: ask.relationships };
  let hits = await db.read<Hit>(text, { ...params, query: plain });
  const asked = words(q.text);
  if (!hits.some((h) => holdsAll(h.passage.text, asked))) {
    hits = await db.read<Hit>(text, { ...params, query: passageQuery(q.text, true) });
  }
  return hits.map((h) => ({
    score: h.score,
    passage: { ...h.passage, source: source.read(h.source), facts: h.facts, relationships: h.relationships },
  }));
}

function holdsAll(text: string, asked: readonly string[]): boolean {
  const own = new Set(foldedWords(text));
  return asked.every((w) => own.has(w));
}
