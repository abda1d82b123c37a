import { cypher } from '../cypher';
import { relationshipIdParts } from '../model/identity';
import { foldLedger, propsOf, type LedgerRow } from './ledger';
import type { ImportTransaction } from './transaction';

/**
 * Re-imports reconcile: each file is compared with the record of its previous import (ledger.ts), and what it
 * stated then but no longer does is taken back — its (source, quote) evidence pairs, and the fact itself when
 * no evidence is left and the API never made or corrected it (a `version`). Facts other files state, evidence
 * the API added, and facts moved by a merge (their evidence travels with them) are not the file's to remove.
 * Removals run after every row of the import is written, so a fact one file drops and another states stays.
 */

export interface ReconcileSummary {
  filesNew: number;
  filesAgain: number;
  /** Files imported before from a folder imported now, and no longer in it: all their statements go. */
  filesRemoved: number;
  /** Properties a re-imported file no longer gives, removed from their facts. */
  propertiesRemoved: number;
  quotesAdded: number;
  quotesRemoved: number;
  /** Facts a re-imported file stated before and no longer does. */
  statementsRemoved: number;
  nodesRemoved: number;
  relationshipsRemoved: number;
  /** The first items of each, for the plan and the summary. */
  examples: { quotesRemoved: string[]; statementsRemoved: string[]; removed: string[]; filesRemoved: string[]; propertiesRemoved: string[] };
}

export class NodeStillReferenced extends Error {
  override name = 'NodeStillReferenced';
}

const EXAMPLES = 5;
const pairKey = (fact: string, quote: string) => `${fact}\u0000${quote}`;

export class Reconciler {
  private pending: LedgerRow[] = [];
  private readonly seen = new Set<string>();
  /** fact id → source → quotes the file no longer states. */
  private readonly removals = new Map<string, Map<string, string[]>>();
  /** Properties a file gave a fact it still states, and no longer gives. */
  private readonly propRemovals: Array<{ id: string; from: string | null; to: string | null; source: string; key: string }> = [];
  readonly summary: ReconcileSummary = {
    filesNew: 0,
    filesAgain: 0,
    filesRemoved: 0,
    propertiesRemoved: 0,
    quotesAdded: 0,
    quotesRemoved: 0,
    statementsRemoved: 0,
    nodesRemoved: 0,
    relationshipsRemoved: 0,
    examples: { quotesRemoved: [], statementsRemoved: [], removed: [], filesRemoved: [], propertiesRemoved: [] },
  };

  constructor(
    private readonly tx: ImportTransaction,
    private readonly batchFiles = 200,
  ) {}

  async addFile(ledger: LedgerRow): Promise<void> {
    this.pending.push(ledger);
    if (this.pending.length >= this.batchFiles) await this.flush();
  }

