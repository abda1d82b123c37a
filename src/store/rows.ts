import type { NodeKindName, RelationshipTypeName } from '../model/model';

/**
 * What the store returns: plain rows shaped like the graph, which codegen maps onto the GraphQL types
 * (codegen.ts `mappers`). A node row is the node's properties plus its kind and degree, so every scalar field
 * resolves by name without another query.
 */
export interface NodeRow {
  id: string;
  kind: NodeKindName;
  /** Number of relationships of any type. */
  degree: number;
  name?: string | null;
  title?: string | null;
  aliases?: string[] | null;
  type?: string | null;
  date?: string | null;
  datePrecision?: string | null;
  dateInferred?: string | null;
  description?: string | null;
  evidenceSources?: string[] | null;
  evidenceQuotes?: string[] | null;
  [property: string]: unknown;
}

/** A relationship with its properties; its ends as ids, and as rows when the query had them at hand. */
export interface RelationshipRow {
  id: string;
  type: RelationshipTypeName;
  fromId: string;
  toId: string;
  from?: NodeRow;
  to?: NodeRow;
  role?: string | null;
  title?: string | null;
  onBehalfOf?: string | null;
  date?: string | null;
  asOf?: string | null;
  datePrecision?: string | null;
  dateInferred?: string | null;
  evidenceSources?: string[] | null;
  evidenceQuotes?: string[] | null;
}

/** A relationship seen from one of its ends: the node at the other end, and which way it points. */
export interface LinkRow {
  relationship: RelationshipRow;
  node: NodeRow;
  direction: 'OUT' | 'IN';
}

/** One quote and the id of the source it comes from. */
export interface EvidenceRow {
  sourceId: string;
  quote: string;
}

export interface SearchHitRow {
  score: number;
  node: NodeRow;
}

export interface PageInfoRow {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionRow {
  edges: Array<{ cursor: string; node: NodeRow }>;
  nodes: NodeRow[];
  pageInfo: PageInfoRow;
  totalCount: number;
}

export interface NeighbourhoodRow {
  center: NodeRow;
  nodes: NodeRow[];
  edges: RelationshipRow[];
  truncated: boolean;
  omitted: Array<{ id: string; count: number }>;
}

export interface PathRow {
  length: number;
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

export interface CommonPartnerRow {
  partner: NodeRow;
  withA: NodeRow[];
  withB: NodeRow[];
}

export interface TimelineEntryRow {
  date: string;
  datePrecision: string;
  dateInferred: string | null;
  node: NodeRow;
}

/** The evidence of a node or relationship: its two parallel lists zipped. */
export function evidenceOf(fact: { evidenceSources?: string[] | null; evidenceQuotes?: string[] | null }): EvidenceRow[] {
  const sources = fact.evidenceSources ?? [];
  const quotes = fact.evidenceQuotes ?? [];
  return quotes.map((quote, i) => ({ sourceId: sources[i] ?? '', quote }));
}

/** Precision of a partial ISO date: the number of its parts says it, so it cannot disagree with the date. */
export function precisionOf(date: string | null | undefined): 'YEAR' | 'MONTH' | 'DAY' | null {
  if (!date) return null;
  const parts = date.split('-').length;
  return parts >= 3 ? 'DAY' : parts === 2 ? 'MONTH' : 'YEAR';
}
