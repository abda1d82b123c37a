import { cypher } from '../cypher';
import type { Database } from '../db/database';

export interface KindCountRow {
  name: string;
  count: number;
}
export interface StatsRow {
  nodes: KindCountRow[];
  relationships: KindCountRow[];
  factsWithoutEvidence: number;
}

const bySize = (a: KindCountRow, b: KindCountRow) => b.count - a.count || a.name.localeCompare(b.name);

export async function graphStats(db: Database): Promise<StatsRow> {
  const [row] = await db.read<StatsRow>(cypher('stats'));
  return {
    nodes: (row?.nodes ?? []).filter((k) => k.name).sort(bySize),
    relationships: (row?.relationships ?? []).filter((k) => k.name).sort(bySize),
    factsWithoutEvidence: row?.factsWithoutEvidence ?? 0,
  };
}
