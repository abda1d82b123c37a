import type { ListPage } from '../store/lists';
import type { NodeRow } from '../store/rows';

/**
 * Relay connections are the API's way of paging, not the store's: the store returns a page of rows and the
 * total (src/store/lists.ts), and cursors and `pageInfo` are made here.
 */

/** Opaque cursors: the position in the ordered list. The filter and order come again with the next ask. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`accords:${offset}`).toString('base64url');
}

/** The offset a cursor stands for, or null when it is not a cursor this API gave out. */
export function decodeCursor(cursor: string): number | null {
  const match = /^accords:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
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

/** The connection of a page that starts `skip` items into its list and was asked `first` items. */
export function connection({ nodes, totalCount }: ListPage, skip: number, first: number): ConnectionRow {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(skip + i + 1), node }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: skip + nodes.length < totalCount && nodes.length === first,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
