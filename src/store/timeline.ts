import { cypher } from '../cypher';
import type { Database } from '../db/database';
import type { NodeKindName } from '../model/model';
import type { NodeRow, TimelineEntryRow } from './rows';
import { precisionOf } from './rows';

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
    // A figure's place in time is its `asOf`.
    date: (node.date ?? node.asOf) as string,
    datePrecision: precisionOf((node.date ?? node.asOf) as string) ?? 'YEAR',
    dateInferred: node.dateInferred ?? null,
    node,
  }));
}
