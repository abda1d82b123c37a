import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What the HTTP layer refuses before GraphQL sees a request, and how: every refusal is JSON in the GraphQL
 * error shape with an `extensions.code`, so that clients handle one format whatever went wrong.
 */

/** The largest request body read; larger ones get 413. Generous for any query with its variables. */
export const MAX_BODY_BYTES = 1_000_000;
/** Beyond this, an oversized body is not even read to its end: the connection is closed after the answer. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;
/**
 * Brackets nested deeper than this are refused before parsing. graphql-js parses recursively, so a document
 * nested thousands of levels deep would exhaust the stack; the validated limit on selections (MAX_DEPTH in
 * src/graphql/limits.ts) is far lower, and arguments add only a few levels.
 */
export const MAX_NESTING = 64;
/** The parser gives up beyond this many tokens (the explorer's largest operation has under 1,000). */
export const MAX_TOKENS = 5_000;

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Reads the body, up to MAX_BODY_BYTES. An oversized body is read to its end and dropped (a client still
 * sending would otherwise see its connection reset instead of the 413), unless it is far too large.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const tooLarge = () =>
    new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes`, { connection: 'close' });
  if (declared > MAX_DRAIN_BYTES) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) {
        req.pause();
        reject(tooLarge());
      }
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * The deepest bracket nesting of a GraphQL document, read without parsing it (strings, block strings and
 * comments skipped). Stops counting once past `limit`.
 */
export function nestingDepth(source: string, limit = MAX_NESTING): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end === -1 ? source.length : end + 2;
      } else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
      }
    } else if (c === '{' || c === '(' || c === '[') {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === '}' || c === ')' || c === ']') {
      depth--;
    }
  }
  return max;
}

/** Refuses a document nested too deep to parse safely. */
export function checkDocument(query: unknown): void {
  if (typeof query !== 'string') return;
  const depth = nestingDepth(query);
  if (depth > MAX_NESTING) {
    throw new HttpError(400, 'QUERY_TOO_COMPLEX', `The query is nested more than ${MAX_NESTING} levels deep; it was not parsed`);
  }
}
