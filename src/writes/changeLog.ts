import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import { cypher } from '../cypher';
import type { Database } from '../db/database';
import { toNative } from '../db/values';

/**
 * The change log: every create, update, retract, restore, source added and import, as (:Change) nodes —
 * outside the graph of entities (no :Entity label, no relationships), so no read query ever meets them.
 * Written in the same transaction as the change itself: a change is logged if and only if it happened.
 */

export interface ChangeInput {
  actor: string;
  actorName: string;
  action: 'create' | 'update' | 'retract' | 'restore' | 'add-source' | 'import' | 'judge' | 'undo-judgement';
  factId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  idempotencyKey?: string | null;
}

export interface ChangeRow {
  seq: number;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  factId: string | null;
  /** JSON text as stored; parsed by the Change resolver. */
  before: string | null;
  after: string | null;
  reason: string | null;
}

type Tx = Pick<ManagedTransaction | Transaction, 'run'>;

const rows = (records: Array<{ toObject(): Record<string, unknown> }>) => records.map((r) => toNative(r.toObject()) as ChangeRow);

/** Records changes inside the caller's transaction; the last lock the transaction takes (see the query). */
export async function recordChanges(tx: Tx, changes: ChangeInput[]): Promise<ChangeRow[]> {
  const result = await tx.run(cypher('change-record'), {
    changes: changes.map((c) => ({
      ...c,
      before: c.before === null || c.before === undefined ? null : JSON.stringify(c.before),
      after: c.after === null || c.after === undefined ? null : JSON.stringify(c.after),
      idempotencyKey: c.idempotencyKey ?? null,
    })),
  });
  return rows(result.records);
}

export async function changeByKey(tx: Tx, key: string): Promise<ChangeRow | null> {
  const result = await tx.run(cypher('change-by-key'), { key });
  return rows(result.records)[0] ?? null;
}

export async function history(db: Database, id: string, first: number): Promise<ChangeRow[]> {
  return db.read<ChangeRow>(cypher('change-history'), { id, first });
}

export async function changesSince(db: Database, since: number, first: number): Promise<ChangeRow[]> {
  return db.read<ChangeRow>(cypher('change-feed'), { since, first });
}
