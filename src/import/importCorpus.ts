import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { CorpusIndex } from './corpusIndex';
import { listCorpusFiles } from './files';
import { ImportError, ImportProblem, ProblemList } from './problems';
import { Progress, thousands } from './progress';
import { readCorpusFile } from './read';
import { fileRows } from './rows';
import { SourceDocuments } from './sources';
import { resolvePendingReferences, ValidationContext, validateFile } from './validate';
import { GraphWriter, WriteCounters } from './write';

/**
 * The importer: validates every file first (streaming, keeping only the index of ids), and only when the
 * whole corpus is valid writes it in one transaction, reading the files a second time. Memory stays bounded
 * by the number of entities, not the size of the corpus.
 */

export interface ImportOptions {
  /** Folder of the source documents the quotes are checked against. */
  sourcesDir: string;
  /** Rows per UNWIND query. */
  batchSize?: number;
  /** Receives a progress line every `progressEveryMs` on long imports. */
  onProgress?: (line: string) => void;
  progressEveryMs?: number;
  /** Timeout of the one write transaction (the server's default, 60 s, is too short for large corpora). */
  transactionTimeoutMs?: number;
}

export interface ValidationSummary {
  files: number;
  entities: number;
  nodeStatements: number;
  relationshipStatements: number;
  quotes: number;
  ms: number;
}

export interface ImportReport extends ValidationSummary {
  written: WriteCounters;
  validateMs: number;
  writeMs: number;
  totalMs: number;
  /** Relationship rows written per second of the write transaction (commit included). */
  relationshipsPerSecond: number;
}

const LOOKUP_BATCH = 10_000;

async function lookupKinds(db: Database, ids: string[]): Promise<Map<string, string>> {
  const kinds = new Map<string, string>();
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    const rows = await db.read<{ id: string; kind: string | null }>(cypher('import-kinds'), { ids: ids.slice(i, i + LOOKUP_BATCH) });
    for (const r of rows) kinds.set(r.id, r.kind ?? '(none)');
  }
  return kinds;
}

/** Validates the corpus against the model and the database; throws ImportError listing every problem. */
export async function validateCorpus(
  db: Database | undefined,
  files: readonly string[],
  options: ImportOptions,
): Promise<ValidationSummary> {
  const started = Date.now();
  const ctx: ValidationContext = { index: new CorpusIndex(), sources: new SourceDocuments(options.sourcesDir), problems: new ProblemList() };
  const progress = new Progress(options.onProgress, options.progressEveryMs);
  files.forEach((file, i) => {
    const parsed = readCorpusFile(file);
    if (!parsed.ok) ctx.problems.add(file, undefined, undefined, parsed.message);
    else validateFile(file, parsed.doc, ctx);
    progress.tick(
      () =>
        `import: validated ${thousands(i + 1)}/${thousands(files.length)} files, ${thousands(ctx.index.entities.size)} entities, ` +
        `${thousands(ctx.index.relationshipStatements)} relationships`,
    );
  });
  const lookup = db ? (ids: string[]) => lookupKinds(db, ids) : async () => new Map<string, string>();
  await resolvePendingReferences(ctx, lookup);
  if (db) {
    // One id, one kind: the corpus may not turn an Organisation already in the database into a Person.
    const existing = await lookup([...ctx.index.entities.keys()]);
    for (const [id, kind] of existing) {
      const entry = ctx.index.entities.get(id)!;
      if (entry.kind !== kind) {
        ctx.problems.add(ctx.index.files[entry.file]!, id, 'kind', `${entry.kind} here, but the database holds ${id} as ${kind}`);
      }
    }
  }
  if (ctx.problems.count) throw new ImportError(sortProblems(ctx.problems.all()));
  return {
    files: files.length,
    entities: ctx.index.entities.size,
    nodeStatements: ctx.index.nodeStatements,
    relationshipStatements: ctx.index.relationshipStatements,
    quotes: ctx.index.quotes,
    ms: Date.now() - started,
  };
}

/** Problems in file order, as found within a file (pending references come last otherwise). */
function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const order = new Map<string, number>();
  problems.forEach((p) => order.has(p.file) || order.set(p.file, order.size));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order.get(a.p.file)! - order.get(b.p.file)! || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * Imports the corpus files (or directories of *.yaml) named by `paths`: all or nothing. Throws ImportError
 * (nothing written) when any file is invalid.
 */
export async function importCorpus(db: Database, paths: readonly string[], options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const files = listCorpusFiles(paths);
  const summary = await validateCorpus(db, files, options);
  const writeStarted = Date.now();
  const batchSize = options.batchSize ?? 5000;
  const written = await db.writeTransaction(async (tx) => {
    // Runs again from the start if the driver retries the transaction: every write is a MERGE.
    const writer = new GraphWriter(tx, batchSize);
    const progress = new Progress(options.onProgress, options.progressEveryMs);
    let relationships = 0;
    for (const [i, file] of files.entries()) {
      const parsed = readCorpusFile(file);
      if (!parsed.ok) throw new Error(`${file} changed during the import: ${parsed.message}`);
      const rows = fileRows(parsed.doc);
      for (const row of rows.nodes) await writer.addNode(row);
      for (const row of rows.relationships) await writer.addRelationship(row);
      relationships += rows.relationships.length;
      progress.tick(() => {
        const s = (Date.now() - writeStarted) / 1000;
        return (
          `import: wrote ${thousands(i + 1)}/${thousands(files.length)} files, ${thousands(relationships)}/` +
          `${thousands(summary.relationshipStatements)} relationships (${thousands(relationships / s)}/s)`
        );
      });
    }
    await writer.flush();
    options.onProgress && relationships > batchSize && options.onProgress('import: committing');
    const [check] = (await tx.run(cypher('import-check'))).records;
    const unlabelled = check?.get('unlabelled');
    if (Number(unlabelled) > 0) {
      throw new Error(`import aborted: ${unlabelled} referenced nodes were never described (${check?.get('examples').join(', ')})`);
    }
    return writer.counters;
  }, options.transactionTimeoutMs ?? 3_600_000);
  const writeMs = Date.now() - writeStarted;
  return {
    ...summary,
    written,
    validateMs: summary.ms,
    writeMs,
    totalMs: Date.now() - started,
    relationshipsPerSecond: written.relationshipRows / Math.max(writeMs / 1000, 0.001),
  };
}
