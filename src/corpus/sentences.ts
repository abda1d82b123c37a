/**
 * A document cut into sentences, each with its place in the text: the units the coverage report counts and
 * the passages search returns. Offsets are in UTF-16 code units of the decoded text (JavaScript strings).
 */

export interface Sentence {
  /** Position in the document, from 0. */
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Words after which a full stop does not end a sentence (`MM. Eric Boustouller`). */
const ABBREVIATIONS = new Set(['M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Dr', 'St', 'cf', 'p', 'n°', 'etc']);

/** A sentence ends at . ! ? … (and the quotes or brackets closing it) before a space and a capital, a digit or a quote. */
const END = /[.!?…]+(?:\s?["»”’)*])*(?=\s+(?:[·•-]\s*)?["«“*(]?[\p{Lu}\p{N}])/gu;

const hasWords = (s: string) => /[\p{L}\p{N}]{2,}/u.test(s);

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    // Leading bullets and spaces are not part of the sentence.
    while (start < end && /[\s\-·•>]/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    const s = text.slice(start, end);
    if (hasWords(s)) out.push({ index: out.length, start, end, text: s });
  };
  // Lines first: a heading, a bullet or a paragraph ends at its line's end, unless the line is wrapped (it
  // ends in a space, or the next line goes on in lower case or after a space).
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    const next = text[i + 1];
    const line = text.slice(text.lastIndexOf('\n', i - 1) + 1, i);
    const openEnded = /[ \t]$/.test(line) && !/[.!?:;»"…]\s*$/.test(line);
    const wrapped = next !== undefined && next !== '\n' && next !== '\r' && (openEnded || /[\p{Ll} \t]/u.test(next));
    if (!wrapped) breaks.push(i);
  }
  let segmentStart = 0;
  for (const segmentEnd of [...breaks, text.length]) {
    const segment = text.slice(segmentStart, segmentEnd);
    let from = segmentStart;
    for (const m of segment.matchAll(END)) {
      const stop = segmentStart + m.index + m[0].length;
      const before = segment.slice(0, m.index).match(/(\S+)$/)?.[1] ?? '';
      if (m[0] === '.' && ABBREVIATIONS.has(before)) continue;
      push(from, stop);
      from = stop;
    }
    push(from, segmentEnd);
    segmentStart = segmentEnd + 1;
  }
  return out;
}

/** Letters and digits: what a quote must cover of a sentence (spaces and punctuation do not count). */
const isCounted = (c: string) => /[\p{L}\p{N}]/u.test(c);

/** Where `quote` occurs in `text` (every occurrence). */
export function occurrences(text: string, quote: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!quote) return out;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) out.push([at, at + quote.length]);
  return out;
}

/**
 * Quotes shorter than this cite a sentence only when they are the whole sentence: a bare name ("Microsoft")
 * is a mention, not a quotation of the sentences it appears in.
 */
export const MIN_CITING_QUOTE = 25;

function counted(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (isCounted(text[i]!)) n++;
  return n;
}

/** Whether an occurrence [a, b) of a quote may cite sentence `s`. */
function cites(text: string, s: Sentence, a: number, b: number): boolean {
  if (a >= s.end || b <= s.start) return false;
  return b - a >= MIN_CITING_QUOTE || (a <= s.start && b >= s.end) || counted(text, Math.max(a, s.start), Math.min(b, s.end)) === counted(text, s.start, s.end);
}

/**
 * The share (0..1) of a sentence's letters and digits that the quotes cover, counting every occurrence of
 * every quote that may cite it.
 */
export function coveredShare(text: string, s: Sentence, quotes: ReadonlyArray<Array<[number, number]>>): number {
  const covered = new Uint8Array(s.end - s.start);
  for (const occ of quotes) {
    for (const [a, b] of occ) {
      if (!cites(text, s, a, b)) continue;
      for (let i = Math.max(a, s.start); i < Math.min(b, s.end); i++) covered[i - s.start] = 1;
    }
  }
  let total = 0;
  let hit = 0;
  for (let i = s.start; i < s.end; i++) {
    if (!isCounted(text[i]!)) continue;
    total++;
    if (covered[i - s.start]) hit++;
  }
  return total === 0 ? 0 : hit / total;
}

/** A sentence counts as quoted when the quotes cover at least half of it. */
export const QUOTED_SHARE = 0.5;

/**
 * Whether one quote supports a passage: it may cite it, and covers at least half of the passage or half of
 * itself lies in the passage (a long quote spanning several sentences supports each of them).
 */
export function supports(text: string, s: Sentence, occ: ReadonlyArray<[number, number]>): boolean {
  return occ.some(([a, b]) => {
    if (!cites(text, s, a, b)) return false;
    const overlap = counted(text, Math.max(a, s.start), Math.min(b, s.end));
    return overlap * 2 >= Math.min(counted(text, a, b), counted(text, s.start, s.end));
  });
}
