import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import { cypher } from '../cypher';
import type { Database } from '../db/database';
import { toNative } from '../db/values';
import { RELATIONSHIP_TYPES } from '../model/model';

/**
 * Ids merged away answer as their canonical node. A merged id is kept in a :Merged record (see
 * src/merges/merge.ts), pointing at the node it was merged into, which may itself have been merged since:
 * resolving follows the chain.
 */

/** Chains longer than this are a loop or a bug, not a history of merges. */
const MAX_CHAIN = 32;

type Runner = Pick<ManagedTransaction | Transaction, 'run'> | Database;

async function step(db: Runner, ids: string[]): Promise<Array<{ id: string; into: string | null }>> {
  if ('read' in db && typeof (db as Database).read === 'function') return (db as Database).read(cypher('merge-resolve'), { ids });
  return (await (db as ManagedTransaction).run(cypher('merge-resolve'), { ids })).records.map((r) => toNative(r.toObject()) as { id: string; into: string | null });
}

/** Each id → the id it answers as now (itself when it was never merged). One round-trip per link of the longest chain. */
export async function resolveIds(db: Runner, ids: readonly string[]): Promise<Map<string, string>> {
  const current = new Map(ids.map((id) => [id, id]));
  let pending = [...new Set(ids)];
  for (let hop = 0; pending.length && hop < MAX_CHAIN; hop++) {
    const next = new Map((await step(db, pending)).filter((r) => r.into).map((r) => [r.id, r.into!]));
    if (!next.size) break;
    for (const [id, at] of current) if (next.has(at)) current.set(id, next.get(at)!);
    pending = [...new Set([...next.values()])];
  }
  return current;
}

/** Every merged id → the canonical id it answers as now (for the importer: one query, whole chains resolved). */
export async function loadRedirects(db: Runner): Promise<Map<string, string>> {
  const rows =
    'read' in db && typeof (db as Database).read === 'function'
      ? await (db as Database).read<{ id: string; into: string }>(cypher('merge-redirects'))
      : (await (db as ManagedTransaction).run(cypher('merge-redirects'))).records.map((r) => toNative(r.toObject()) as { id: string; into: string });
  const into = new Map(rows.map((r) => [r.id, r.into]));
  const redirects = new Map<string, string>();
  for (const id of into.keys()) {
    let at = id;
    for (let hop = 0; into.has(at) && hop < MAX_CHAIN; hop++) at = into.get(at)!;
    redirects.set(id, at);
  }
  return redirects;
}

/**
 * THE IMPORTER'S HOOK: a parsed data file with merged ids rewritten to their canonical node, before its rows
 * and passages are made. A node described under a merged id lands on the canonical node (which the merge gave
 * a `version`, so the file adds its evidence and names but does not overwrite its values); a relationship
 * with a merged end becomes the canonical node's (its id is made from the rewritten ends, as a merge
 * rewrites it); one between two ids merged into one node is dropped (a merge drops it too); reference fields
 * (onBehalfOf) follow. Returns the document itself when nothing in it is merged.
 */
export function redirectDocument<T>(doc: T, redirects: ReadonlyMap<string, string>): T {
  if (!redirects.size) return doc;
  const d = doc as unknown as { nodes?: Array<Record<string, unknown>>; relationships?: Array<Record<string, unknown>> };
  const to = (v: unknown) => (typeof v === 'string' && redirects.has(v) ? redirects.get(v)! : v);
  const touches = (r: Record<string, unknown>) => Object.values(r).some((v) => typeof v === 'string' && redirects.has(v));
  if (!(d.nodes ?? []).some((n) => redirects.has(n.id as string)) && !(d.relationships ?? []).some(touches)) return doc;
  const nodes = d.nodes?.map((n) => (redirects.has(n.id as string) ? { ...n, id: to(n.id) } : n));
  const relationships = d.relationships
    ?.filter((r) => !(to(r.from) === to(r.to) && r.from !== r.to))
    .map((r) => (touches(r) ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'from' || k === 'to' || REF_FIELDS.has(k) ? to(v) : v])) : r));
  return { ...(doc as object), ...(nodes ? { nodes } : {}), ...(relationships ? { relationships } : {}) } as T;
}

/** Fields of relationships that name a node by id (from the model). */
const REF_FIELDS = new Set(
  Object.values(RELATIONSHIP_TYPES).flatMap((t) =>
    Object.entries(t.fields)
      .filter(([, f]) => f.type === 'ref')
      .map(([name]) => name),
  ),
);
