import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import type { NodeKindName, RelationshipTypeName } from '../model/model';
import { nodesByIds } from './nodes';
import type { CommonPartnerRow, LinkRow, NeighbourhoodRow, NodeRow, PathRow, RelationshipRow, TimelineEntryRow } from './rows';
import { precisionOf } from './rows';
import { withPathBounds } from './shape';

/** The ids among `ids` that name no node (one round-trip). */
export async function missingIds(db: Database, ids: readonly string[]): Promise<string[]> {
  const rows = await db.read<{ id: string; found: boolean }>(cypher('node-exists'), { ids: [...new Set(ids)] });
  return rows.filter((r) => !r.found).map((r) => r.id);
}

/** Relationship types a capped neighbourhood shows first: who signed what, with whom, for whom. */
const SHOWN_FIRST: RelationshipTypeName[] = [
  'PARTY_TO', 'SIGNED', 'HOLDS_ROLE', 'SUBSIDIARY_OF', 'MEMBER_OF', 'ESTABLISHES', 'RUNS', 'RENEWS',
  'CONTAINS', 'INCLUDES', 'COMMITS_TO', 'TAKES_PART_IN', 'PART_OF', 'LOCATED_IN', 'AUTHORED',
];
const RANK = Object.fromEntries(SHOWN_FIRST.map((type, i) => [type, i]));

export interface NeighbourhoodArgs {
  id: string;
  depth: number;
  types: readonly RelationshipTypeName[] | null;
  limit: number;
  perNode: number;
}

/**
 * The network around a node, breadth first: one round-trip per level (so at most three), each expanding
 * every node of the frontier at once. Returns null when the centre does not exist.
 */
export async function neighbourhood(db: Database, args: NeighbourhoodArgs): Promise<NeighbourhoodRow | null> {
  const [center] = await nodesByIds(db, [args.id]);
  if (!center) return null;
  const nodes = new Map<string, NodeRow>([[center.id, center]]);
  const edges = new Map<string, RelationshipRow>();
  /** Degree within the asked types, for every node shown. */
  const typedDegree = new Map<string, number>();
  let truncated = false;
  let frontier = [center.id];
  for (let level = 0; level < args.depth && frontier.length > 0; level++) {
    const rows = await db.read<{ id: string; typedDegree: number; links: Array<LinkRow & { typedDegree: number }> }>(
      cypher(args.types ? 'neighbourhood-level-typed' : 'neighbourhood-level'),
      { frontier, types: args.types, perNode: args.perNode, rank: RANK },
    );
    const next: string[] = [];
    for (const row of rows) {
      typedDegree.set(row.id, row.typedDegree);
      if (row.links.length < row.typedDegree) truncated = true;
      for (const link of row.links) {
        if (!nodes.has(link.node.id)) {
          if (nodes.size >= args.limit) {
            truncated = true;
            continue;
          }
          nodes.set(link.node.id, link.node);
          typedDegree.set(link.node.id, link.typedDegree);
          next.push(link.node.id);
        }
        edges.set(link.relationship.id, link.relationship);
      }
    }
    frontier = next;
  }
  const shown = new Map<string, number>();
  for (const e of edges.values()) {
    shown.set(e.fromId, (shown.get(e.fromId) ?? 0) + 1);
    if (e.toId !== e.fromId) shown.set(e.toId, (shown.get(e.toId) ?? 0) + 1);
  }
  const omitted = [...nodes.keys()]
    .map((id) => ({ id, count: (typedDegree.get(id) ?? 0) - (shown.get(id) ?? 0) }))
    .filter((o) => o.count > 0);
  const withEnds = [...edges.values()].map((e) => ({ ...e, from: nodes.get(e.fromId), to: nodes.get(e.toId) }));
  return { center, nodes: [...nodes.values()], edges: withEnds, truncated, omitted };
}

export interface PathArgs {
  from: string;
  to: string;
  maxLength: number;
  shortestOnly: boolean;
  hubLimit: number | null;
  types: readonly RelationshipTypeName[] | null;
  first: number;
}

/** Paths between two nodes, shortest first, each with its nodes and relationships in order. */
export async function paths(db: Database, args: PathArgs): Promise<PathRow[]> {
  if (args.from === args.to) return [];
  const query = withPathBounds(args.shortestOnly ? 'paths-shortest' : 'paths-all', args.maxLength, args.first);
  const rows = await db.read<{ nodes: NodeRow[]; relationships: RelationshipRow[] }>(query, {
    from: args.from,
    to: args.to,
    hubLimit: args.hubLimit,
    types: args.types,
    first: args.first,
  });
  return rows.map((row) => {
    const byId = new Map(row.nodes.map((n) => [n.id, n]));
    return {
      length: row.relationships.length,
      nodes: row.nodes,
      relationships: row.relationships.map((r) => ({ ...r, from: byId.get(r.fromId), to: byId.get(r.toId) })),
    };
  });
}

/** Actors sharing agreements with both a and b. */
export async function commonPartners(db: Database, a: string, b: string, first: number): Promise<CommonPartnerRow[]> {
  return db.read<CommonPartnerRow>(cypher('common-partners'), { a, b, first });
}

export interface TimelineArgs {
  from: string | null;
  to: string | null;
  actor: string | null;
  kinds: readonly NodeKindName[];
  first: number;
}

/** Dated agreements and events (and programmes when asked) in date order. */
export async function timeline(db: Database, args: TimelineArgs): Promise<TimelineEntryRow[]> {
  const rows = await db.read<{ node: NodeRow }>(cypher('timeline'), { ...args });
  return rows.map(({ node }) => ({
    date: node.date as string,
    datePrecision: precisionOf(node.date) ?? 'YEAR',
    dateInferred: node.dateInferred ?? null,
    node,
  }));
}
