import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Cross-origin access. Reads may come from any origin (a public instance: notebooks, other web apps) or
 * only from the listed ones; writes only ever from the listed ones or the server's own pages, and only
 * listed origins are told they may send an Authorization header, so a page elsewhere cannot use an
 * editor's token even if it has one.
 */
export interface CorsPolicy {
  /** Origins allowed to read and write, e.g. `https://newsroom.example`. */
  origins: readonly string[];
  /** Reads from any origin (true), or only from the listed ones. */
  openReads: boolean;
}

const ALLOWED_HEADERS_READ = 'content-type, accept, x-accords-bookmark';
const ALLOWED_HEADERS_WRITE = `${ALLOWED_HEADERS_READ}, authorization, idempotency-key`;

export interface OriginCheck {
  /** Sent no Origin (not a browser's cross-origin call), or its own origin. */
  sameOrigin: boolean;
  listed: boolean;
  origin?: string;
}

export function checkOrigin(req: IncomingMessage, policy: CorsPolicy): OriginCheck {
  const origin = req.headers.origin;
  if (!origin) return { sameOrigin: true, listed: false };
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  return { origin, sameOrigin: host !== undefined && host === req.headers.host, listed: policy.origins.includes(origin) };
}

/** May a request from there write? Its own pages, clients that send no Origin (curl, servers), listed origins. */
export const mayWrite = (o: OriginCheck) => o.sameOrigin || o.listed;
const mayRead = (o: OriginCheck, policy: CorsPolicy) => o.sameOrigin || o.listed || policy.openReads;

/** Sets the CORS headers of an answer to a cross-origin request that may read it. */
export function setCorsHeaders(res: ServerResponse, o: OriginCheck, policy: CorsPolicy): void {
  if (!o.origin || o.sameOrigin) return;
  res.setHeader('vary', 'Origin');
  if (!mayRead(o, policy)) return;
  res.setHeader('access-control-allow-origin', o.origin);
  res.setHeader('access-control-expose-headers', 'content-type');
}

/** Answers a preflight: 204 with what this origin may send, or 403 for an origin that may not call at all. */
export function answerPreflight(res: ServerResponse, o: OriginCheck, policy: CorsPolicy): void {
  if (o.origin && !o.sameOrigin && !mayRead(o, policy)) {
    res.writeHead(403, { vary: 'Origin', 'content-type': 'text/plain; charset=utf-8' }).end('Origin not allowed');
    return;
  }
  res.writeHead(204, {
    vary: 'Origin',
    ...(o.origin ? { 'access-control-allow-origin': o.origin } : {}),
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': o.listed || o.sameOrigin ? ALLOWED_HEADERS_WRITE : ALLOWED_HEADERS_READ,
    'access-control-max-age': '600',
  });
  res.end();
}
