import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from '../auth/authenticate';
import { FailureLimiter } from '../auth/rateLimit';
import type { AccessConfig } from '../config';
import type { Database } from '../db/database';
import type { RequestIdentity } from '../graphql/context';
import { answerPreflight, checkOrigin, CorsPolicy, mayWrite, setCorsHeaders } from './cors';

/**
 * The door of /graphql: CORS, sign-in and its rate limit, and private reads, decided before Apollo sees the
 * request. Returns who is asking, or null once it has answered the request itself (a preflight, a refused
 * token, too many failures, an anonymous request to a private instance).
 */
export class AccessControl {
  private readonly limiter: FailureLimiter;
  private readonly cors: CorsPolicy;

  constructor(
    private readonly db: Database,
    private readonly config: AccessConfig,
    private readonly adminToken?: string,
  ) {
    this.limiter = new FailureLimiter(config.failuresPerMinute, 60_000);
    this.cors = { origins: config.corsOrigins, openReads: config.openCorsReads };
  }

  async admit(req: IncomingMessage, res: ServerResponse): Promise<RequestIdentity | null> {
    const origin = checkOrigin(req, this.cors);
    if (req.method === 'OPTIONS') {
      answerPreflight(res, origin, this.cors);
      return null;
    }
    setCorsHeaders(res, origin, this.cors);
    const address = req.socket.remoteAddress ?? 'unknown';
    const header = req.headers.authorization;
    if (header) {
      const wait = this.limiter.retryAfterMs(address);
      if (wait > 0) {
        res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
        refuse(res, 429, 'TOO_MANY_REQUESTS', 'Too many failed sign-in attempts from this address; try again later');
        return null;
      }
    }
    const auth = await authenticate(this.db, header, this.adminToken);
    if (auth.kind === 'refused') {
      this.limiter.fail(address);
      refuse(res, 401, 'UNAUTHENTICATED', 'The bearer token is not valid (unknown, revoked or malformed)');
      return null;
    }
    const principal = auth.kind === 'signed-in' ? auth.principal : null;
    if (!principal && this.config.reads === 'private') {
      refuse(res, 401, 'UNAUTHENTICATED', 'This Accords instance is private: send Authorization: Bearer <token>');
      return null;
    }
    const key = req.headers['idempotency-key'];
    const bookmark = req.headers['x-accords-bookmark'];
    return {
      principal,
      originMayWrite: mayWrite(origin),
      idempotencyKey: typeof key === 'string' && key ? key : undefined,
      bookmarks: typeof bookmark === 'string' && bookmark ? bookmark.split(',').map((b) => b.trim()).filter(Boolean) : undefined,
    };
  }
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  // The body is not read: drained, so the connection can be kept alive.
  res.req.resume();
  if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="accords"');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
