import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cypher } from '../cypher';
import type { Database } from '../db/database';
import { CorpusIndex } from './corpusIndex';
import { listCorpusFiles } from './files';
import { ImportError, ImportProblem, ProblemList } from './problems';
import { Progress, thousands } from './progress';
import { corpusDocuments } from './read';
import { passageRows } from '../corpus/passages';
import { fileRows } from './rows';
import { loadRedirects, redirectDocument } from '../merges/redirects';
import { SourceDocuments } from './sources';
import { recordChanges } from '../writes/changeLog';
import { contentHash } from '../writes/sources';
import { checkRequiredFields, resolvePendingReferences, ValidationContext, validateFile } from './validate';
import { inOneTransaction, type ImportTransaction } from './transaction';
import { GraphWriter, WriteCounters } from './write';
import { spoolLines } from './bulkCsv';
import { CorpusFirstPass } from './firstPass';
import { unmapped, type RowMapper } from './rowMapping';
import { ledgerRow } from './ledger';
import { Reconciler, type ReconcileSummary } from './reconcile';
import { StatementTimes, type StatementTime } from './statementTimes';

/**
 * The importer: validates every file first (streaming, keeping only the index of ids), and only when the
 * whole corpus is valid writes it in one transaction. Memory stays bounded by the number of entities, not the
 * size of the corpus: each validated file is parsed once and spooled as one JSON line to a temporary file,
 * which the write pass streams back (JSON parses some 20 times faster than YAML, and what is written is
 * exactly what was validated, even if a file changes meanwhile).
 */

export interface ImportOptions {
  /** Folder of the source documents the quotes are checked against. */
  sourcesDir: string;
  /** Rows per UNWIND query. */
  batchSize?: number;
  /** Receives a progress line every `progressEveryMs` on long imports. */
  onProgress?: (line: string) => void;
  progressEveryMs?: number;
  /** Why, for the change log. */
  reason?: string;
  /** Rewrites each file's rows before they are written (see rowMapping.ts); both paths apply it. */
  mapRows?: RowMapper;
  /** Receives how far each phase is (validate: files; write: relationships), for a progress bar. */
  onStep?: (step: ImportStep) => void;
  /** Run the import and roll it back, to report what it would change (`--plan`). */
  plan?: boolean;
  /** Aborting (Ctrl-C) rolls the import back: the database stays as it was. */
  signal?: AbortSignal;
  /** Timeout of the one write transaction (the server's default, 60 s, is too short for large corpora). */
  transactionTimeoutMs?: number;
  /** Wraps the write transaction (a benchmark's PROFILE of chosen statements). */
  wrapTransaction?: (tx: ImportTransaction) => ImportTransaction;
}

