import type { Database } from '../db/database';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipTypeName } from '../model/model';
import type { NeighbourhoodRow, NodeRow, RelationshipRow } from './rows';
import { neighbourhoodQuery, type AskedFields } from '../cypher';

export type { AskedFields } from '../cypher';

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

/** A link as a level query returns it: [relationship, node (or the id of a node shown already), typed degree]. */
type LinkList = [unknown[], unknown[] | string, number];

/** A link as read from its list: `typedDegree` is the node's degree within the asked types (-1: shown already). */
interface LevelLink {
  relationship: RelationshipRow;
  node: NodeRow;
  typedDegree: number;
}

/** One expanded node of a level: its id, and the relationships it shows. */
interface LevelRow {
  id: string;
  links: LinkList[];
}

interface StartRow {
  center: unknown[];
  typedDegree: number;
  links: LinkList[];
  secondLevel: LevelRow[];
}

/**
 * The network around a node, breadth first. One round-trip reads the centre and the first two levels, a
 * third level is one more; each level expands every node of the one before at once. A node's relationships
 * come in the order of SHOWN_FIRST, the best-connected neighbours (within the asked types) first within a
 * type; a capped node takes them type by type, and within the type where the cap falls those the database gives first (sorting a hub's
 * thousands of relationships by its neighbours' degrees would cost more than the whole answer). Returns null
 * when the centre does not exist.
 */
export async function neighbourhood(
  db: Database,
  args: NeighbourhoodArgs,
  asked: AskedFields,
): Promise<NeighbourhoodRow | null> {
  const ranked = args.types ? RANKED.filter((t) => args.types!.includes(t)) : RANKED;
  const allTypes = args.types === null;
  const startQuery = neighbourhoodQuery('neighbourhood-start', ranked, allTypes, asked);
  const { node: nodeList, relationship: relationshipList } = startQuery;
  const linkOf = ([relationship, node, typedDegree]: LinkList): LevelLink => ({
    relationship: relationshipList.read(relationship),
    node: typeof node === 'string' ? ({ id: node } as NodeRow) : nodeList.read(node),
    typedDegree,
  });
  const [start] = await db.read<StartRow>(startQuery.text, {
    id: args.id,
    depth: args.depth,
    perNode: args.perNode,
    limit: args.limit,
  });
  if (!start) return null;
  const center = nodeList.read(start.center);
  const nodes = new Map<string, NodeRow>([[center.id, center]]);
  const edges = new Map<string, RelationshipRow>();
  /** Degree within the asked types, for every node shown. */
  const typedDegree = new Map<string, number>([[center.id, start.typedDegree]]);
  let truncated = false;

  /** Adds one level's nodes and relationships (in order, up to `limit` nodes); returns the nodes it added. */
  const absorb = (rows: readonly LevelRow[]): string[] => {
    const added: string[] = [];
    for (const row of rows) {
      if (row.links.length < (typedDegree.get(row.id) ?? 0)) truncated = true;
      for (const link of row.links.map(linkOf)) {
        if (!nodes.has(link.node.id)) {
          if (nodes.size >= args.limit) {
            truncated = true;
            continue;
          }
          nodes.set(link.node.id, link.node);
          typedDegree.set(link.node.id, link.typedDegree);
          added.push(link.node.id);
        }
        edges.set(link.relationship.id, link.relationship);
      }
    }
    return added;
  };

  let frontier = absorb([{ id: center.id, links: start.links }]);
  if (args.depth >= 2) frontier = absorb(start.secondLevel);
  for (let level = 2; level < args.depth && frontier.length > 0; level++) {
    const rows = await db.read<LevelRow>(neighbourhoodQuery('neighbourhood-level', ranked, allTypes, asked).text, {
      frontier,
      perNode: args.perNode,
      known: [...nodes.keys()],
    });
    frontier = absorb(rows);
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
