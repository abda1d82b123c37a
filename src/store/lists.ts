import type { Database } from '../db/database';
import { buildListQuery, type ListKind } from '../cypher';
import { luceneQuery } from './lucene';
import type { NodeRow } from './rows';

export type { ListKind } from '../cypher';

/** One page of a list and the list's size; cursors and pageInfo are the API's (src/graphql/connections.ts). */
export interface ListPage {
  nodes: NodeRow[];
  totalCount: number;
}

export interface ListArgs {
  filter: Record<string, unknown>;
  order: string;
  first: number;
  /** Offset of the first item. */
  skip: number;
}

/**
 * One page of organisations, people, agreements or programmes, with the total count: one round-trip. Words
 * in the filter use the tolerant Lucene query (prefixes and typos): a filter must not drop what a search finds.
 */
export async function listNodes(db: Database, kind: ListKind, args: ListArgs): Promise<ListPage> {
  const text = typeof args.filter.text === 'string' ? args.filter.text : null;
  const textQuery = text === null ? null : luceneQuery(text);
  if (text !== null && textQuery === null) return { nodes: [], totalCount: 0 };
  const { text: query, params } = buildListQuery({ kind, filter: args.filter, textQuery, order: args.order, skip: args.skip, first: args.first });
  const [row] = await db.read<{ totalCount: number; page: NodeRow[] }>(query, params);
  return { nodes: row?.page ?? [], totalCount: row?.totalCount ?? 0 };
}
