import { cypher } from '../cypher';
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

/** The import's statements by kind (cypher/*.cypher, comments stripped as `cypher()` strips them). */
const NAMED: Record<string, string> = {
  'import-nodes-new': 'nodes (created)',
  'import-relationships-new': 'relationships (created)',
  'import-nodes': 'nodes',
  'import-passages-new': 'passages (created)',
  'import-passages': 'passages',
  'import-ledger': 'ledger',
  'import-ledger-read': 'ledger',
  'import-ledger-gone': 'ledger',
  'import-ledger-delete': 'reconcile',
  'import-unstate-nodes': 'reconcile',
  'import-unstate-relationships': 'reconcile',
  'import-remove-nodes': 'reconcile',
  'import-remove-props': 'reconcile',
  'import-passages-forget': 'reconcile',
  'import-check': 'check',
  'change-record': 'change log',
  'merge-redirects': 'look-ups',
  'import-retracted': 'look-ups',
};
let byText: Map<string, string> | undefined;

function kindOf(query: string): string {
  byText ??= new Map(Object.entries(NAMED).map(([name, kind]) => [cypher(name), kind]));
  const named = byText.get(query);
  if (named) return named;
  // One text per relationship type (src/import/write.ts writes the type in).
  if (/MERGE \(a\)-\[r:\w+ \{key: row\.key\}\]->\(b\)/.test(query)) return 'relationships';
  return query.trim().split('\n')[0]!.slice(0, 48);
}

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
