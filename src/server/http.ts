import { ApolloServer, HeaderMap } from '@apollo/server';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../db/database';
import { log } from '../log';
import { createContext, type Context } from '../graphql/context';
import { createApollo } from '../graphql/server';
import type { AccessConfig } from '../config';
import { AccessControl } from './access';
import { checkDocument, HttpError, readBody, sendError, sendJson } from './requests';
import { setSecurityHeaders } from './securityHeaders';
import { serveStatic } from './static';
import { EXPORT_PATH, handleExport } from './export';

export interface AppOptions {
  db: Database;
  host: string;
  port: number;
  adminToken?: string;
  /** How long `close()` lets requests under way finish before closing their connections (default 10 s). */
  drainMs?: number;
  /** Sign-in, roles and CORS; the defaults: public reads, no cross-origin writes. */
  access?: AccessConfig;
}

const DEFAULT_ACCESS: AccessConfig = { reads: 'public', corsOrigins: [], openCorsReads: true, failuresPerMinute: 10 };

export interface RunningApp {
  url: string;
  port: number;
  apollo: ApolloServer<Context>;
  close(): Promise<void>;
}

/**
 * The HTTP server: `/graphql` (Apollo), `/health` (Neo4j's state) and the explorer's static files. Plain
 * node:http keeps the server small and stateless; everything per request lives in the GraphQL context.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const apollo = createApollo();
  await apollo.start();
  const access = new AccessControl(options.db, options.access ?? DEFAULT_ACCESS, options.adminToken);

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // CORS preflights, sign-in, its rate limit and private reads are decided first (src/server/access.ts).
    const identity = await access.admit(req, res);
    if (!identity) return;
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'POST') {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on /graphql: use GET or POST`, { allow: 'GET, POST' });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = '';
    if (method === 'POST') {
      const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const raw = await readBody(req);
      if (type !== 'application/json') {
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `A POST to /graphql must have content-type application/json, got "${type || 'none'}"`);
      }
      try {
        body = JSON.parse(raw);
      } catch {
        throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON');
      }
      for (const one of Array.isArray(body) ? body : [body]) checkDocument((one as { query?: unknown } | null)?.query);
    } else {
      checkDocument(url.searchParams.get('query'));
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => createContext(options.db, identity),
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

  /** Neo4j's state as the breaker and the supervisor know it; asks Neo4j only when it is thought up. */
  async function handleHealth(res: ServerResponse): Promise<void> {
    const up = await options.db.ping();
    const { state, reason, since, restarts } = options.db.availability.report();
    if (up) return sendJson(res, 200, { status: 'ok', neo4j: 'up', restarts });
    // Thought up but silent: a slow or hung server the breaker has not seen fail yet.
    const neo4j = state === 'up' ? 'down' : state;
    sendJson(res, 503, { status: 'degraded', neo4j, reason: reason ?? 'Neo4j did not answer in time', since, restarts });
  }

  let draining = false;
  const inFlight = new Set<ServerResponse>();

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    inFlight.add(res);
    const done = () => {
      inFlight.delete(res);
      log.debug('request', {
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    };
    res.on('close', done);
    setSecurityHeaders(res);
    if (draining) {
      req.resume();
      return sendError(res, 503, 'SHUTTING_DOWN', 'Accords is stopping; try again shortly', { connection: 'close', 'retry-after': '5' });
    }
    (async () => {
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (EXPORT_PATH.test(url.pathname)) {
        // An export is a read: a private instance asks for a token here too.
        if (!(await access.admit(req, res))) return;
        return handleExport(req, res, url, options.db);
      }
      if (url.pathname === '/health') return handleHealth(res);
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(req, res, url);
      throw new HttpError(404, 'NOT_FOUND', `Nothing at ${req.method} ${url.pathname}`);
    })().catch((err: Error) => {
      if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message, err.headers);
      // The client went away (closed its connection mid-request): nobody to answer, nothing wrong here.
      if (req.destroyed || (err as NodeJS.ErrnoException).code === 'ECONNRESET') {
        log.debug('client went away', { path: url.pathname, message: err.message });
        return;
      }
      log.error('http handler failed', { message: err.message, stack: err.stack });
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
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
      // Stop taking requests (new connections refused, requests on kept-alive ones answered 503), let the ones
      // under way finish within drainMs, then close what is left and stop Apollo.
      draining = true;
      const drainMs = options.drainMs ?? 10_000;
      const pending = inFlight.size;
      const started = Date.now();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        const force = setTimeout(() => server.closeAllConnections(), drainMs);
        server.once('close', () => {
          clearInterval(idle);
          clearTimeout(force);
        });
      });
      if (pending) log.info('requests under way finished', { requests: pending, ms: Date.now() - started, cut: inFlight.size });
      await apollo.stop();
    },
  };
}
