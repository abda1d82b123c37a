import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { NodeKindName, RELATIONSHIP_TYPE_NAMES, RelationshipTypeName } from '../model/model';
import type { EvidenceRow, LinkRow, NodeRow, RelationshipRow } from './rows';
import { linksQuery, type Expansion } from './shape';

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

/** A link query to ask of a node, and the link queries to ask of every node it finds (the next level). */
export interface LinkPlan {
  query: Omit<LinkQuery, 'id'>;
  children: LinkPlan[];
}

/** What links.cypher reads of a query; a child's key names the query without its id (any node found). */
const askOf = (q: LinkQuery) => ({
  key: linkKey(q),
  types: q.types ?? RELATIONSHIP_TYPE_NAMES,
  dir: q.direction,
  kinds: q.kinds ?? null,
  first: q.first ?? null,
});

const keyOf = (q: LinkQuery, children: readonly LinkPlan[] = [], self = false, evidence = false) => ({
  ...askOf(q),
  id: q.id,
  // One level only: links.cypher nests once. Deeper levels are asked by their own resolvers.
  children: children.map((c) => askOf({ ...c.query, id: '' })),
  self,
  evidence,
});

/** The expansions a set of asks needs (both directions for BOTH). */
function expansionsOf(asks: ReadonlyArray<{ types: readonly RelationshipTypeName[]; dir: string }>): Expansion[] {
  return asks.flatMap((a) =>
    a.types.flatMap((t): Expansion[] => (a.dir === 'OUT' ? [`${t}>`] : a.dir === 'IN' ? [`${t}<`] : [`${t}>`, `${t}<`])),
  );
}

/** links.cypher for these keys: the expansions they and their children ask for. */
function queryFor(keys: ReadonlyArray<ReturnType<typeof keyOf>>): string {
  return linksQuery(expansionsOf(keys), expansionsOf(keys.flatMap((k) => k.children)));
}

type FetchedLink = LinkRow & { children?: Array<{ key: string; links: LinkRow[] }> };

interface LinksResult {
  key: string;
  links: FetchedLink[];
  self: { node: NodeRow; evidence: EvidenceRow[] | null } | null;
}

/** The links of many nodes in one round-trip, in the order of `queries`. */
export async function linksOf(db: Database, queries: readonly LinkQuery[]): Promise<LinkRow[][]> {
  if (queries.length === 0) return [];
  const keys = queries.map((q) => keyOf(q));
  const rows = await db.read<LinksResult>(queryFor(keys), { keys });
  const byKey = new Map(rows.map((r) => [r.key, r.links.map(withoutChildren)]));
  return keys.map((k) => byKey.get(k.key) ?? []);
}

const withoutChildren = ({ children: _children, ...link }: FetchedLink): LinkRow => link;

/**
 * A node, the links `plans` ask of it and the links their children ask of each node found, in one round-trip:
 * every (query, links) pair fetched, for the caller's cache, or null when no node has the id. With
 * `withEvidence`, the node's evidence and its sources come too.
 */
export async function nodeWithLinks(
  db: Database,
  id: string,
  plans: readonly LinkPlan[],
  withEvidence: boolean,
): Promise<{ node: NodeRow; fetched: Array<[LinkQuery, LinkRow[]]> } | null> {
  const asked = plans.map((p) => ({ query: { ...p.query, id }, children: p.children }));
  const keys = asked.map((a, i) => keyOf(a.query, a.children, i === 0, withEvidence));
  const rows = await db.read<LinksResult>(queryFor(keys), { keys });
  const self = rows.find((r) => r.self)?.self;
  if (!self) return null;
  const byKey = new Map(rows.map((r) => [r.key, r.links]));
  const fetched: Array<[LinkQuery, LinkRow[]]> = [];
  for (const a of asked) {
    const links = byKey.get(linkKey(a.query)) ?? [];
    fetched.push([a.query, links.map(withoutChildren)]);
    const childQueries = new Map(a.children.map((c) => [linkKey({ ...c.query, id: '' }), c.query]));
    for (const link of links) {
      for (const child of link.children ?? []) {
        const template = childQueries.get(child.key);
        if (template) fetched.push([{ ...template, id: link.node.id }, child.links]);
      }
    }
  }
  const node = withEvidence ? { ...self.node, evidence: self.evidence } : self.node;
  return { node, fetched };
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
