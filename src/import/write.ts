import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../db/cypher';
import type { NodeRow, RelationshipRow } from './rows';

export interface WriteCounters {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  labelsAdded: number;
  nodeRows: number;
  relationshipRows: number;
}

/**
 * Writes rows inside one transaction, in UNWIND batches. Rows for one id coming from several files are
 * folded into one row per batch, so a query never sees the same node twice (a hub named by every file of a
 * synthetic corpus is written once per batch, not once per file). Nodes are always flushed before
 * relationships, so most relationship ends already exist.
 */
export class GraphWriter {
  private nodes = new Map<string, NodeRow>();
  private relationships = new Map<string, RelationshipRow>();
  readonly counters: WriteCounters = {
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    labelsAdded: 0,
    nodeRows: 0,
    relationshipRows: 0,
  };

  constructor(
    private readonly tx: ManagedTransaction,
    private readonly batchSize: number,
  ) {}

  async addNode(row: NodeRow): Promise<void> {
    const seen = this.nodes.get(row.id);
    if (seen) fold(seen, row);
    else this.nodes.set(row.id, row);
    if (this.nodes.size >= this.batchSize) await this.flushNodes();
  }

  async addRelationship(row: RelationshipRow): Promise<void> {
    const seen = this.relationships.get(row.id);
    if (seen) fold(seen, row);
    else this.relationships.set(row.id, row);
    if (this.relationships.size >= this.batchSize) await this.flushRelationships();
  }

  async flush(): Promise<void> {
    await this.flushNodes();
    await this.flushRelationships();
  }

  private async flushNodes(): Promise<void> {
    if (!this.nodes.size) return;
    const rows = [...this.nodes.values()];
    this.nodes = new Map();
    await this.run('import-nodes', rows);
    this.counters.nodeRows += rows.length;
  }

  private async flushRelationships(): Promise<void> {
    await this.flushNodes();
    if (!this.relationships.size) return;
    const rows = [...this.relationships.values()];
    this.relationships = new Map();
    await this.run('import-relationships', rows);
    this.counters.relationshipRows += rows.length;
  }

  private async run(query: string, rows: unknown[]): Promise<void> {
    const result = await this.tx.run(cypher(query), { rows });
    const c = result.summary.counters.updates();
    this.counters.nodesCreated += c.nodesCreated;
    this.counters.relationshipsCreated += c.relationshipsCreated;
    this.counters.propertiesSet += c.propertiesSet;
    this.counters.labelsAdded += c.labelsAdded;
  }
}

/** Folds a later row for the same id into the pending one: properties agree (validated), lists and evidence join. */
function fold<T extends NodeRow | RelationshipRow>(into: T, row: T): void {
  Object.assign(into.props, row.props);
  for (const [field, values] of Object.entries(row.lists)) {
    into.lists[field] = [...new Set([...(into.lists[field] ?? []), ...values])];
  }
  const have = new Set(into.sources.map((s, i) => `${s} ${into.quotes[i]}`));
  row.sources.forEach((s, i) => {
    const q = row.quotes[i]!;
    if (have.has(`${s} ${q}`)) return;
    have.add(`${s} ${q}`);
    into.sources.push(s);
    into.quotes.push(q);
  });
}
