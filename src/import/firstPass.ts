import type { FileRows } from './rowMapping';
import type { NodeRow } from './rows';
import { fold } from './write';

/**
 * The first of the two passes both write paths make over the validated corpus: every node folded into one row
 * (the rows one id gets from many files, in file order: properties agree, names and evidence join), and how
 * many files state each relationship and describe each source. Then the second pass writes each node once,
 * whole, and each relationship stated by one file as it comes; only those stated by several files wait, folded,
 * for the end. A hub named by every file is written once, not once per batch with its evidence compared to
 * what the batches before it wrote.
 */
export class CorpusFirstPass {
  readonly nodes = new Map<string, NodeRow>();
  readonly relationshipCount = new Map<string, number>();
  readonly sourceCount = new Map<string, number>();

  add(rows: FileRows): void {
    for (const row of rows.nodes) {
      const seen = this.nodes.get(row.id);
      if (seen) fold(seen, row);
      else this.nodes.set(row.id, row);
    }
    for (const row of rows.relationships) bump(this.relationshipCount, row.id);
    bump(this.sourceCount, rows.nodes[0]!.id);
  }
}

function bump(counts: Map<string, number>, id: string): void {
  counts.set(id, (counts.get(id) ?? 0) + 1);
}
