import DataLoader from 'dataloader';
import { cypher } from '../cypher';
import type { Database } from '../db/database';
import type { CandidateRow } from './candidates';
import { judgementOf, type JudgementRow } from './merge';
import type { ChangeRow } from '../writes/changeLog';

/** Rows the GraphQL layer maps duplicates' types to (codegen.ts), and the per-request loader of former identities. */

export interface CandidatePageRow {
  nodes: CandidateRow[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

export interface JudgementWriteRow {
  judgement: JudgementRow;
  change: ChangeRow;
  nodeId: string;
}

export interface FormerIdentityRow {
  id: string;
  kind: string;
  label: string;
  judgement: JudgementRow;
}

/** The nodes merged into each node asked, one round-trip per level of the request (index merged_into). */
export function formerIdentityLoader(db: Database) {
  return new DataLoader<string, FormerIdentityRow[]>(async (ids) => {
    const rows = await db.read<{ id: string; mergedId: string; kind: string; label: string; judgement: Record<string, unknown> }>(cypher('merged-into'), {
      ids: [...ids],
    });
    const by = new Map<string, FormerIdentityRow[]>(ids.map((id) => [id, []]));
    for (const r of rows) by.get(r.id)!.push({ id: r.mergedId, kind: r.kind, label: r.label, judgement: judgementOf(r.judgement, r.id) });
    return ids.map((id) => by.get(id)!);
  });
}

export async function listJudgements(db: Database, node: string | null, includeUndone: boolean, first: number): Promise<JudgementRow[]> {
  const rows = await db.read<{ judgement: Record<string, unknown> }>(cypher('judgement-list'), { node, includeUndone, first });
  return rows.map((r) => judgementOf(r.judgement, r.judgement.verdict === 'SAME' && r.judgement.active ? (r.judgement.a as string) : null));
}
