import crypto from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { Database } from '../../src/db/database';
import { formatNamed, openExportGraph, type Scope } from '../../src/export';

/** An export as one string, as a client would receive it. */
export async function exportText(db: Database, format: string, scope: Scope = { kind: 'all' }, pageSize?: number): Promise<string> {
  const graph = await openExportGraph(db, scope, { pageSize });
  let text = '';
  for await (const chunk of formatNamed(format).write(graph)) text += chunk;
  return text;
}

/** A value with its Neo4j type spelled out, so a float that came back as an integer changes the fingerprint. */
function typed(value: unknown): string {
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (Array.isArray(value)) return `[${value.map(typed).join(',')}]`;
  if (typeof value === 'number') return `float:${value}`;
  return `${typeof value}:${JSON.stringify(value)}`;
}

const propsText = (props: Record<string, unknown>) =>
  Object.keys(props)
    .sort()
    .map((k) => `${k}=${typed(props[k])}`)
    .join(';');

/**
 * Only the facts (:Entity nodes and the relationships between them) count: Passage nodes are the documents'
 * sentences, an index the importer derives from the source files, and the change log, tokens and locks are
 * bookkeeping; the exports carry neither (see the README's Exports section).
 *
 * Everything the graph holds, as one hash (importFixtures.graphFingerprint only counts): each node's labels and typed properties, each relationship's
 * ends, type and typed properties, sorted. Two databases with the same fingerprint hold the same graph.
 */
export async function graphContent(db: Database): Promise<{ hash: string; nodes: number; relationships: number; lines: string[] }> {
  const run = async (q: string) =>
    (await db.driver.executeQuery(q, {}, { database: db.options.database, routing: neo4j.routing.READ })).records;
  const nodes = (await run('MATCH (n:Entity) RETURN labels(n) AS labels, properties(n) AS props')).map(
    (r) => `N ${[...(r.get('labels') as string[])].sort().join(':')} ${propsText(r.get('props'))}`,
  );
  const rels = (await run('MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props')).map(
    (r) => `R ${r.get('a')} ${r.get('type')} ${r.get('b')} ${propsText(r.get('props'))}`,
  );
  const lines = [...nodes, ...rels].sort();
  return { hash: crypto.createHash('sha256').update(lines.join('\n')).digest('hex'), nodes: nodes.length, relationships: rels.length, lines };
}

/** The statements of a Cypher script, as cypher-shell splits them: `;` at a line end, comment lines dropped. */
export function scriptStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
