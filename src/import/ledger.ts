import path from 'node:path';
import type { FileRows } from './rowMapping';

/**
 * What one corpus file stated at its last import, kept beside the graph as an `(:ImportedFile)` node keyed by
 * the file's source: the ids of the facts it stated and its quotes for each (parallel lists). A re-import
 * compares the file with this record and removes exactly what the file no longer states (reconcile.ts):
 * evidence and facts given by other files or through the API are not the file's to remove. The file's folder
 * lets an import of that folder notice a file deleted from it, and the names of the properties it gave each
 * fact let a re-import remove a property the file no longer gives.
 */
export interface LedgerRow {
  source: string;
  file: string;
  /** The absolute folder the file was imported from. */
  folder: string;
  facts: string[];
  /** Parallel to facts: the names of the properties this file gave the fact, comma-separated ('-': none). */
  props: string[];
  quoteFacts: string[];
  quotes: string[];
}

// Never an empty string: neo4j-admin would not keep an empty item of a list (bulkCsv.ts writes the same rows).
const NO_PROPS = '-';
const joinProps = (names: Iterable<string>) => [...new Set(names)].sort().join(',') || NO_PROPS;
/** The property names a ledger entry holds (records written before there were any: none). */
export const propsOf = (entry: string | undefined): string[] => (!entry || entry === NO_PROPS ? [] : entry.split(','));

export function ledgerRow(file: string, rows: FileRows): LedgerRow {
  const source = rows.nodes[0]!.id;
  const facts: string[] = [];
  const props: string[] = [];
  const quoteFacts: string[] = [];
  const quotes: string[] = [];
  for (const row of [...rows.nodes, ...rows.relationships]) {
    facts.push(row.id);
    props.push(joinProps(Object.keys(row.props)));
    row.quotes.forEach((q, i) => {
      // Only this file's quotes: a mapper may have folded in evidence the row carried from elsewhere.
      if (row.sources[i] !== source) return;
      quoteFacts.push(row.id);
      quotes.push(q);
    });
  }
  return { source, file: path.basename(file), folder: path.resolve(path.dirname(file)), facts, props, quoteFacts, quotes };
}

/** Two files describing one source (rare) share its record: their statements together. */
export function foldLedger(into: LedgerRow, row: LedgerRow): void {
  into.props ??= into.facts.map(() => NO_PROPS);
  const at = new Map(into.facts.map((f, i) => [f, i]));
  row.facts.forEach((f, i) => {
    const given = row.props?.[i] ?? NO_PROPS;
    const j = at.get(f);
    if (j === undefined) {
      at.set(f, into.facts.length);
      into.facts.push(f);
      into.props.push(given);
    } else into.props[j] = joinProps([...propsOf(into.props[j]), ...propsOf(given)]);
  });
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
