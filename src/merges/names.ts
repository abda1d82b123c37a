/**
 * Name folding for duplicate candidates. Two names that may denote one actor share at least one *blocking
 * key*: only nodes that share a key are ever compared, so finding candidates costs the number of names, not
 * the number of pairs. Keys fold what the documents vary: accents and case ("Delanoë"/"delanoe"), word
 * order ("Collomb Gérard"), first names given as initials ("G. Collomb"), doubled letters ("Colomb"),
 * acronyms ("APVF" for "Association des petites villes de France") and the word naming a body of a place
 * ("Mairie de Paris", "Ville de Paris").
 */

const folded = new Map<string, string>();

/** Lower case, accents off, punctuation to spaces, words single-spaced (memoised: a name is folded for every pair it is in). */
export function fold(name: string): string {
  let f = folded.get(name);
  if (f === undefined) {
    if (folded.size > 200_000) folded.clear();
    folded.set(name, (f = foldNow(name)));
  }
  return f;
}

function foldNow(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const words = (name: string) => fold(name).split(' ').filter(Boolean);

/** Words left out of acronyms and of place keys: articles and prepositions (French and English). */
const SMALL = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux', 'en', 'of', 'the', 'and', 'for', 'in']);

/** Words naming the body of a place rather than the place: "Mairie de Paris" and "Ville de Paris" are one city. */
const PLACE_BODY = new Set(['ville', 'mairie', 'city', 'town', 'municipalite', 'commune', 'hotel']);

/** Repeated letters once ("collomb" → "colomb"): the commonest misspelling of a name. */
const undoubled = (w: string) => w.replace(/(.)\1+/g, '$1');

export type KeyKind = 'folded' | 'words' | 'initials' | 'letters' | 'acronym' | 'word' | 'place';

/** The blocking keys of one name. A key is `kind:text`; two names sharing one are compared. */
export function blockingKeys(name: string): string[] {
  const w = words(name);
  if (!w.length) return [];
  const keys = new Set<string>();
  keys.add(`folded:${w.join(' ')}`);
  keys.add(`words:${[...w].sort().join(' ')}`);
  keys.add(`letters:${w.map(undoubled).sort().join(' ')}`);
  // Two-sided keys (`#short`, `#long`): only a short form is compared with the long forms of its block, never
  // two long forms with each other ("Jean Dupont" and "Jacques Dupont" share "j dupont" but are not proposed).
  if (w.length >= 2) {
    // "Gérard Collomb", "G. Collomb", "Collomb G." → first initial and last word, either way round.
    const last = w[w.length - 1]!;
    const first = w[0]!;
    if (first.length === 1) keys.add(`initials:${first} ${undoubled(last)}#short`);
    else if (last.length === 1) keys.add(`initials:${last} ${undoubled(first)}#short`);
    else {
      keys.add(`initials:${first[0]} ${undoubled(last)}#long`);
      keys.add(`initials:${last[0]} ${undoubled(first)}#long`);
    }
  }
  const significant = w.filter((x) => !SMALL.has(x));
  if (significant.length >= 2) keys.add(`acronym:${significant.map((x) => x[0]).join('')}#long`);
  if (w.length === 1 && w[0]!.length >= 2 && w[0]!.length <= 8) keys.add(`acronym:${w[0]}#short`);
  // The first and last distinctive words: "Microsoft" and "Microsoft France", "Sciences-Po" and "École de
  // communication de Sciences-Po" (a word common to many names makes a block too large, which is skipped).
  const distinctive = significant.filter((x) => x.length >= 4 && !PLACE_BODY.has(x));
  if (distinctive.length) {
    keys.add(`word:${distinctive[0]}`);
    keys.add(`word:${distinctive[distinctive.length - 1]}`);
  }
  const place = significant.filter((x) => !PLACE_BODY.has(x));
  if (place.length && place.length < significant.length) keys.add(`place:${place.join(' ')}`);
  return [...keys];
}

/** Levenshtein distance, stopping early past `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export interface Reason {
  code: string;
  detail: string;
  weight: number;
}

/**
 * Why two nodes' names may denote one actor, strongest first (empty when they only shared a loose key).
 */
export function nameReasons(a: { name: string; aliases: readonly string[] }, b: { name: string; aliases: readonly string[] }): Reason[] {
  const reasons: Reason[] = [];
  const fa = fold(a.name);
  const fb = fold(b.name);
  const q = (s: string) => `"${s}"`;
  if (fa === fb) reasons.push({ code: 'FOLDED_NAME_EQUAL', detail: `${q(a.name)} and ${q(b.name)} are equal once accents and case are folded`, weight: 0.9 });
  else {
    const wa = fa.split(' ');
    const wb = fb.split(' ');
    if ([...wa].sort().join(' ') === [...wb].sort().join(' ')) {
      reasons.push({ code: 'WORD_ORDER', detail: `${q(a.name)} and ${q(b.name)} have the same words in another order`, weight: 0.85 });
    }
    const alias = [...a.aliases.map((x) => [x, b.name] as const), ...b.aliases.map((x) => [x, a.name] as const)].find(([x, n]) => fold(x) === fold(n));
    if (alias) reasons.push({ code: 'ALIAS', detail: `the alias ${q(alias[0])} is the name ${q(alias[1])}`, weight: 0.8 });
    if (wa.length >= 2 && wb.length >= 2) {
      const initialsMatch = (x: string[], y: string[]) =>
        x[0]!.length === 1 && y[0]!.length > 1 && x[0] === y[0]![0] && undoubled(x[x.length - 1]!) === undoubled(y[y.length - 1]!);
      if (initialsMatch(wa, wb) || initialsMatch(wb, wa)) {
        reasons.push({ code: 'INITIALS', detail: `${q(a.name)} and ${q(b.name)}: a first name given as its initial`, weight: 0.6 });
      }
    }
    const acronym = (short: string, long: string) => {
      const s = fold(short);
      const sig = words(long).filter((x) => !SMALL.has(x));
      return !s.includes(' ') && sig.length >= 2 && sig.map((x) => x[0]).join('') === s;
    };
    const acr = [a.name, ...a.aliases].flatMap((x) => [b.name, ...b.aliases].map((y) => [x, y] as const)).find(([x, y]) => acronym(x, y) || acronym(y, x));
    if (acr) reasons.push({ code: 'ACRONYM', detail: `${q(acr[0])} and ${q(acr[1])}: one is the other's initials`, weight: 0.7 });
    const d = editDistance(fa, fb, 3);
    if (d <= 3 && Math.min(fa.length, fb.length) >= 5) {
      const weight = Math.max(0, 0.8 - 0.15 * d);
      reasons.push({ code: 'EDIT_DISTANCE', detail: `${q(a.name)} and ${q(b.name)} are ${d} letter${d === 1 ? '' : 's'} apart`, weight });
    }
    // Every word of one name in the other: a body and its branch, often, or a short form of one name.
    const [shorter, longer] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
    const sig = shorter.filter((x) => !SMALL.has(x));
    if (sig.length && shorter.length < longer.length && sig.every((x) => longer.includes(x)) && sig.join('').length >= 4) {
      const [sn, ln] = wa.length <= wb.length ? [a.name, b.name] : [b.name, a.name];
      reasons.push({ code: 'NAME_CONTAINED', detail: `every word of ${q(sn)} is in ${q(ln)}`, weight: 0.45 });
    }
    const place = (s: string) => {
      const sig = words(s).filter((x) => !SMALL.has(x));
      const rest = sig.filter((x) => !PLACE_BODY.has(x));
      return rest.length && rest.length < sig.length ? rest.join(' ') : null;
    };
    const pa = place(a.name);
    if (pa && pa === place(b.name)) {
      reasons.push({ code: 'SAME_PLACE_NAME', detail: `${q(a.name)} and ${q(b.name)} both name the body of ${pa}`, weight: 0.5 });
    }
  }
  return reasons.sort((x, y) => y.weight - x.weight);
}
