import { cypher } from '../cypher';
import type { Database } from '../db/database';
import type { NodeRow } from './rows';

export interface StatementQuery {
  speaker: string | null;
  subject: string | null;
  from: string | null;
  to: string | null;
  mode: string | null;
  first: number;
}

/** Statements by speaker, subject, date and mode (cypher/statements.cypher). */
export async function listStatements(db: Database, q: StatementQuery): Promise<NodeRow[]> {
  const rows = await db.read<{ node: NodeRow }>(cypher('statements'), { ...q });
  return rows.map((r) => r.node);
}

export interface FigureQuery {
  about: string | null;
  unit: string | null;
  status: string | null;
  first: number;
}

/** Figures by subject, unit and status (cypher/figures.cypher). */
export async function listFigures(db: Database, q: FigureQuery): Promise<NodeRow[]> {
  const rows = await db.read<{ node: NodeRow }>(cypher('figures'), { ...q });
  return rows.map((r) => r.node);
}
