import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import type { RelationshipTypeName } from '../model/model';
import { nodesByIds } from './nodes';
import type { LinkRow, NeighbourhoodRow, NodeRow, RelationshipRow } from './rows';

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
 * The network around a node, breadth first: one round-trip to find the centre, then one per level (so at
 * most three more), each expanding every node of the frontier at once. Returns null when the centre does not exist.
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
