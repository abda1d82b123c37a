import path from 'node:path';

/** Everything Accords reads from the environment, read once, in one place. */
export interface Config {
  host: string;
  port: number;
  /** Set when the user points Accords at their own Neo4j (Aura, a cluster, a local install). */
  neo4jUri?: string;
  neo4jUser: string;
  neo4jPassword?: string;
  neo4jDatabase: string;
  /** Local server (started by Accords when NEO4J_URI is unset). */
  local: {
    boltPort: number;
    httpPort?: number;
    dataDir: string;
    heap: string;
    pageCache: string;
    startTimeoutMs: number;
    /** Restarts tried after a crash of the local Neo4j before giving up, and the first wait between them. */
    restartAttempts: number;
    restartBackoffMs: number;
  };
  /** A query running longer is cancelled in Neo4j and answered with DATABASE_TIMEOUT. */
  queryTimeoutMs: number;
  /** How long a stop (SIGTERM, Ctrl-C) lets requests under way finish before closing their connections. */
  /** How long the start waits for the warm-up before saying ready (it goes on afterwards): ACCORDS_WARMUP_WAIT_MS; 0 skips it. */
  warmUpWaitMs: number;
  drainMs: number;
  /** An admin bearer token that needs no database (to create the first tokens); unset, only stored tokens work. */
  adminToken?: string;
  /** Sign-in, roles and cross-origin access (src/auth/, src/server/cors.ts). */
  access: AccessConfig;
  sourcesDir: string;
  dataDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export interface AccessConfig {
  /** `public`: anyone reads; `private`: reading needs a token too (any role). */
  reads: 'public' | 'private';
  /** Origins allowed to call with a token and to write (ACCORDS_CORS_ORIGINS, comma-separated). */
  corsOrigins: string[];
  /** Whether other origins may read (ACCORDS_CORS_READS=any, the default) or only the listed ones (`listed`). */
  openCorsReads: boolean;
  /** Failed sign-in attempts allowed per client address per minute. */
  failuresPerMinute: number;
}

export const ROOT = path.resolve(__dirname, '..');

function countFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name} must be a port number (0-65535), got "${raw}"`);
  }
  return value;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const level = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error, got "${env.LOG_LEVEL}"`);
  }
  const httpPort = env.NEO4J_HTTP_PORT ? intFromEnv(env, 'NEO4J_HTTP_PORT', 0) : undefined;
  return {
    host: env.HOST || '127.0.0.1',
    port: intFromEnv(env, 'PORT', 4000),
    neo4jUri: env.NEO4J_URI || undefined,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || undefined,
    neo4jDatabase: env.NEO4J_DATABASE || 'neo4j',
    local: {
      // 7687 is Neo4j's default; a different one keeps clear of a system-wide Neo4j.
      boltPort: intFromEnv(env, 'NEO4J_BOLT_PORT', 7697),
      httpPort,
      dataDir: path.resolve(ROOT, env.NEO4J_DATA_DIR || '.data/neo4j'),
      heap: env.NEO4J_HEAP || '4g',
      pageCache: env.NEO4J_PAGECACHE || '2g',
      startTimeoutMs: intFromEnv(env, 'NEO4J_START_TIMEOUT_S', 120) * 1000 || 120_000,
      restartAttempts: countFromEnv(env, 'NEO4J_RESTART_ATTEMPTS', 5, 1),
      restartBackoffMs: countFromEnv(env, 'NEO4J_RESTART_BACKOFF_MS', 1_000),
    },
    queryTimeoutMs: countFromEnv(env, 'ACCORDS_QUERY_TIMEOUT_MS', 10_000, 1),
    drainMs: countFromEnv(env, 'ACCORDS_DRAIN_MS', 10_000),
    warmUpWaitMs: countFromEnv(env, 'ACCORDS_WARMUP_WAIT_MS', 5_000),
    adminToken: env.ACCORDS_ADMIN_TOKEN || undefined,
    access: accessConfig(env),
    // The corpus' documents are part of the repository (data/sources): a fresh clone needs nothing beside it.
    sourcesDir: path.resolve(ROOT, env.ACCORDS_SOURCES_DIR || 'data/sources'),
    dataDir: path.resolve(ROOT, env.ACCORDS_DATA_DIR || 'data'),
    logLevel: level,
  };
}

function accessConfig(env: NodeJS.ProcessEnv): AccessConfig {
  const reads = env.ACCORDS_READS || 'public';
  if (reads !== 'public' && reads !== 'private') throw new ConfigError(`ACCORDS_READS must be public or private, got "${reads}"`);
  const corsReads = env.ACCORDS_CORS_READS || 'any';
  if (corsReads !== 'any' && corsReads !== 'listed') throw new ConfigError(`ACCORDS_CORS_READS must be any or listed, got "${corsReads}"`);
  const corsOrigins = (env.ACCORDS_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    // An origin is scheme://host[:port], exactly as browsers send it; a path or a slash would never match.
    if (!parsed || parsed.origin !== origin) {
      throw new ConfigError(`ACCORDS_CORS_ORIGINS must list origins such as https://example.org (no path, no trailing slash), got "${origin}"`);
    }
  }
  const failures = Number(env.ACCORDS_AUTH_FAILURES_PER_MINUTE || 10);
  if (!Number.isInteger(failures) || failures < 1) {
    throw new ConfigError(`ACCORDS_AUTH_FAILURES_PER_MINUTE must be a positive integer, got "${env.ACCORDS_AUTH_FAILURES_PER_MINUTE}"`);
  }
  return { reads, corsOrigins, openCorsReads: corsReads === 'any', failuresPerMinute: failures };
}
