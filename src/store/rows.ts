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
  /** Its name or title, when a query read only that (nodes of any kind). */
  label?: string | null;
  aliases?: string[] | null;
  type?: string | null;
  date?: string | null;
  datePrecision?: string | null;
  dateInferred?: string | null;
  description?: string | null;
  /** Set when the query read the evidence with the node (otherwise it is loaded when asked for). */
  evidence?: EvidenceRow[] | null;
  /** How many quotes it has, when the query counted them (`evidenceTotal`). */
  evidenceTotal?: number;
  /**
   * Set when the row holds only the fields one request field reads (queries that return the asked fields):
   * the node reached another way, e.g. as the end of its own relationships, is then read again.
   */
  partial?: boolean;
  /** Links a look-up fetched with the node, by the request field they answer (its place in the request). */
  prefetched?: Map<string, LinkRow[]>;
  /** The `…Total` of relationship fields a look-up counted with the node, by field name (`agreements`). */
  totals?: Map<string, number>;
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
  /** The organisation `onBehalfOf` names, when the query read it with the relationship. */
  onBehalfOfNode?: NodeRow | null;
  /** Set when the query read the evidence with the relationship (otherwise it is loaded when asked for). */
  evidence?: EvidenceRow[] | null;
}

/** A relationship seen from one of its ends: the node at the other end, and which way it points. */
export interface LinkRow {
  relationship: RelationshipRow;
  node: NodeRow;
  direction: 'OUT' | 'IN';
}

/** One quote and the source it comes from (its row, when the query read it too). */
export interface EvidenceRow {
  sourceId: string;
  quote: string;
  source?: NodeRow | null;
}

export interface SearchHitRow {
  score: number;
  node: NodeRow;
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

/** Precision of a partial ISO date: the number of its parts says it, so it cannot disagree with the date. */
export function precisionOf(date: string | null | undefined): 'YEAR' | 'MONTH' | 'DAY' | null {
  if (!date) return null;
  const parts = date.split('-').length;
  return parts >= 3 ? 'DAY' : parts === 2 ? 'MONTH' : 'YEAR';
}
