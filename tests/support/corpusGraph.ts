import type { Database } from '../../src/db/database';

/** Small read helpers for the corpus tests: what the graph says about an entity and its neighbours. */

export interface EntityView {
  id: string;
  kind: string;
  props: Record<string, any>;
  /** Source ids that cite the entity (deduplicated). */
  sources: string[];
}

export interface Neighbour {
  id: string;
  kind: string;
  props: Record<string, any>;
  /** The relationship's properties; `rel.evidenceSources` says which documents state it. */
  rel: Record<string, any>;
}

export async function entity(db: Database, id: string): Promise<EntityView | undefined> {
  const [row] = await db.read<EntityView>(
    `MATCH (n:Entity {id: $id})
     RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props,
            reduce(acc = [], s IN coalesce(n.evidenceSources, []) | CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources`,
    { id },
  );
  return row;
}

/** The entities `id` points to (out) or that point to it (in) through relationships of `type`. */
export function neighbours(db: Database, id: string, type: string, direction: 'out' | 'in' = 'out'): Promise<Neighbour[]> {
  const pattern = direction === 'out' ? '(n:Entity {id: $id})-[r]->(m:Entity)' : '(n:Entity {id: $id})<-[r]-(m:Entity)';
  return db.read<Neighbour>(
    `MATCH ${pattern} WHERE type(r) = $type
     RETURN m.id AS id, [l IN labels(m) WHERE l <> 'Entity'][0] AS kind, properties(m) AS props, properties(r) AS rel
     ORDER BY m.id, r.key`,
    { id, type },
  );
}

export const ids = (list: Array<{ id: string }>) => list.map((x) => x.id).sort();
