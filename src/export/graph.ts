import neo4j, { type Integer } from 'neo4j-driver';
import { cypher } from '../cypher';
import { Database, DatabaseError, describeNeo4jError, type Params } from '../db/database';
import type { NodeKindName, RelationshipTypeName } from '../model/model';
import { ExportError } from './errors';

/**
 * The graph an export writes, read in pages: nodes in id order, then relationships grouped by their start
 * node in id order. Each page is one read transaction of a bounded size (keyset paging on the id index, never
 * SKIP), so an export of a million relationships holds one page at a time, whatever the writer.
 */

/** A stored value as Neo4j holds it: integers stay apart from floats (bigint), so scripts restore the type. */
export type Value = string | number | boolean | bigint | Value[];

export interface ExportNode {
  id: string;
  kind: NodeKindName;
  /** Every stored property, `id` and the evidence lists included. */
  props: Record<string, Value>;
}

export interface ExportRelationship {
  id: string;
  type: RelationshipTypeName;
  from: string;
  to: string;
  fromKind: NodeKindName;
  toKind: NodeKindName;
  /** The `type` property of each end (an organisation's sort), which FtM's schemas depend on. */
  fromType?: string;
  toType?: string;
  props: Record<string, Value>;
}

export interface SourceInfo {
  title?: string;
  publisher?: string;
}

export type Scope =
  | { kind: 'all' }
  | { kind: 'source'; source: string }
  | { kind: 'neighbourhood'; center: string; depth: number };

export interface ExportGraph {
  scope: Scope;
  /** Every source document's title and publisher, by id (evidence names them). */
  sources: Map<string, SourceInfo>;
  nodes(): AsyncIterable<ExportNode>;
  relationships(): AsyncIterable<ExportRelationship>;
}

/** Deepest neighbourhood an export takes, as for the GraphQL `neighbourhood`. */
export const MAX_EXPORT_DEPTH = 3;
/** Most nodes a neighbourhood export holds: its ids are kept in memory to decide which relationships belong. */
export const MAX_NEIGHBOURHOOD_NODES = 200_000;

export interface ReaderOptions {
  /** Nodes per page, and about the relationships per page (4,000). */
  pageSize?: number;
}

/** Converts what the driver gives into Values, keeping integers as bigint. */
function fromNeo4j(value: unknown): Value {
  if (neo4j.isInt(value)) return (value as Integer).toBigInt();
  if (Array.isArray(value)) return value.map(fromNeo4j);
  return value as Value;
}

function propsOf(raw: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const key of Object.keys(raw).sort()) out[key] = fromNeo4j(raw[key]);
  return out;
}

type Raw = Record<string, unknown>;

/** A page may take as long as any query (ConnectionOptions.queryTimeoutMs), no longer. */
const PAGE_TIMEOUT_MS = 10_000;

/**
 * Runs one page in its own read transaction (routed to a follower on a cluster; retried on transient
 * errors), refused at once while the database is known to be down, and held to the database's query deadline.
 */
async function readPage(db: Database, name: string, params: Params): Promise<Raw[]> {
  if (!db.availability.isUp) {
    throw new DatabaseError(`Neo4j is not available (${db.availability.reason ?? 'unreachable'})`, 'UNAVAILABLE');
  }
  const session = db.driver.session({ database: db.options.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => (await tx.run(cypher(name), params)).records.map((r) => r.toObject()), {
      timeout: db.options.queryTimeoutMs ?? PAGE_TIMEOUT_MS,
    });
  } catch (err) {
    const described = describeNeo4jError(err, db.options.uri, db.options.user);
    if (described.code === 'UNAVAILABLE') db.availability.markDown(described.message);
    throw described;
  } finally {
    await session.close();
  }
}

const toNumber = (v: unknown) => (neo4j.isInt(v) ? (v as Integer).toNumber() : Number(v));

function relationshipOf(row: Raw): ExportRelationship {
  const props = propsOf(row.props as Raw);
  return {
    id: String(props.id),
    type: row.type as RelationshipTypeName,
    from: row.from as string,
    to: row.to as string,
    fromKind: row.fromKind as NodeKindName,
    toKind: row.toKind as NodeKindName,
    ...(row.fromType == null ? {} : { fromType: String(row.fromType) }),
    ...(row.toType == null ? {} : { toType: String(row.toType) }),
    props,
  };
}

/** The kind of the node `id`, or undefined when there is none. */
async function kindOf(db: Database, id: string): Promise<string | undefined> {
  const rows = await readPage(db, 'export-nodes-by-id', { ids: [id] });
  return rows[0]?.kind as string | undefined;
}

/** The ids of the nodes within `depth` steps of `center`, with the source documents their facts cite. */
async function neighbourhoodIds(db: Database, center: string, depth: number): Promise<string[]> {
  const seen = new Set([center]);
  let frontier = [center];
  for (let level = 0; level < depth && frontier.length; level++) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += 5000) {
      for (const row of await readPage(db, 'export-neighbours', { frontier: frontier.slice(i, i + 5000) })) {
        const id = row.id as string;
        if (seen.has(id)) continue;
        seen.add(id);
        next.push(id);
        if (seen.size > MAX_NEIGHBOURHOOD_NODES) {
          throw new ExportError(
            `The neighbourhood of "${center}" to depth ${depth} holds more than ${MAX_NEIGHBOURHOOD_NODES} nodes: export a smaller depth, or the whole graph`,
            'EXPORT_TOO_LARGE',
          );
        }
      }
    }
    frontier = next;
  }
  const ids = [...seen];
  const [cited] = await readPage(db, 'export-neighbourhood-sources', { ids });
  for (const s of (cited?.cited as string[] | undefined) ?? []) seen.add(s);
  return [...seen].sort();
}

