import { NODE_COLUMNS, RELATIONSHIP_COLUMNS, type Column } from './columns';
import type { ExportGraph, Value } from './graph';

/**
 * CSV files in the shape `neo4j-admin database import full` loads: a nodes file (`id:ID`, `:LABEL`, typed
 * property columns) and a relationships file (`:START_ID`, `:END_ID`, `:TYPE`, typed columns). An absent
 * property is an empty field, an empty string is `""`. Lists (aliases, evidence) are joined by U+001F, a
 * character no text of the corpus holds (a quote may hold `;`, the tool's default), and quotes may span lines:
 *
 *   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \
 *     --array-delimiter=U+001F --multiline-fields=true neo4j
 */

export const ARRAY_DELIMITER = '\u001f';
export const IMPORT_OPTIONS = ['--array-delimiter=U+001F', '--multiline-fields=true'];

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

function field(value: Value | undefined, column: Column, owner: string): string {
  if (value === undefined || value === null) return '';
  if (column.type === 'string[]') {
    const list = (Array.isArray(value) ? value : [value]).map(String);
    for (const item of list) {
      if (item.includes(ARRAY_DELIMITER)) throw new Error(`${owner}.${column.name} holds U+001F, the CSV array delimiter`);
    }
    return quoted(list.join(ARRAY_DELIMITER));
  }
  if (column.type === 'string') return quoted(String(value));
  return String(value);
}

const header = (columns: Column[]) => columns.map((c) => (c.type === 'string' ? c.name : `${c.name}:${c.type}`));

/** Stored properties no column declares would be lost on the way back: refuse loudly rather than drop them. */
function checkKnown(props: Record<string, Value>, known: Set<string>, owner: string): void {
  for (const key of Object.keys(props)) {
    if (!known.has(key)) throw new Error(`${owner} has a property "${key}" the CSV export does not know`);
  }
}

const NODE_KNOWN = new Set(['id', ...NODE_COLUMNS.map((c) => c.name)]);
const RELATIONSHIP_KNOWN = new Set(['id', ...RELATIONSHIP_COLUMNS.map((c) => c.name)]);

export async function* writeCsvNodes(graph: ExportGraph): AsyncIterable<string> {
  yield ['id:ID', ':LABEL', ...header(NODE_COLUMNS)].join(',') + '\n';
  for await (const node of graph.nodes()) {
    checkKnown(node.props, NODE_KNOWN, node.id);
    yield [quoted(node.id), quoted(`Entity${ARRAY_DELIMITER}${node.kind}`), ...NODE_COLUMNS.map((c) => field(node.props[c.name], c, node.id))].join(',') + '\n';
  }
}

export async function* writeCsvRelationships(graph: ExportGraph): AsyncIterable<string> {
  yield [':START_ID', ':END_ID', ':TYPE', 'id', ...header(RELATIONSHIP_COLUMNS)].join(',') + '\n';
  for await (const rel of graph.relationships()) {
    checkKnown(rel.props, RELATIONSHIP_KNOWN, rel.id);
    yield [quoted(rel.from), quoted(rel.to), rel.type, quoted(rel.id), ...RELATIONSHIP_COLUMNS.map((c) => field(rel.props[c.name], c, rel.id))].join(',') + '\n';
  }
}
