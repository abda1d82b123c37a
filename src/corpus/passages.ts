import { relationshipId } from '../model/identity';
import { occurrences, sentences, supports } from './sentences';

/**
 * The passages of a source document as the graph stores them: one per sentence, with the ids of the facts
 * (nodes and relationships) whose evidence quotes it. Built at import from the validated file and its
 * document, so `passages(text)` finds a sentence by its words and answers with what it supports in one query.
 */
export interface PassageRow {
  id: string;
  source: string;
  index: number;
  text: string;
  facts: string[];
}

interface Fact {
  id: string;
  evidence?: string[];
}

interface Doc {
  source: { id: string; evidence?: string[] };
  nodes?: Array<Fact & { kind?: string }>;
  relationships?: Array<{ type: string; from: string; to: string; key?: string; evidence?: string[] }>;
}

/** A passage's id: the source's id and the sentence's place in it. */
export const passageId = (source: string, index: number) => `${source}#${index}`;

export function passageRows(doc: Doc, text: string): PassageRow[] {
  const facts: Array<{ id: string; occ: Array<[number, number]>[] }> = [
    { id: doc.source.id, evidence: doc.source.evidence },
    ...(doc.nodes ?? []),
    ...(doc.relationships ?? []).map((r) => ({ id: relationshipId(r.from, r.type, r.to, r.key ?? ''), evidence: r.evidence })),
  ].map((f) => ({ id: f.id, occ: [...new Set(f.evidence ?? [])].map((q) => occurrences(text, q)) }));
  // Only the sentences an occurrence overlaps can be supported by it (supports() is false for the others): a
  // binary search per occurrence instead of every sentence against every fact (the import of a large corpus
  // spent most of its CSV time there).
  const list = sentences(text);
  const factsOf: number[][] = list.map(() => []);
  facts.forEach((f, fi) => {
    const candidates = new Set<number>();
    for (const occ of f.occ) {
      for (const [a, b] of occ) {
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid]!.end <= a) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < list.length && list[k]!.start < b; k++) candidates.add(k);
      }
    }
    for (const k of [...candidates].sort((x, y) => x - y)) if (f.occ.some((o) => supports(text, list[k]!, o))) factsOf[k]!.push(fi);
  });
  return list.map((s, k) => ({
    id: passageId(doc.source.id, s.index),
    source: doc.source.id,
    index: s.index,
    text: s.text,
    facts: factsOf[k]!.map((fi) => facts[fi]!.id),
  }));
}
