/** A PROFILE plan as the driver gives it (`summary.profile`). */
export interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/** A plan's db hits in all, and its `operators` operators reading most (details cut to `width` characters). */
export function summarisePlan(plan: PlanNode, operators = 4, width = 110): { dbHits: number; top: string[] } {
  const all: PlanNode[] = [];
  const walk = (p: PlanNode) => {
    all.push(p);
    p.children.forEach(walk);
  };
  walk(plan);
  const dbHits = all.reduce((s, p) => s + Number(p.dbHits), 0);
  const top = [...all]
    .sort((a, b) => Number(b.dbHits) - Number(a.dbHits))
    .slice(0, operators)
    .map((p) => `${p.operatorType.replace(/@neo4j$/, '')} ${Number(p.dbHits)} hits, ${Number(p.rows)} rows: ${String(p.arguments.Details ?? '').slice(0, width)}`);
  return { dbHits, top };
}
