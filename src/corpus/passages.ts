import { relationshipId } from '../import/identity';
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
  return sentences(text).map((s) => ({
    id: passageId(doc.source.id, s.index),
    source: doc.source.id,
    index: s.index,
    text: s.text,
    facts: facts.filter((f) => f.occ.some((o) => supports(text, s, o))).map((f) => f.id),
  }));
}
