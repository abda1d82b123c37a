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
export async function serveStatic(_req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
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
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': stat.size,
    'cache-control': 'no-cache',
    'content-security-policy': contentSecurityPolicy(path.join(WEB_DIST, 'index.html')),
  });
  fs.createReadStream(file).pipe(res);
}
