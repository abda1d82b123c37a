/**
 * Turns what a user typed into a Lucene query for the `entity_search` full-text index. The user's text is
 * never Lucene syntax: it is cut into words of letters and digits (so `"`, `*`, `:`, `(`, `~`, `\` … cannot
 * reach the parser), folded and lower-cased (so `AND`/`OR`/`NOT` are plain words), and every word becomes
 * an exact term, a prefix and, when long enough, a fuzzy term, so that "Delanoe", "boustoullier" and
 * "Gérard Colomb" find what they mean.
 */

/** Lucene's special characters; none survives `words()`, but escaping keeps the guarantee local. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export const MAX_SEARCH_TEXT = 200;
const MAX_WORDS = 12;

/** Lower-case words without accents: what the index's standard-folding analyzer stores. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
}

function escape(word: string): string {
  return word.replace(SPECIAL, (c) => `\\${c}`);
}

/** Edits tolerated in a word: none for short words (too many false friends), one from 4 letters, two from 8. */
function fuzziness(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/**
 * The Lucene query for a user's text, or null when the text holds no word at all. Words are OR-ed, so a hit
 * matching more of them scores higher; an exact match outranks a prefix, which outranks a fuzzy match.
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
