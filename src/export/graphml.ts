import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edgeAttributes, nodeAttributes, type Attribute } from './attributes';
import type { ExportGraph } from './graph';
import { describe } from './gexf';
import { xmlText } from './xml';

/**
 * GraphML (NetworkX, igraph, yEd, Cytoscape), valid against graphdrawing.org's schema
 * (tests/fixtures/xsd/graphml). Keys are declared per domain (`n_kind`, `e_type` …, named by `attr.name`).
 * GraphML ids are NMTOKENs, which a relationship id (`from|TYPE|to`) is not: an edge carries its id as data.
 */

const GRAPHML_TYPE = { string: 'string', integer: 'int', boolean: 'boolean', double: 'double' } as const;

const keys = (domain: 'node' | 'edge', prefix: string, attributes: Attribute[]) =>
  attributes
    .map((a) => `  <key id="${prefix}${a.id}" for="${domain}" attr.name="${a.id}" attr.type="${GRAPHML_TYPE[a.type]}"/>\n`)
    .join('');

function data(prefix: string, values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `      <data key="${prefix}${k}">${xmlText(v)}</data>\n`)
    .join('');
}

export async function* writeGraphml(graph: ExportGraph): AsyncIterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    `  <desc>${xmlText(describe(graph))}</desc>\n` +
    keys('node', 'n_', NODE_ATTRIBUTES) +
    keys('edge', 'e_', EDGE_ATTRIBUTES) +
    '  <graph id="accords" edgedefault="directed">\n';
  for await (const node of graph.nodes()) {
    yield `    <node id="${xmlText(node.id)}">\n` + data('n_', nodeAttributes(node)) + '    </node>\n';
  }
  for await (const rel of graph.relationships()) {
    yield `    <edge source="${xmlText(rel.from)}" target="${xmlText(rel.to)}">\n` +
      data('e_', edgeAttributes(rel)) +
      '    </edge>\n';
  }
  yield '  </graph>\n</graphml>\n';
}
