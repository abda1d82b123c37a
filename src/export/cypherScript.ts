import { statements } from '../cypher';
import type { ExportGraph, Value } from './graph';

/**
 * A Cypher script that recreates the graph, for cypher-shell (`cypher-shell -f accords.cypher`) or any
 * driver that runs it statement by statement (statements end with `;` at a line end): the constraints and
 * indexes first (cypher/schema.cypher, idempotent), then nodes and relationships in `UNWIND` batches of
 * literal rows, MERGEd on their ids, so loading it twice changes nothing. Every stored property is written
 * with its type (a float stays a float: `500.0`).
 */

const BATCH = 500;

export function cypherLiteral(value: Value): string {
  if (typeof value === 'string') {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a stored number cannot be written as Cypher: ${value}`);
    const text = String(value);
    return /[.eE]/.test(text) ? text : `${text}.0`;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `[${value.map(cypherLiteral).join(', ')}]`;
}

const key = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``);

const map = (props: Record<string, Value>) =>
  `{${Object.entries(props)
    .map(([k, v]) => `${key(k)}: ${cypherLiteral(v)}`)
    .join(', ')}}`;

/** Labels and types come from the model's closed lists; checked anyway, since they are written into the text. */
const NAME = /^[A-Z][A-Za-z_]*$/;
function checked(name: string): string {
  if (!NAME.test(name)) throw new Error(`not a label or type Accords writes: ${name}`);
  return name;
}

const nodeStatement = (kind: string, rows: string[]) =>
  `UNWIND [\n${rows.join(',\n')}\n] AS row\nMERGE (n:Entity {id: row.id})\nSET n:${checked(kind)}\nSET n = row.props;\n`;

const relationshipStatement = (type: string, rows: string[]) =>
  `UNWIND [\n${rows.join(',\n')}\n] AS row\nMATCH (a:Entity {id: row.from})\nMATCH (b:Entity {id: row.to})\n` +
  `MERGE (a)-[r:${checked(type)} {id: row.id}]->(b)\nSET r = row.props;\n`;

export async function* writeCypher(graph: ExportGraph): AsyncIterable<string> {
  yield '// Accords graph export: load into Neo4j 5 with `cypher-shell -f <this file>`.\n';
  yield '// Constraints and indexes first, so every MERGE below is an index look-up.\n';
  for (const statement of statements('schema')) yield `${statement};\n`;
  // Batches per kind (per type): one label (type) written into each statement, at most BATCH pending per kind.
  const pending = new Map<string, string[]>();
  const flushAll = function* (make: (k: string, rows: string[]) => string) {
    for (const [k, rows] of pending) if (rows.length) yield make(k, rows);
    pending.clear();
  };
  for await (const node of graph.nodes()) {
    const rows = pending.get(node.kind) ?? [];
    pending.set(node.kind, rows);
    rows.push(`  {id: ${cypherLiteral(node.id)}, props: ${map(node.props)}}`);
    if (rows.length >= BATCH) {
      yield nodeStatement(node.kind, rows);
      pending.set(node.kind, []);
    }
  }
  yield* flushAll(nodeStatement);
  for await (const rel of graph.relationships()) {
    const rows = pending.get(rel.type) ?? [];
    pending.set(rel.type, rows);
    rows.push(`  {id: ${cypherLiteral(rel.id)}, from: ${cypherLiteral(rel.from)}, to: ${cypherLiteral(rel.to)}, props: ${map(rel.props)}}`);
    if (rows.length >= BATCH) {
      yield relationshipStatement(rel.type, rows);
      pending.set(rel.type, []);
    }
  }
  yield* flushAll(relationshipStatement);
}
