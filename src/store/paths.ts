import type { Database } from '../db/database';
import type { RelationshipTypeName } from '../model/model';
import type { NodeRow, PathRow, RelationshipRow } from './rows';
import { withPathBounds } from './shape';

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
