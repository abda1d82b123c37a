import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROOT } from '../config';
import { contentSecurityPolicy } from './securityHeaders';

const WEB_DIST = path.join(ROOT, 'web', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** Serves the explorer built into web/dist; every asset is local, so the page works offline. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const file = path.resolve(WEB_DIST, '.' + rel);
  if (!file.startsWith(WEB_DIST + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  // `no-cache` has the browser ask again every time (a rebuilt explorer is never served stale), and the
  // validator lets it keep what it has: an unchanged app.js is answered 304 and not downloaded and compiled
  // again on every page (most of a warm page's time in Chromium).
  const etag = `W/"${stat.size.toString(16)}-${Math.trunc(stat.mtimeMs).toString(16)}"`;
  const headers = {
    'cache-control': 'no-cache',
    etag,
    'content-security-policy': contentSecurityPolicy(path.join(WEB_DIST, 'index.html')),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': stat.size });
  fs.createReadStream(file).pipe(res);
}
