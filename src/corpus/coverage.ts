import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { coveredShare, occurrences, QUOTED_SHARE, Sentence, sentences } from './sentences';

/**
 * How much of each source document the curated corpus quotes: every sentence is either quoted by at least one
 * fact (its evidence quotes cover at least half of it) or listed in the data file under `notFacts` with a
 * one-line reason. `npm run coverage` prints it; tests/corpus-coverage.test.ts keeps it whole.
 */

export interface NotFact {
  text: string;
  reason: string;
}

export interface SentenceCoverage {
  sentence: Sentence;
  /** Set when the data file lists the sentence as not a fact. */
  notFact: NotFact | null;
}

export interface SourceCoverage {
  dataFile: string;
  sourceFile: string;
  sentences: number;
  /** Sentences quoted by at least one fact. */
  quoted: number;
  /** Sentences no fact quotes, each with the `notFacts` entry that accounts for it, if any. */
  uncited: SentenceCoverage[];
  /** `notFacts` entries that account for no uncited sentence (stale: the sentence is quoted now, or was changed). */
  unused: NotFact[];
}

interface DataFile {
  source: { file: string; evidence?: string[] };
  nodes?: Array<{ evidence?: string[] }>;
  relationships?: Array<{ evidence?: string[] }>;
  notFacts?: NotFact[];
}

/** Every evidence quote of a data file, each once. */
export function quotesOf(doc: DataFile): string[] {
  return [...new Set([doc.source.evidence ?? [], ...(doc.nodes ?? []).map((n) => n.evidence ?? []), ...(doc.relationships ?? []).map((r) => r.evidence ?? [])].flat())];
}

export function coverageOf(dataFile: string, doc: DataFile, text: string): SourceCoverage {
  const quotes = quotesOf(doc).map((q) => occurrences(text, q));
  const notFacts = (doc.notFacts ?? []).map((nf) => ({ nf, occ: [occurrences(text, nf.text)] }));
  const used = new Set<NotFact>();
  const uncited: SentenceCoverage[] = [];
  const all = sentences(text);
  for (const s of all) {
    if (coveredShare(text, s, quotes) >= QUOTED_SHARE) continue;
    const listed = notFacts.find(({ occ }) => coveredShare(text, s, occ) >= QUOTED_SHARE)?.nf ?? null;
    if (listed) used.add(listed);
    uncited.push({ sentence: s, notFact: listed });
  }
  return {
    dataFile,
    sourceFile: doc.source.file,
    sentences: all.length,
    quoted: all.length - uncited.length,
    uncited,
    unused: (doc.notFacts ?? []).filter((nf) => !used.has(nf)),
  };
}

/** The coverage of every `*.yaml` of a data folder against the documents of a sources folder. */
export function corpusCoverage(dataDir: string, sourcesDir: string): SourceCoverage[] {
  return fs
    .readdirSync(dataDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const doc = YAML.parse(fs.readFileSync(path.join(dataDir, f), 'utf8')) as DataFile;
      const text = fs.readFileSync(path.join(sourcesDir, doc.source.file), 'utf8');
      return coverageOf(f, doc, text);
    });
}
