/**
 * The explorer's only door to Accords: POSTs to /graphql using the public contract (schema/*.graphql) and
 * turns answers into the few shapes the page draws. Every query the page sends is in web/src/queries.ts.
 */
import { isKind } from './kinds';

export interface SourceRef {
  id: string;
  title: string;
  date?: string | null;
  publisher?: string | null;
  file?: string | null;
  type?: string | null;
  author?: string | null;
}

export interface Evidence {
  quote: string;
  source: SourceRef;
}

/** A node as the graph draws it. */
export interface GraphNode {
  id: string;
  kind: string;
  label: string;
  date?: string | null;
}

/** A relationship as the graph draws it. */
export interface GraphEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, string | number | boolean | null>;
  evidence: Evidence[];
}

/** The server's error, phrased for the reader; `code` is the GraphQL extensions code when there is one. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

function post(query: string, variables: Record<string, unknown>, token?: string): Promise<Response> {
  return fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
}

/** Requests sent by prefetch.js while the app's bundle still loads; gql() takes each answer once. */
interface EarlyWindow {
  __accordsEarly?: Map<string, Promise<Response>>;
  /** Set by the app's first request: prefetch.js, run later than the app (a slow server), then asks nothing. */
  __accordsAppStarted?: boolean;
}
const early = (): Map<string, Promise<Response>> => ((window as unknown as EarlyWindow).__accordsEarly ??= new Map());
const keyOf = (query: string, variables: Record<string, unknown>) => JSON.stringify([query, variables]);

export function prefetch(query: string, variables: Record<string, unknown>): void {
  // The two scripts load in either order; whichever runs second must not ask again.
  if ((window as unknown as EarlyWindow).__accordsAppStarted) return;
  const pending = post(query, variables);
  pending.catch(() => undefined); // gql() reports the failure when it takes the answer
  early().set(keyOf(query, variables), pending);
}

/** `token`: an editor's, kept in memory by the editor pane only (never stored, never in the URL). */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  let res: Response;
  (window as unknown as EarlyWindow).__accordsAppStarted = true;
  try {
    const key = keyOf(query, variables);
    const pending = token ? undefined : early().get(key);
    if (!token) early().delete(key);
    res = await (pending ?? post(query, variables, token));
  } catch {
    throw new ApiError('Accords cannot be reached. Check that the server is running, then try again.', 'NETWORK');
  }
  let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`Accords answered with an unexpected response (HTTP ${res.status}).`, 'BAD_RESPONSE');
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'ERROR');
  if (!body.data) throw new ApiError('Accords answered without data.', 'BAD_RESPONSE');
  return body.data;
}

/** The name a node is shown by: `name` for most kinds, `title` for agreements, clauses, commitments, sources. */
export function labelOf(raw: { name?: string | null; title?: string | null; id: string }): string {
  return raw.name ?? raw.title ?? raw.id;
}

export function toGraphNode(raw: {
  __typename?: string;
  id: string;
  name?: string | null;
  title?: string | null;
  date?: string | null;
}): GraphNode {
  const kind = raw.__typename && isKind(raw.__typename) ? raw.__typename : (raw.__typename ?? 'Node');
  return { id: raw.id, kind, label: labelOf(raw), date: raw.date ?? null };
}
