import type { Database } from '../db/database';
import { buildListQuery, ListKind } from './shape';
import { luceneQuery } from './lucene';
import type { ConnectionRow, NodeRow } from './rows';

/** Opaque cursors: the position in the ordered list. The filter and order come again with the next ask. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`accords:${offset}`).toString('base64url');
}

/** The offset a cursor stands for, or null when it is not a cursor this API gave out. */
export function decodeCursor(cursor: string): number | null {
  const match = /^accords:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

export interface ListArgs {
  filter: Record<string, unknown>;
  order: string;
  first: number;
  /** Offset of the first item (from the `after` cursor). */
  skip: number;
}

/**
 * One page of organisations, people, agreements or programmes, with the total count: one round-trip. Words
 * in the filter use the tolerant Lucene query (prefixes and typos): a filter must not drop what a search finds.
 */
export async function listNodes(db: Database, kind: ListKind, args: ListArgs): Promise<ConnectionRow> {
  const text = typeof args.filter.text === 'string' ? args.filter.text : null;
  const textQuery = text === null ? null : luceneQuery(text);
  if (text !== null && textQuery === null) return page([], 0, args.skip, args.first);
  const { text: query, params } = buildListQuery({ kind, filter: args.filter, textQuery, order: args.order, skip: args.skip, first: args.first });
  const [row] = await db.read<{ totalCount: number; page: NodeRow[] }>(query, params);
  return page(row?.page ?? [], row?.totalCount ?? 0, args.skip, args.first);
}

function page(nodes: NodeRow[], totalCount: number, skip: number, first: number): ConnectionRow {
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
