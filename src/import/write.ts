import { cypher, importRelationshipsQuery } from '../cypher';
import { RelationshipTypeName } from '../model/model';
import type { PassageRow } from '../corpus/passages';
import type { NodeRow, RelationshipRow } from './rows';
import type { ImportTransaction } from './transaction';

export interface WriteCounters {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  labelsAdded: number;
  nodeRows: number;
  relationshipRows: number;
  /** Sentences of the documents written as passages (not counted as nodes: they state no fact). */
  passageRows: number;
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
  private passages: PassageRow[] = [];
  readonly counters: WriteCounters = {
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    labelsAdded: 0,
    nodeRows: 0,
    relationshipRows: 0,
    passageRows: 0,
  };

  constructor(
    private readonly tx: ImportTransaction,
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

  /** The sentences of a file's document, with the facts quoting each (src/corpus/passages.ts). */
  async addPassages(rows: PassageRow[]): Promise<void> {
    this.passages.push(...rows);
    if (this.passages.length >= this.batchSize) await this.flushPassages();
  }

  async flush(): Promise<void> {
    await this.flushNodes();
    await this.flushRelationships();
    await this.flushPassages();
  }

  private async flushPassages(): Promise<void> {
    if (!this.passages.length) return;
    const rows = this.passages;
    this.passages = [];
    await this.tx.run(cypher('import-passages'), { rows });
    this.counters.passageRows += rows.length;
  }

  private async flushNodes(): Promise<void> {
    if (!this.nodes.size) return;
    const rows = [...this.nodes.values()];
    this.nodes = new Map();
    await this.run(cypher('import-nodes'), rows);
    this.counters.nodeRows += rows.length;
  }

  private async flushRelationships(): Promise<void> {
    await this.flushNodes();
    if (!this.relationships.size) return;
    const byType = new Map<RelationshipTypeName, RelationshipRow[]>();
    for (const row of this.relationships.values()) {
      const rows = byType.get(row.type);
      if (rows) rows.push(row);
      else byType.set(row.type, [row]);
    }
    this.counters.relationshipRows += this.relationships.size;
    this.relationships = new Map();
    for (const [type, rows] of byType) await this.run(importRelationshipsQuery(type), rows);
  }

  private async run(query: string, rows: unknown[]): Promise<void> {
    const result = await this.tx.run(query, { rows });
    const c = result.summary.counters.updates();
    this.counters.nodesCreated += c.nodesCreated;
    this.counters.relationshipsCreated += c.relationshipsCreated;
    this.counters.propertiesSet += c.propertiesSet;
    this.counters.labelsAdded += c.labelsAdded;
  }
}

/** Folds a later row for the same id into the pending one: properties agree (validated), lists and evidence join. */
export function fold<T extends NodeRow | RelationshipRow>(into: T, row: T): void {
  Object.assign(into.props, row.props);
  // What `into` already holds is kept beside it, not rebuilt at each fold: a hub stated by thousands of files
  // (a million-relationship corpus) would make folding quadratic.
  let seen = folded.get(into);
  if (!seen) folded.set(into, (seen = { lists: new Map(), pairs: new Set(into.sources.map((s, i) => `${s} ${into.quotes[i]}`)) }));
  for (const [field, values] of Object.entries(row.lists)) {
    const list = (into.lists[field] ??= []);
    let have = seen.lists.get(field);
    if (!have) seen.lists.set(field, (have = new Set(list)));
    for (const v of values) {
      if (have.has(v)) continue;
      have.add(v);
      list.push(v);
    }
  }
  row.sources.forEach((s, i) => {
    const q = row.quotes[i]!;
    const pair = `${s} ${q}`;
    if (seen.pairs.has(pair)) return;
    seen.pairs.add(pair);
    into.sources.push(s);
    into.quotes.push(q);
  });
}

const folded = new WeakMap<object, { lists: Map<string, Set<string>>; pairs: Set<string> }>();
