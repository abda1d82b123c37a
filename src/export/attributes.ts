import { RELATIONSHIP_TYPES } from '../model/model';
import type { ExportNode, ExportRelationship } from './graph';
import { distinctSources, evidenceOf, labelOf, str } from './evidence';

/**
 * The columns GEXF and GraphML give each node and edge: what Gephi or NetworkX can filter, size and colour
 * by (kind, type, date, evidence counts), plus the quotes themselves, so a file stays self-explanatory.
 */

export type AttributeType = 'string' | 'integer' | 'boolean' | 'double';

export interface Attribute {
  id: string;
  type: AttributeType;
}

export const NODE_ATTRIBUTES: Attribute[] = [
  { id: 'kind', type: 'string' },
  { id: 'label', type: 'string' },
  { id: 'type', type: 'string' },
  { id: 'date', type: 'string' },
  { id: 'datePrecision', type: 'string' },
  { id: 'description', type: 'string' },
  { id: 'evidenceCount', type: 'integer' },
  { id: 'sourceCount', type: 'integer' },
  { id: 'sources', type: 'string' },
  { id: 'quotes', type: 'string' },
];

export const EDGE_ATTRIBUTES: Attribute[] = [
  { id: 'id', type: 'string' },
  { id: 'type', type: 'string' },
  // The relationship's own fields in the model (role, title, onBehalfOf, asOf …).
  ...[...new Set(Object.values(RELATIONSHIP_TYPES).flatMap((t) => Object.keys(t.fields)))]
    .filter((f) => f !== 'type')
    .map((id) => ({ id, type: 'string' as const })),
  { id: 'evidenceCount', type: 'integer' },
  { id: 'sourceCount', type: 'integer' },
  { id: 'sources', type: 'string' },
  { id: 'quotes', type: 'string' },
];

/** Quotes (and source lists) are joined by this line: `src-a: quote` one per line. */
const joinLines = (lines: string[]) => lines.join('\n');

export function nodeAttributes(node: ExportNode): Record<string, string | number | undefined> {
  const evidence = evidenceOf(node.props);
  return {
    kind: node.kind,
    label: labelOf(node.kind, node.props),
    type: str(node.props.type),
    date: str(node.props.date),
    datePrecision: str(node.props.datePrecision),
    description: str(node.props.description ?? node.props.text),
    evidenceCount: evidence.length,
    sourceCount: distinctSources(evidence).length,
    sources: distinctSources(evidence).join(' '),
    quotes: joinLines(evidence.map((e) => `${e.source}: ${e.quote}`)),
  };
}

export function edgeAttributes(rel: ExportRelationship): Record<string, string | number | undefined> {
  const evidence = evidenceOf(rel.props);
  const computed: Record<string, string | number> = {
    id: rel.id,
    type: rel.type,
    evidenceCount: evidence.length,
    sourceCount: distinctSources(evidence).length,
    sources: distinctSources(evidence).join(' '),
    quotes: joinLines(evidence.map((e) => `${e.source}: ${e.quote}`)),
  };
  // In the declared order, the relationship's own fields read from its properties.
  return Object.fromEntries(EDGE_ATTRIBUTES.map((a) => [a.id, a.id in computed ? computed[a.id] : str(rel.props[a.id])]));
}

/** When the fact starts to hold, for a timeline: the node's date, the relationship's date or asOf. */
export const nodeDate = (node: ExportNode) => str(node.props.date);
export const edgeDate = (rel: ExportRelationship) => str(rel.props.date ?? rel.props.asOf);