/**
 * Opens the graph of one export: checks the scope (an unknown id is a NOT_FOUND before anything is
 * written), reads the source documents' titles and publishers, and returns the page readers.
 */
export async function openExportGraph(db: Database, scope: Scope, options: ReaderOptions = {}): Promise<ExportGraph> {
  const page = options.pageSize ?? 4000;
  if (scope.kind === 'neighbourhood') {
    if (!Number.isInteger(scope.depth) || scope.depth < 0 || scope.depth > MAX_EXPORT_DEPTH) {
      throw new ExportError(`depth must be an integer from 0 to ${MAX_EXPORT_DEPTH}, got ${scope.depth}`, 'BAD_USER_INPUT', 'depth');
    }
    if (!(await kindOf(db, scope.center))) throw new ExportError(`No node with id "${scope.center}"`, 'NOT_FOUND', 'center');
  }
  if (scope.kind === 'source' && (await kindOf(db, scope.source)) !== 'Source') {
    throw new ExportError(`No source document with id "${scope.source}"`, 'NOT_FOUND', 'source');
  }

  const sources = new Map<string, SourceInfo>();
  for (const row of await readPage(db, 'export-sources', {})) {
    sources.set(row.id as string, {
      ...(row.title == null ? {} : { title: String(row.title) }),
      ...(row.publisher == null ? {} : { publisher: String(row.publisher) }),
    });
  }

  const source = scope.kind === 'source' ? scope.source : null;
  let cited: string[] = [];
  if (scope.kind === 'source') {
    const [row] = await readPage(db, 'export-cited-sources', { source });
    cited = [...new Set([scope.source, ...((row?.cited as string[] | undefined) ?? [])])];
  }
  const members = scope.kind === 'neighbourhood' ? await neighbourhoodIds(db, scope.center, scope.depth) : undefined;
  const memberSet = members ? new Set(members) : undefined;

  async function* nodes(): AsyncIterable<ExportNode> {
    if (members) {
      for (let i = 0; i < members.length; i += page) {
        for (const row of await readPage(db, 'export-nodes-by-id', { ids: members.slice(i, i + page) })) {
          yield { id: row.id as string, kind: row.kind as NodeKindName, props: propsOf(row.props as Raw) };
        }
      }
      return;
    }
    let after = '';
    for (;;) {
      const rows = await readPage(db, 'export-nodes', { after, limit: page, source, cited });
      for (const row of rows) yield { id: row.id as string, kind: row.kind as NodeKindName, props: propsOf(row.props as Raw) };
      if (rows.length < page) return;
      after = rows[rows.length - 1]!.id as string;
    }
  }

  /** The relationships of a hub, a page at a time in id order. */
  async function* hub(id: string): AsyncIterable<ExportRelationship> {
    let after = '';
    for (;;) {
      const rows = await readPage(db, 'export-hub-relationships', { id, after, limit: page, source });
      for (const row of rows) yield relationshipOf(row);
      if (rows.length < page) return;
      after = String((rows[rows.length - 1]!.props as Raw).id);
    }
  }

  async function* group(ids: string[]): AsyncIterable<ExportRelationship> {
    if (!ids.length) return;
    for (const row of await readPage(db, 'export-relationships', { ids, source })) yield relationshipOf(row);
  }

  /** Start nodes in id order with their outgoing counts: all nodes, or the neighbourhood's. */
  async function* starts(): AsyncIterable<{ id: string; out: number }[]> {
    if (members) {
      for (let i = 0; i < members.length; i += page) {
        const rows = await readPage(db, 'export-start-nodes-by-id', { ids: members.slice(i, i + page) });
        yield rows.map((r) => ({ id: r.id as string, out: toNumber(r.out) }));
      }
      return;
    }
    let after = '';
    for (;;) {
      const rows = await readPage(db, 'export-start-nodes', { after, limit: page, source });
      yield rows.map((r) => ({ id: r.id as string, out: toNumber(r.out) }));
      if (rows.length < page) return;
      after = rows[rows.length - 1]!.id as string;
    }
  }

  async function* relationships(): AsyncIterable<ExportRelationship> {
    const keep = (r: ExportRelationship) => !memberSet || (memberSet.has(r.from) && memberSet.has(r.to));
    for await (const batch of starts()) {
      let ids: string[] = [];
      let total = 0;
      for (const { id, out } of batch) {
        if (!out) continue;
        if (out > page) {
          for await (const r of group(ids)) if (keep(r)) yield r;
          ids = [];
          total = 0;
          for await (const r of hub(id)) if (keep(r)) yield r;
          continue;
        }
        if (total + out > page) {
          for await (const r of group(ids)) if (keep(r)) yield r;
          ids = [];
          total = 0;
        }
        ids.push(id);
        total += out;
      }
      for await (const r of group(ids)) if (keep(r)) yield r;
    }
  }

  return { scope, sources, nodes, relationships };
}
