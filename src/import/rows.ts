import { NODE_KINDS, NodeKindName, RELATIONSHIP_TYPES, RelationshipTypeName } from '../model/model';
import { properties } from '../model/properties';
import { relationshipId } from '../model/identity';

/**
 * A validated file turned into the rows the write queries take. Scalar properties are set (`+=`), so a
 * property given by another file survives; lists of names are merged; evidence is a list of
 * (source, quote) pairs, appended without duplicates.
 */

export interface NodeRow {
  id: string;
  kind: NodeKindName;
  props: Record<string, unknown>;
  lists: Record<string, string[]>;
  sources: string[];
  quotes: string[];
}

export interface RelationshipRow {
  id: string;
  type: RelationshipTypeName;
  from: string;
  to: string;
  key: string;
  props: Record<string, unknown>;
  lists: Record<string, string[]>;
  sources: string[];
  quotes: string[];
}

type Doc = {
  source: Record<string, unknown> & { id: string; evidence: string[] };
  nodes?: Array<Record<string, unknown> & { id: string; kind: NodeKindName; evidence: string[] }>;
  relationships?: Array<
    Record<string, unknown> & { type: RelationshipTypeName; from: string; to: string; key?: string; evidence: string[] }
  >;
};

const unique = (quotes: string[]) => [...new Set(quotes)];

export function fileRows(doc: unknown): { nodes: NodeRow[]; relationships: RelationshipRow[] } {
  const d = doc as Doc;
  const sourceId = d.source.id;
  const evidence = (quotes: string[]) => {
    const q = unique(quotes);
    return { sources: q.map(() => sourceId), quotes: q };
  };
  const nodes: NodeRow[] = [
    { id: sourceId, kind: 'Source', ...properties(NODE_KINDS.Source.fields, d.source), ...evidence(d.source.evidence) },
  ];
  for (const n of d.nodes ?? []) {
    nodes.push({ id: n.id, kind: n.kind, ...properties(NODE_KINDS[n.kind].fields, n), ...evidence(n.evidence) });
  }
  const relationships: RelationshipRow[] = [];
  for (const r of d.relationships ?? []) {
    const key = r.key ?? '';
    const { props, lists } = properties(RELATIONSHIP_TYPES[r.type].fields, r);
    relationships.push({
      id: relationshipId(r.from, r.type, r.to, key),
      type: r.type,
      from: r.from,
      to: r.to,
      key,
      props,
      lists,
      ...evidence(r.evidence),
    });
  }
  return { nodes, relationships };
}
