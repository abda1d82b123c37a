import type { AccessConfig } from '../../src/config';
import type { Database } from '../../src/db/database';
import { startApp, RunningApp } from '../../src/server/http';
import { testDatabase } from './db';

export interface GraphQLResponse<T = any> {
  status: number;
  headers?: Headers;
  extensions?: Record<string, any>;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

export interface TestServer {
  app: RunningApp;
  db: Database;
  url: string;
  /** POSTs a GraphQL operation over HTTP, as a client would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real Accords HTTP server on a free port, over the run's real Neo4j. */
export async function startTestServer(options: { adminToken?: string; access?: Partial<AccessConfig> } = {}): Promise<TestServer> {
  const db = await testDatabase();
  const access: AccessConfig = { reads: 'public', corsOrigins: [], openCorsReads: true, failuresPerMinute: 10, ...options.access };
  const app = await startApp({ db, host: '127.0.0.1', port: 0, adminToken: options.adminToken, access });
  return {
    app,
    db,
    url: app.url,
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: res.status, headers: res.headers, ...body };
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