  /** Compares a batch of files with their previous records and writes the new ones. */
  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const result = await this.tx.run(cypher('import-ledger-read'), { sources: [...new Set(batch.map((l) => l.source))] });
    const previous = new Map<string, LedgerRow>(result.records.map((r) => [r.get('source') as string, r.toObject() as LedgerRow]));
    const written = new Map<string, LedgerRow>();
    for (const ledger of batch) {
      const old = previous.get(ledger.source);
      if (this.seen.has(ledger.source)) {
        // A second file describing the same source in this import: both files' statements together.
        const into = written.get(ledger.source) ?? old;
        if (into) {
          foldLedger(into, ledger);
          written.set(ledger.source, into);
        } else written.set(ledger.source, ledger);
        continue;
      }
      this.seen.add(ledger.source);
      written.set(ledger.source, ledger);
      if (!old) {
        this.summary.filesNew++;
        this.summary.quotesAdded += ledger.quotes.length;
        continue;
      }
      this.summary.filesAgain++;
      this.diff(old, ledger);
    }
    await this.tx.run(cypher('import-ledger'), { rows: [...written.values()] });
  }

  private diff(old: LedgerRow, now: LedgerRow): void {
    const facts = new Set(now.facts);
    const pairs = new Set(now.quotes.map((q, i) => pairKey(now.quoteFacts[i]!, q)));
    const before = new Set(old.quotes.map((q, i) => pairKey(old.quoteFacts[i]!, q)));
    for (const p of pairs) if (!before.has(p)) this.summary.quotesAdded++;
    const ex = this.summary.examples;
    const given = new Map(now.facts.map((f, i) => [f, new Set(propsOf(now.props?.[i]))]));
    old.facts.forEach((fact, i) => {
      // What the file gave and gives no more goes, also from a fact it stops stating that others still state.
      const still = given.get(fact);
      for (const key of propsOf(old.props?.[i])) {
        if (still?.has(key)) continue;
        const ends = fact.includes('|') ? relationshipIdParts(fact) : undefined;
        this.propRemovals.push({ id: fact, from: ends?.fromId ?? null, to: ends?.toId ?? null, source: old.source, key });
      }
      if (still) return;
      this.summary.statementsRemoved++;
      if (ex.statementsRemoved.length < EXAMPLES) ex.statementsRemoved.push(`${old.file}: ${fact}`);
    });
    old.quotes.forEach((quote, i) => {
      const fact = old.quoteFacts[i]!;
      if (pairs.has(pairKey(fact, quote))) return;
      this.summary.quotesRemoved++;
      if (ex.quotesRemoved.length < EXAMPLES) ex.quotesRemoved.push(`${old.file}: ${fact}: "${quote.length > 60 ? `${quote.slice(0, 57)}…` : quote}"`);
      let bySource = this.removals.get(fact);
      if (!bySource) this.removals.set(fact, (bySource = new Map()));
      const quotes = bySource.get(old.source);
      if (quotes) quotes.push(quote);
      else bySource.set(old.source, [quote]);
    });
  }

  /**
   * After every row is written: removes the evidence pairs files no longer state, then the facts left with none
   * (relationships first, then nodes). A node still joined to the graph by a relationship that something else
   * states cannot go: NodeStillReferenced fails the import, which rolls back.
   */
  async finish(folders: readonly string[] = []): Promise<ReconcileSummary> {
    await this.flush();
    const gone = await this.deletedFiles(folders);
    await this.removeFacts();
    await this.removeProperties();
    if (gone.length) await this.tx.run(cypher('import-ledger-delete'), { sources: gone });
    return this.summary;
  }

  /**
   * Files imported before from the folders imported now that are no longer there: each is compared with a
   * file that states nothing, so all it stated is taken back as for any re-imported file.
   */
  private async deletedFiles(folders: readonly string[]): Promise<string[]> {
    if (!folders.length) return [];
    const result = await this.tx.run(cypher('import-ledger-gone'), { folders: [...folders], seen: [...this.seen] });
    const gone: string[] = [];
    for (const record of result.records) {
      const old = record.toObject() as LedgerRow;
      this.diff(old, { source: old.source, file: old.file, folder: old.folder, facts: [], props: [], quoteFacts: [], quotes: [] });
      gone.push(old.source);
      this.summary.filesRemoved++;
      if (this.summary.examples.filesRemoved.length < EXAMPLES) this.summary.examples.filesRemoved.push(old.file);
    }
    return gone;
  }

  private async removeProperties(): Promise<void> {
    const ex = this.summary.examples;
    for (let i = 0; i < this.propRemovals.length; i += 5000) {
      const res = await this.tx.run(cypher('import-remove-props'), { rows: this.propRemovals.slice(i, i + 5000) });
      for (const r of res.records) {
        this.summary.propertiesRemoved++;
        if (ex.propertiesRemoved.length < EXAMPLES) ex.propertiesRemoved.push(`${r.get('id')}.${r.get('key')}`);
      }
    }
  }

  private async removeFacts(): Promise<void> {
    if (!this.removals.size) return;
    const nodeRows: Array<{ id: string; source: string; quotes: string[] }> = [];
    const relRows: Array<{ id: string; from: string; to: string; source: string; quotes: string[] }> = [];
    for (const [id, bySource] of this.removals) {
      for (const [source, quotes] of bySource) {
        if (id.includes('|')) {
          const { fromId, toId } = relationshipIdParts(id);
          relRows.push({ id, from: fromId, to: toId, source, quotes });
        } else nodeRows.push({ id, source, quotes });
      }
    }
    const ex = this.summary.examples;
    const gone: string[] = [];
    for (let i = 0; i < relRows.length; i += 5000) {
      const res = await this.tx.run(cypher('import-unstate-relationships'), { rows: relRows.slice(i, i + 5000) });
      for (const r of res.records) {
        gone.push(r.get('id'));
        this.summary.relationshipsRemoved++;
        if (ex.removed.length < EXAMPLES) ex.removed.push(r.get('id'));
      }
    }
    const empty: string[] = [];
    for (let i = 0; i < nodeRows.length; i += 5000) {
      const res = await this.tx.run(cypher('import-unstate-nodes'), { rows: nodeRows.slice(i, i + 5000) });
      for (const r of res.records) empty.push(r.get('id'));
    }
    const blocked: string[] = [];
    for (let i = 0; i < empty.length; i += 5000) {
      const res = await this.tx.run(cypher('import-remove-nodes'), { ids: empty.slice(i, i + 5000) });
      for (const r of res.records) {
        const keptBy = r.get('keptBy') as string | null;
        if (keptBy) blocked.push(`${r.get('id')} (still joined by ${keptBy})`);
        else {
          gone.push(r.get('id'));
          this.summary.nodesRemoved++;
          if (ex.removed.length < EXAMPLES) ex.removed.push(r.get('id'));
        }
      }
    }
    for (let i = 0; i < gone.length; i += 5000) await this.tx.run(cypher('import-passages-forget'), { ids: gone.slice(i, i + 5000) });
    if (blocked.length) {
      throw new NodeStillReferenced(
        `no file states ${blocked.length === 1 ? 'this node' : 'these nodes'} any more, but relationships still name them: ${blocked.slice(0, 5).join(', ')}; ` +
          'remove those relationships from their files too, or keep the node; nothing was written',
      );
    }
  }
}
