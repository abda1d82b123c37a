import type { ImportTransaction } from './transaction';

/**
 * Where an import's write transaction spends its time, by kind of statement (nodes, relationships, passages,
 * ledger, reconcile, change log…): how many statements and rows, the client's wall clock from sending each
 * statement to its last record, and the server's own time (`resultAvailableAfter + resultConsumedAfter`). The
 * two differ by the network, the driver and, when statements are pipelined, the wait behind the one before.
 * The commit is timed by the caller (ImportReport.commitMs).
 */
export interface StatementTime {
  count: number;
  rows: number;
  ms: number;
  serverMs: number;
}

/** A statement's kind: its first comment line names it (cypher/import-*.cypher all start with one). */
function kindOf(query: string): string {
  const start = query.trimStart();
  const first = (start.startsWith('//') ? start.slice(2, start.indexOf('\n')) : start.slice(0, start.indexOf('\n') + 1 || undefined)).trim();
  return KINDS.find(([pattern]) => pattern.test(first))?.[1] ?? first.slice(0, 48);
}

const KINDS: Array<[RegExp, string]> = [
  [/^Upserts a batch of nodes/, 'nodes'],
  [/^Creates a batch of nodes/, 'nodes (created)'],
  [/^Upserts a batch of relationships/, 'relationships'],
  [/^Creates a batch of relationships/, 'relationships (created)'],
  [/^Upserts a batch of passages/, 'passages'],
  [/^Creates a batch of passages/, 'passages (created)'],
  [/^Records what each imported file stated/, 'ledger write'],
  [/^The records of the previous import/, 'ledger read'],
  [/^The records of files imported before/, 'ledger read'],
  [/^Takes back|^As import-unstate|^Deletes nodes no file|^Removes the properties|^Forgets the records|^Takes the facts/, 'reconcile'],
  [/^After an import/, 'check'],
  [/change|Change/, 'change log'],
  [/merged|Merged|redirect/, 'redirects'],
];

export class StatementTimes {
  readonly byKind = new Map<string, StatementTime>();

  /** `tx` with each statement timed. */
  wrap(tx: ImportTransaction): ImportTransaction {
    const run = ((query: string, parameters?: Record<string, unknown>) => {
      const started = performance.now();
      const result = tx.run(query, parameters);
      const rows = Array.isArray(parameters?.rows) ? parameters.rows.length : Array.isArray(parameters?.ids) ? parameters.ids.length : 0;
      const kind = kindOf(query);
      // The result's own promise (cached: the caller's `await` gets the same records); summary() would cancel the stream.
      result.then(
        ({ summary }) => {
          const t = this.byKind.get(kind) ?? { count: 0, rows: 0, ms: 0, serverMs: 0 };
          t.count++;
          t.rows += rows;
          t.ms += performance.now() - started;
          t.serverMs += summary.resultAvailableAfter.toNumber() + summary.resultConsumedAfter.toNumber();
          this.byKind.set(kind, t);
        },
        () => undefined,
      );
      return result;
    }) as ImportTransaction['run'];
    return { run };
  }

  /** Rounded to the millisecond, slowest first. */
  toJSON(): Record<string, StatementTime> {
    return Object.fromEntries(
      [...this.byKind]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([k, t]) => [k, { count: t.count, rows: t.rows, ms: Math.round(t.ms), serverMs: Math.round(t.serverMs) }]),
    );
  }
}
