import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { NodeKindName, RELATIONSHIP_TYPE_NAMES, RelationshipTypeName } from '../model/model';
import type { EvidenceRow, LinkRow, NodeRow, RelationshipRow } from './rows';
import { linksQuery } from './shape';

/** Which relationships of a node to follow. */
export interface LinkQuery {
  id: string;
  /** Relationship types; all when null. */
  types: readonly RelationshipTypeName[] | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  /** Kinds of the node at the other end; all when null. */
  kinds?: readonly NodeKindName[] | null;
  /** At most this many (after ordering by the other end's date, then name); all when null. */
  first?: number | null;
}

/** A stable cache key for a LinkQuery: DataLoader merges identical asks within a request. */
export function linkKey(q: LinkQuery): string {
  return JSON.stringify([q.id, q.types, q.direction, q.kinds ?? null, q.first ?? null]);
}

const keyOf = (q: LinkQuery, self = false, evidence = false) => ({
  key: linkKey(q),
  id: q.id,
  types: q.types ?? RELATIONSHIP_TYPE_NAMES,
  dir: q.direction,
  kinds: q.kinds ?? null,
  first: q.first ?? null,
  self,
  evidence,
});

interface LinksResult {
  key: string;
  links: LinkRow[];
  self: { node: NodeRow; evidence: EvidenceRow[] | null } | null;
}

/** The links of many nodes in one round-trip, in the order of `queries`. */
export async function linksOf(db: Database, queries: readonly LinkQuery[]): Promise<LinkRow[][]> {
  if (queries.length === 0) return [];
  const keys = queries.map((q) => keyOf(q));
  const rows = await db.read<LinksResult>(linksQuery(), { keys });
  const byKey = new Map(rows.map((r) => [r.key, r.links]));
  return keys.map((k) => byKey.get(k.key) ?? []);
}

/**
 * A node and some of its links in one round-trip (every query names the node's id; at least one is needed):
 * null when no node has the id. With `withEvidence`, the node's evidence and its sources come too.
 */
export async function nodeWithLinks(
  db: Database,
  id: string,
  queries: readonly LinkQuery[],
  withEvidence: boolean,
): Promise<{ node: NodeRow; links: LinkRow[][] } | null> {
  const keys = queries.map((q, i) => keyOf({ ...q, id }, i === 0, withEvidence));
  const rows = await db.read<LinksResult>(linksQuery(), { keys });
  const self = rows.find((r) => r.self)?.self;
  if (!self) return null;
  const byKey = new Map(rows.map((r) => [r.key, r.links]));
  const node = withEvidence ? { ...self.node, evidence: self.evidence } : self.node;
  return { node, links: keys.map((k) => byKey.get(k.key) ?? []) };
}

/** Signatures made on behalf of each organisation, in one round-trip, in the order of `ids`. */
export async function signaturesOnBehalfOf(db: Database, ids: readonly string[]): Promise<RelationshipRow[][]> {
  if (ids.length === 0) return [];
  const rows = await db.read<{ id: string; signatures: Array<Pick<RelationshipRow, 'from' | 'to'> & { relationship: RelationshipRow }> }>(
    cypher('signatures-on-behalf'),
    { ids: [...new Set(ids)] },
  );
  const byId = new Map(rows.map((r) => [r.id, r.signatures.map((s) => ({ ...s.relationship, from: s.from, to: s.to }))]));
  return ids.map((id) => byId.get(id) ?? []);
}
