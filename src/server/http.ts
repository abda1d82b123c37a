import { ApolloServer, HeaderMap } from '@apollo/server';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../db/database';
import { log } from '../log';
import { createContext, type Context } from '../graphql/context';
import { createApollo } from '../graphql/server';
import { serveStatic } from './static';
import { EXPORT_PATH, handleExport } from './export';

export interface AppOptions {
  db: Database;
  host: string;
  port: number;
  adminToken?: string;
}

export interface RunningApp {
  url: string;
  port: number;
  apollo: ApolloServer<Context>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('Request body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The HTTP server: `/graphql` (Apollo), `/health` (Neo4j's state) and the explorer's static files. Plain
 * node:http keeps the server small and stateless; everything per request lives in the GraphQL context.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const apollo = createApollo();
  await apollo.start();

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const raw = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown = raw;
    if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
    }
    const token = (headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => createContext(options.db, !!options.adminToken && token === options.adminToken),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const done = () =>
      log.debug('request', {
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    res.on('finish', done);
    (async () => {
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (EXPORT_PATH.test(url.pathname)) return handleExport(req, res, url, options.db);
      if (url.pathname === '/health') {
        const up = await options.db.ping();
        return sendJson(res, up ? 200 : 503, { status: up ? 'ok' : 'degraded', neo4j: up ? 'up' : 'down' });
      }
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(req, res, url);
      sendJson(res, 404, { error: 'not found' });
    })().catch((err: Error & { status?: number }) => {
      if (!res.headersSent) sendJson(res, err.status ?? 500, { error: err.status ? err.message : 'Internal server error' });
      else res.end();
      if (!err.status) log.error('http handler failed', { message: err.message });
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port} on ${options.host} is already in use: set PORT to a free port`)
          : err,
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host}:${port}`;
  return {
    url,
    port,
    apollo,
    close: async () => {
      // Stop taking requests, let the ones under way finish, then stop Apollo.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      });
      await apollo.stop();
    },
  };
}
