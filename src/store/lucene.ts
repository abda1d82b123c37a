/**
 * Turns what a user typed into Lucene queries for the `entity_search` full-text index. The user's text is
 * never Lucene syntax: it is cut into words of letters and digits (so `"`, `*`, `:`, `(`, `~`, `\` … cannot
 * reach the parser), folded and lower-cased (so `AND`/`OR`/`NOT` are plain words). Two queries come out of
 * the words: the plain words (cheap: term look-ups only), and a tolerant query where every word is also a
 * prefix and, when long enough, a fuzzy term, so that "Delanoe", "boustoullier" and "Gérard Colomb" find
 * what they mean. Prefix and fuzzy terms make Lucene walk its term dictionary and score many more documents
 * (about 5× the time of the plain words at 100k relationships), so search asks the tolerant query only when
 * the plain words were not enough (src/store/search.ts).
 */

/** Lucene's special characters; none survives `words()`, but escaping keeps the guarantee local. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export const MAX_SEARCH_TEXT = 200;
const MAX_WORDS = 12;

/** All lower-case words of a text without accents: what the index's standard-folding analyzer stores. */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words of a user's text that a query looks for (at most 12: a longer text is not a name). */
export function words(text: string): string[] {
  return foldedWords(text).slice(0, MAX_WORDS);
}

function escape(word: string): string {
  return word.replace(SPECIAL, (c) => `\\${c}`);
}

/** Edits tolerated in a word: none for short words (too many false friends), one from 4 letters, two from 8. */
function fuzziness(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/** The plain words OR-ed, or null when the text holds no word: a hit matching more of them scores higher. */
export function plainQuery(text: string): string | null {
  const ws = words(text);
  return ws.length === 0 ? null : ws.map(escape).join(' OR ');
}

/**
 * The tolerant query for a user's text, or null when the text holds no word at all. Words are OR-ed, so a
 * hit matching more of them scores higher; an exact match outranks a prefix, which outranks a fuzzy match.
 */
export function luceneQuery(text: string): string | null {
  const ws = words(text);
  if (ws.length === 0) return null;
  return ws
    .map((w) => {
      const e = escape(w);
      const alternatives = [`${e}^4`];
      if (w.length >= 3) alternatives.push(`${e}*^2`);
      const edits = fuzziness(w);
      if (edits > 0) alternatives.push(`${e}~${edits}`);
      return `(${alternatives.join(' OR ')})`;
    })
    .join(' OR ');
}

/**
 * The query for passages: the words as a phrase (boosted: "grand frère" finds the sentence that says it
 * before those saying either word), or-ed with each word, plain or tolerant (prefixes and fuzzy terms).
 */
export function passageQuery(text: string, tolerant: boolean): string | null {
  const ws = words(text);
  const each = tolerant ? luceneQuery(text) : plainQuery(text);
  if (!each) return null;
  return ws.length > 1 ? `"${ws.map(escape).join(' ')}"^8 OR ${each}` : each;
}
