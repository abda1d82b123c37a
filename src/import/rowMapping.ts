import type { NodeRow, RelationshipRow } from './rows';

/** One corpus file's rows, as the writers take them. */
export interface FileRows {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

/**
 * The one place where incoming rows may be rewritten before anything is written, by both the transactional
 * and the bulk path (e.g. ids redirected by a duplicate merge, so a file's fact about a merged-away id lands on
 * the canonical node). The ledger (ledger.ts) records the rows as mapped: reconciling later removes a file's
 * statement from the node it was written to, whichever id the file used.
 */
export type RowMapper = (rows: FileRows) => FileRows;

export const unmapped: RowMapper = (rows) => rows;