export interface ImportStep {
  phase: 'validate' | 'write' | 'csv';
  done: number;
  total: number;
  unit: 'files' | 'relationships';
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
  /** What re-imported files no longer state and was taken back (reconcile.ts). */
  reconciled: ReconcileSummary;
  /** A plan: the import was run and rolled back, nothing was written. */
  planned: boolean;
  validateMs: number;
  writeMs: number;
  /** Part of writeMs spent committing (the server applies the whole transaction and updates its indexes). */
  commitMs: number;
  totalMs: number;
  /** Relationship rows written per second of the write transaction (commit included). */
  relationshipsPerSecond: number;
  /** The write transaction's statements by kind: where writeMs went, the commit aside (statementTimes.ts). */
  statements: Record<string, StatementTime>;
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

/** What validation hands on besides its summary (each optional). */
export interface ValidationOutputs {
  /** File descriptor that receives each valid file as one JSON line, for the write pass. */
  spool?: number;
  /** Receives the ids the corpus describes that the database holds nothing for (the writer creates them). */
  newIds?: Set<string>;
  /** Called with each valid document as it is parsed (the bulk CSV writer's first pass). */
  onValid?: (doc: unknown) => void;
}

/** validateCorpus writing each valid file as one JSON line to `spoolFile`, which both write paths then stream. */
export async function validateToSpool(
  db: Database | undefined,
  files: readonly string[],
  options: ImportOptions,
  spoolFile: string,
  outputs: Omit<ValidationOutputs, 'spool'> = {},
): Promise<ValidationSummary> {
  const fd = fs.openSync(spoolFile, 'w');
  try {
    return await validateCorpus(db, files, options, { ...outputs, spool: fd });
  } finally {
    fs.closeSync(fd);
  }
}

/** Validates the corpus against the model and the database; throws ImportError listing every problem. */
export async function validateCorpus(
  db: Database | undefined,
  files: readonly string[],
  options: ImportOptions,
  { spool, newIds, onValid }: ValidationOutputs = {},
): Promise<ValidationSummary> {
  const started = Date.now();
  const ctx: ValidationContext = { index: new CorpusIndex(), sources: new SourceDocuments(options.sourcesDir), problems: new ProblemList() };
  const progress = new Progress(options.onProgress, options.progressEveryMs);
  let documents = 0;
  for (const [i, file] of files.entries()) {
    for await (const { name, parsed } of corpusDocuments(file)) {
      documents++;
      options.onStep?.({ phase: 'validate', done: i + 1, total: files.length, unit: 'files' });
      if (!parsed.ok) ctx.problems.add(name, undefined, undefined, parsed.message);
      else {
        const before = ctx.problems.count;
        validateFile(name, parsed.doc, ctx);
        if (ctx.problems.count === before) {
          if (spool !== undefined) fs.writeSync(spool, JSON.stringify({ file: name, doc: parsed.doc }) + '\n');
          // Once a problem is found nothing will be written: later documents are only checked.
          if (!ctx.problems.count) onValid?.(parsed.doc);
        }
      }
      progress.tick(
        () =>
          `import: validated ${thousands(i + 1)}/${thousands(files.length)} files, ${thousands(ctx.index.entities.size)} entities, ` +
          `${thousands(ctx.index.relationshipStatements)} relationships`,
      );
    }
  }
  const lookup = db ? (ids: string[]) => lookupKinds(db, ids) : async () => new Map<string, string>();
  await resolvePendingReferences(ctx, lookup);
  const existing = await lookup([...ctx.index.entities.keys()]);
  // One id, one kind: the corpus may not turn an Organisation already in the database into a Person.
  for (const [id, kind] of existing) {
    const entry = ctx.index.entities.get(id)!;
    if (entry.kind !== kind) {
      ctx.problems.add(ctx.index.files[entry.file]!, id, 'kind', `${entry.kind} here, but the database holds ${id} as ${kind}`);
    }
  }
  checkRequiredFields(ctx, new Set(existing.keys()));
  if (ctx.problems.count) throw new ImportError(sortProblems(ctx.problems.all()));
  if (newIds) for (const id of ctx.index.entities.keys()) if (!existing.has(id)) newIds.add(id);
  return {
    files: documents,
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
  const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accords-import-'));
  const spoolFile = path.join(spoolDir, 'validated.jsonl');
  try {
    const newIds = new Set<string>();
    const summary = await validateToSpool(db, files, options, spoolFile, { newIds });
    // A folder imported whole is the corpus: files imported from it before and gone now are reconciled too.
    const folders = paths.filter((p) => fs.statSync(p).isDirectory()).map((p) => path.resolve(p));
    return await writeCorpus(db, spoolFile, summary, newIds, options, started, folders);
  } finally {
    fs.rmSync(spoolDir, { recursive: true, force: true });
  }
}

async function writeCorpus(
  db: Database,
  spoolFile: string,
  summary: ValidationSummary,
  newIds: Set<string>,
  options: ImportOptions,
  started: number,
  folders: string[],
): Promise<ImportReport> {
  const writeStarted = Date.now();
  const batchSize = options.batchSize ?? 5000;
  let statementsDone = writeStarted;
  const mapRows = options.mapRows ?? unmapped;
  const times = new StatementTimes();
  const work = async (transaction: ImportTransaction) => {
    const tx = times.wrap(options.wrapTransaction?.(transaction) ?? transaction);
    // Ids merged through the API (judge SAME) stand for their canonical node in files too (src/merges/).
    const redirects = await loadRedirects(tx);
    const rowsOf = (doc: unknown) => mapRows(fileRows(redirectDocument(doc, redirects)));
    const reconciler = new Reconciler(tx);
    const documents = new SourceDocuments(options.sourcesDir);
    const progress = new Progress(options.onProgress, options.progressEveryMs);
    // Pass 1: every node folded whole, and how many files state each relationship (firstPass.ts); each file
    // compared with the record of its previous import, and its new record written (reconcile.ts).
    const first = new CorpusFirstPass();
    let folded = 0;
    for await (const { doc, file } of spoolLines(spoolFile)) {
      const rows = rowsOf(doc);
      first.add(rows);
      await reconciler.addFile(ledgerRow(file, rows));
      folded++;
      progress.tick(() => `import: folding the nodes of ${thousands(folded)}/${thousands(summary.files)} files`);
    }
    const retracted = new Set((await tx.run(cypher('import-retracted'))).records.map((r) => r.get('id') as string));
    const writer = new GraphWriter(tx, batchSize, { newIds, relationshipCount: first.relationshipCount, sourceCount: first.sourceCount, retracted });
    for (const [id, row] of first.nodes) {
      first.nodes.delete(id);
      // The document's text is stored with its Source (validation has read it): the API checks quotes
      // against it, serves it (Source.text) and recognises the same text added again (contentHash).
      const bytes = row.kind === 'Source' ? documents.load(String(row.props.file)) : null;
      if (bytes) Object.assign(row.props, { documentText: bytes.toString('utf8'), contentHash: contentHash(bytes) });
      await writer.addNode(row);
    }
    await writer.flushNodes();
    // Pass 2: relationships and passages, file by file.
    let relationships = 0;
    let files = 0;
    for await (const { doc: stated } of spoolLines(spoolFile)) {
      const doc = redirectDocument(stated, redirects);
      const rows = mapRows(fileRows(doc));
      for (const row of rows.relationships) await writer.addRelationship(row);
      const bytes = documents.load(String(rows.nodes[0]!.props.file));
      if (bytes) await writer.addPassages(passageRows(doc as Parameters<typeof passageRows>[0], bytes.toString('utf8')));
      relationships += rows.relationships.length;
      files++;
      options.onStep?.({ phase: 'write', done: relationships, total: summary.relationshipStatements, unit: 'relationships' });
      progress.tick(() => {
        const s = (Date.now() - writeStarted) / 1000;
        return (
          `import: wrote ${thousands(files)}/${thousands(summary.files)} files, ${thousands(relationships)}/` +
          `${thousands(summary.relationshipStatements)} relationships (${thousands(relationships / s)}/s)`
        );
      });
    }
    await writer.flush();
    const reconciled = await reconciler.finish(folders);
    if (options.onProgress && relationships > batchSize) options.onProgress('import: checking and committing');
    // Only a relationship's statement can make a node without a kind (an end no row described): look for them
    // only when one did.
    if (writer.endsCreated > 0) {
      const [check] = (await tx.run(cypher('import-check'))).records;
      const unlabelled = check?.get('unlabelled');
      if (Number(unlabelled) > 0) {
        throw new Error(`import aborted: ${unlabelled} referenced nodes were never described (${check?.get('examples').join(', ')})`);
      }
    }
    // The import is a change like any other, logged in its own transaction: who, when, what.
    await recordChanges(tx, [
      {
        actor: 'import',
        actorName: os.userInfo().username,
        action: 'import',
        factId: null,
        before: null,
        after: {
          files: summary.files,
          entities: summary.entities,
          relationships: relationships,
          quotes: summary.quotes,
          ...writer.counters,
          quotesRemoved: reconciled.quotesRemoved,
          statementsRemoved: reconciled.statementsRemoved,
          nodesRemoved: reconciled.nodesRemoved,
          relationshipsRemoved: reconciled.relationshipsRemoved,
          filesRemoved: reconciled.filesRemoved,
          propertiesRemoved: reconciled.propertiesRemoved,
        },
        reason: options.reason ?? null,
      },
    ]);
    statementsDone = Date.now();
    return { written: writer.counters, reconciled };
  };
  // One explicit transaction, never retried: see transaction.ts (a refusal for memory names NEO4J_HEAP). A plan
  // is the same import rolled back: its counts are exactly what the import would do.
  const { written, reconciled } = await inOneTransaction(db, work, options.transactionTimeoutMs ?? 3_600_000, {
    rollback: options.plan === true,
    signal: options.signal,
  });
  const writeMs = Date.now() - writeStarted;
  return {
    commitMs: Date.now() - statementsDone,
    ...summary,
    written,
    reconciled,
    planned: options.plan === true,
    validateMs: summary.ms,
    writeMs,
    totalMs: Date.now() - started,
    relationshipsPerSecond: written.relationshipRows / Math.max(writeMs / 1000, 0.001),
    statements: times.toJSON(),
  };
}
