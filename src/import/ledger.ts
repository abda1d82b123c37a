import type { FileRows } from './rowMapping';

/**
 * What one corpus file stated at its last import, kept beside the graph as an `(:ImportedFile)` node keyed by
 * the file's source: the ids of the facts it stated and its quotes for each (parallel lists). A re-import
 * compares the file with this record and removes exactly what the file no longer states (reconcile.ts):
 * evidence and facts given by other files or through the API are not the file's to remove.
 */
export interface LedgerRow {
  source: string;
  file: string;
  facts: string[];
  quoteFacts: string[];
  quotes: string[];
}

export function ledgerRow(file: string, rows: FileRows): LedgerRow {
  const source = rows.nodes[0]!.id;
  const facts: string[] = [];
  const quoteFacts: string[] = [];
  const quotes: string[] = [];
  for (const row of [...rows.nodes, ...rows.relationships]) {
    facts.push(row.id);
    row.quotes.forEach((q, i) => {
      // Only this file's quotes: a mapper may have folded in evidence the row carried from elsewhere.
      if (row.sources[i] !== source) return;
      quoteFacts.push(row.id);
      quotes.push(q);
    });
  }
  return { source, file, facts, quoteFacts, quotes };
}

/** Two files describing one source (rare) share its record: their statements together. */
export function foldLedger(into: LedgerRow, row: LedgerRow): void {
  const facts = new Set(into.facts);
  for (const f of row.facts) if (!facts.has(f)) into.facts.push(f);
  const pairs = new Set(into.quotes.map((q, i) => `${into.quoteFacts[i]}\u0000${q}`));
  row.quotes.forEach((q, i) => {
    const key = `${row.quoteFacts[i]}\u0000${q}`;
    if (pairs.has(key)) return;
    pairs.add(key);
    into.quoteFacts.push(row.quoteFacts[i]!);
    into.quotes.push(q);
  });
  if (!into.file.split(', ').includes(row.file)) into.file = `${into.file}, ${row.file}`;
}
