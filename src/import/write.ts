import { cypher, importRelationshipsQuery } from '../cypher';
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

/** The batch of relationships created, whatever their type (the others are batched by type). */
const CREATED = '(created)';

/** What the first pass over the corpus (firstPass.ts) and validation tell the writer. */
export interface WritePlan {
  /** Ids the corpus describes that the database held no node, retraction or merge for at validation. */
  newIds: ReadonlySet<string>;
  /** How many files state each relationship: one stated once is written as it comes. */
  relationshipCount: ReadonlyMap<string, number>;
  /** How many files describe each source: a document described once has its passages written once. */
  sourceCount: ReadonlyMap<string, number>;
  /** Ids of the facts retracted through the API (import-retracted.cypher): not created again, nor what joins one. */
  retracted: ReadonlySet<string>;
}

/** A node as import-nodes-new.cypher creates it: every property in one map (one SET, no conflicts between SETs). */
const createdNode = (row: NodeRow) => ({
  kind: row.kind,
  properties: { id: row.id, ...row.props, ...row.lists, evidenceSources: row.sources, evidenceQuotes: row.quotes },
});

/** A relationship as import-relationships-new.cypher creates it. */
const createdRelationship = (row: RelationshipRow) => ({
  type: row.type,
  from: row.from,
  to: row.to,
  properties: { id: row.id, key: row.key, ...row.props, ...row.lists, evidenceSources: row.sources, evidenceQuotes: row.quotes },
});

/**
 * Writes rows inside one transaction, in UNWIND batches: each node once, folded whole by the first pass
 * (call `addNode` for every node before any relationship, so every end exists), then each relationship — as it
 * comes when one file states it, folded until `flush()` when several do — and the documents' passages.
 *
 * What cannot be in the database yet is created rather than merged: nodes validation found nowhere in the
 * database (`newIds`), relationships with such an end, and the passages of such a Source. Only what existed
 * before the import (a re-import) is merged, its lists and evidence joined with what it holds
 * (import-nodes.cypher, import-relationships.cypher). Same graph either way; creating skips the look-ups, the
 * locks and the list comparisons.
 *
 * Statements are pipelined: a batch is sent and the next one built while the server writes it, one statement
 * ahead at most (the server runs a transaction's statements one after the other, in the order sent).
 */
export class GraphWriter {
  private nodes = { created: [] as NodeRow[], merged: [] as NodeRow[] };
  /** Pending relationships, created ones together and merged ones by type: each statement gets a full batch. */
  private relationships = new Map<string, RelationshipRow[]>();
  /** Relationships several files state, folded until the end. */
  private readonly shared = new Map<string, RelationshipRow>();
  private passages = { created: [] as PassageRow[], merged: [] as PassageRow[] };
  private inFlight: Array<Promise<void>> = [];
  /**
   * Nodes the relationship statements made for an end no row described: none when validation holds (every end
   * is described, or in the database), so the import's check for nodes without a kind need not scan them all.
   */
  endsCreated = 0;
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
    private readonly plan: WritePlan,
  ) {}

  /** A node, folded whole: each id once. */
  async addNode(row: NodeRow): Promise<void> {
    const batch = this.plan.newIds.has(row.id) ? this.nodes.created : this.nodes.merged;
    batch.push(row);
    if (batch.length >= this.batchSize) await this.flushNodes();
  }

  async addRelationship(row: RelationshipRow): Promise<void> {
    if ((this.plan.relationshipCount.get(row.id) ?? 2) > 1) {
      const seen = this.shared.get(row.id);
      if (seen) fold(seen, row);
      else this.shared.set(row.id, row);
      return;
    }
    await this.queueRelationship(row);
  }

  /** The sentences of a file's document, with the facts quoting each (src/corpus/passages.ts). */
  async addPassages(rows: PassageRow[]): Promise<void> {
    const source = rows[0]?.source;
    if (source === undefined) return;
    // A document two files describe (rare) is merged: the second file's facts join the first one's.
    const create = this.plan.newIds.has(source) && this.plan.sourceCount.get(source) === 1;
    const batch = create ? this.passages.created : this.passages.merged;
    batch.push(...rows);
    if (batch.length >= this.batchSize) await this.flushPassages();
  }

  /** Writes what is buffered and waits for every statement sent. */
  async flush(): Promise<void> {
    await this.flushNodes();
    for (const row of this.shared.values()) await this.queueRelationship(row);
    this.shared.clear();
    for (const key of [...this.relationships.keys()]) await this.flushRelationships(key);
    await this.flushPassages();
    while (this.inFlight.length) await this.inFlight.shift();
  }

  async flushNodes(): Promise<void> {
    const { created, merged } = this.nodes;
    this.nodes = { created: [], merged: [] };
    if (created.length) await this.run(cypher('import-nodes-new'), created.map(createdNode));
    if (merged.length) await this.run(cypher('import-nodes'), merged);
    this.counters.nodeRows += created.length + merged.length;
  }

  private async queueRelationship(row: RelationshipRow): Promise<void> {
    // Created: one statement for every type (import-relationships-new.cypher); merged: one per type.
    const create = this.plan.newIds.has(row.from) || this.plan.newIds.has(row.to);
    const { retracted } = this.plan;
    if (create && (retracted.has(row.id) || retracted.has(row.from) || retracted.has(row.to))) {
      this.counters.relationshipRows++;
      return;
    }
    const key = create ? CREATED : row.type;
    let batch = this.relationships.get(key);
    if (!batch) this.relationships.set(key, (batch = []));
    batch.push(row);
    if (batch.length >= this.batchSize) await this.flushRelationships(key);
  }

  private async flushRelationships(key: string): Promise<void> {
    const rows = this.relationships.get(key);
    if (!rows?.length) return;
    this.relationships.delete(key);
    if (key === CREATED) await this.run(cypher('import-relationships-new'), rows.map(createdRelationship));
    else await this.run(importRelationshipsQuery(rows[0]!.type), rows, 'ends');
    this.counters.relationshipRows += rows.length;
  }

  private async flushPassages(): Promise<void> {
    const { created, merged } = this.passages;
    this.passages = { created: [], merged: [] };
    // Passages are not counted as nodes created: they state no fact.
    if (created.length) await this.run(cypher('import-passages-new'), created, 'none');
    if (merged.length) await this.run(cypher('import-passages'), merged, 'none');
    this.counters.passageRows += created.length + merged.length;
  }

  /** Sends a statement; waits only for the one before it, so that the next batch is built while the server writes. */
  private async run(query: string, rows: unknown[], count: 'facts' | 'ends' | 'none' = 'facts'): Promise<void> {
    const done = this.tx.run(query, { rows }).then((result) => {
      if (count === 'none') return;
      const c = result.summary.counters.updates();
      if (count === 'ends') this.endsCreated += c.nodesCreated;
      this.counters.nodesCreated += c.nodesCreated;
      this.counters.relationshipsCreated += c.relationshipsCreated;
      this.counters.propertiesSet += c.propertiesSet;
      this.counters.labelsAdded += c.labelsAdded;
    });
    // Awaited below or in flush(); until then a failure must not count as unhandled.
    done.catch(() => undefined);
    this.inFlight.push(done);
    if (this.inFlight.length > 1) await this.inFlight.shift();
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
