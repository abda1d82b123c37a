import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edgeAttributes, edgeDate, nodeAttributes, nodeDate, type Attribute } from './attributes';
import { firstDay } from './evidence';
import type { ExportGraph } from './graph';
import { xmlText } from './xml';

/**
 * GEXF 1.3 (Gephi), valid against gexf.net's schema (tests/fixtures/xsd/gexf-1.3). The graph is dynamic: a
 * dated node or relationship starts at its date (a partial date at the first day it covers), so Gephi's
 * timeline plays agreements, signatures and roles in order; undated facts are always there. Ids are the
 * graph's own.
 */

const attributeDeclarations = (cls: 'node' | 'edge', attributes: Attribute[]) =>
  `    <attributes class="${cls}" mode="static">\n` +
  attributes.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>\n`).join('') +
  '    </attributes>\n';

function attvalues(values: Record<string, string | number | undefined>, indent: string): string {
  const set = Object.entries(values).filter(([, v]) => v !== undefined && v !== '');
  if (!set.length) return '';
  return (
    `${indent}<attvalues>\n` +
    set.map(([k, v]) => `${indent}  <attvalue for="${k}" value="${xmlText(v)}"/>\n`).join('') +
    `${indent}</attvalues>\n`
  );
}

const start = (date: string | undefined) => {
  const day = firstDay(date);
  return day ? ` start="${day}"` : '';
};

export async function* writeGexf(graph: ExportGraph): AsyncIterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
    `  <meta><creator>Accords</creator><description>${xmlText(describe(graph))}</description></meta>\n` +
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n' +
    attributeDeclarations('node', NODE_ATTRIBUTES) +
    attributeDeclarations('edge', EDGE_ATTRIBUTES) +
    '    <nodes>\n';
  for await (const node of graph.nodes()) {
    const values = nodeAttributes(node);
    yield `      <node id="${xmlText(node.id)}" label="${xmlText(values.label)}"${start(nodeDate(node))}>\n` +
      attvalues(values, '        ') +
      '      </node>\n';
  }
  yield '    </nodes>\n    <edges>\n';
  for await (const rel of graph.relationships()) {
    yield `      <edge id="${xmlText(rel.id)}" source="${xmlText(rel.from)}" target="${xmlText(rel.to)}" label="${rel.type}"${start(edgeDate(rel))}>\n` +
      attvalues(edgeAttributes(rel), '        ') +
      '      </edge>\n';
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/** What the file holds, in words (its scope). */
export function describe(graph: ExportGraph): string {
  const s = graph.scope;
  if (s.kind === 'source') return `Accords: the facts source document ${s.source} states`;
  if (s.kind === 'neighbourhood') return `Accords: the neighbourhood of ${s.center} to depth ${s.depth}`;
  return 'Accords: the whole graph';
}
