import type { Database } from '../../src/db/database';

/**
 * Write tests leave the database as they found it: they note where the change log stands, and remove the
 * facts they made, the records of those they retracted, and the changes logged meanwhile.
 */
export async function changeLogMark(db: Database): Promise<number> {
  const [row] = await db.read<{ seq: number | null }>("OPTIONAL MATCH (k:ChangeCounter {name: 'changes'}) RETURN k.seq AS seq");
  return row?.seq ?? 0;
}

export async function changesSince(db: Database, mark: number): Promise<number> {
  const [row] = await db.read<{ n: number }>('MATCH (c:Change) WHERE c.seq > $mark RETURN count(c) AS n', { mark });
  return row!.n;
}

export async function undoWrites(db: Database, mark: number, ids: string[]): Promise<void> {
  await db.write('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids });
  await db.write('MATCH (x:Retracted) WHERE x.id IN $ids OR x.cascadeOf IN $ids DELETE x', { ids });
  await db.write('MATCH (c:Change) WHERE c.seq > $mark DELETE c', { mark });
  await db.write("MATCH (k:ChangeCounter {name: 'changes'}) SET k.seq = $mark", { mark });
}
