import type { Database } from '../db/database';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipTypeName } from '../model/model';
import type { LinkRow, NeighbourhoodRow, NodeRow, RelationshipRow } from './rows';
import { neighbourhoodLevelQuery } from './shape';

/**
 * The order in which a capped node shows its relationships: who signed what, with whom, for whom, before
 * programmes, clauses and places. A type the list does not name yet comes last rather than never.
 */
const SHOWN_FIRST: RelationshipTypeName[] = [
  'PARTY_TO', 'SIGNED', 'HOLDS_ROLE', 'SUBSIDIARY_OF', 'MEMBER_OF', 'ESTABLISHES', 'RUNS', 'RENEWS',
  'CONTAINS', 'INCLUDES', 'COMMITS_TO', 'TAKES_PART_IN', 'PART_OF', 'LOCATED_IN', 'AUTHORED',
];
const RANKED: RelationshipTypeName[] = [...SHOWN_FIRST, ...RELATIONSHIP_TYPE_NAMES.filter((t) => !SHOWN_FIRST.includes(t))];

export interface NeighbourhoodArgs {
  id: string;
  depth: number;
  types: readonly RelationshipTypeName[] | null;
  limit: number;
  perNode: number;
}

interface LevelRow {
  id: string;
  /** The frontier node itself, on the first level only (the centre). */
  node: NodeRow | null;
  typedDegree: number;
  links: Array<Omit<LinkRow, 'direction'> & { typedDegree: number }>;
}

/**
 * The network around a node, breadth first: one round-trip per level (so at most three), each expanding every
 * node of the frontier at once; the first also finds the centre. A capped node shows its relationships type by
 * type in the order of SHOWN_FIRST (within a type, in the database's order: sorting a hub's thousands of
 * relationships by anything costs more than the whole answer). Returns null when the centre does not exist.
 */
export async function neighbourhood(db: Database, args: NeighbourhoodArgs): Promise<NeighbourhoodRow | null> {
  const asked = args.types ? RANKED.filter((t) => args.types!.includes(t)) : RANKED;
  const query = neighbourhoodLevelQuery(asked, args.types === null);
  let center: NodeRow | undefined;
  const nodes = new Map<string, NodeRow>();
  const edges = new Map<string, RelationshipRow>();
  /** Degree within the asked types, for every node shown. */
  const typedDegree = new Map<string, number>();
  let truncated = false;
  let frontier = [args.id];
  for (let level = 0; level < args.depth && frontier.length > 0; level++) {
    const rows = await db.read<LevelRow>(query, { frontier, perNode: args.perNode, withNode: level === 0 });
    if (level === 0) {
      center = rows[0]?.node ?? undefined;
      if (!center) return null;
      nodes.set(center.id, center);
    }
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
  if (!center) return null;
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
