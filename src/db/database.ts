import neo4j, { BookmarkManager, Driver, ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { log } from '../log';
import { toNative } from './values';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Why the database could not be used, in one sentence a user can act on. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    message: string,
    readonly code: 'UNAVAILABLE' | 'AUTH' | 'CLIENT' | 'TIMEOUT' | 'OTHER',
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** Maps a driver error onto a DatabaseError: the one place where Neo4j's codes are interpreted. */
export function describeNeo4jError(err: unknown, uri: string, user: string): DatabaseError {
  if (err instanceof DatabaseError) return err;
  const e = err as Neo4jError & { code?: string };
  const code = e?.code ?? '';
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new DatabaseError(`Neo4j at ${uri} refused the credentials of user "${user}": check NEO4J_USER and NEO4J_PASSWORD`, 'AUTH', err);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT/.test(String(e?.message))) {
    // The driver's message is a paragraph; its last cause ("connect ECONNREFUSED …") is the useful part.
    const cause = /Caused by: (.*)$/.exec(String(e?.message ?? ''))?.[1] ?? firstLine(e?.message);
    return new DatabaseError(`Neo4j is not reachable at ${uri} (${cause})`, 'UNAVAILABLE', err);
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code.includes('TransactionTimedOut')) {
    return new DatabaseError('The query took longer than the database allows and was stopped', 'TIMEOUT', err);
  }
  if (code.startsWith('Neo.ClientError')) {
    return new DatabaseError(`Neo4j rejected the request: ${firstLine(e?.message)}`, 'CLIENT', err);
  }
  return new DatabaseError(`Neo4j failed: ${firstLine(e?.message ?? String(err))}`, 'OTHER', err);
}

function firstLine(text: unknown): string {
  return String(text ?? '').split('\n')[0] ?? '';
}

export interface ConnectionOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * One driver per process. Reads go through read transactions (routed to followers on a cluster), writes
 * through write transactions; both are retried on transient errors by the driver, so work given to them must
 * be safe to run twice.
 */
export class Database {
  /** Round-trips made through this handle; see `scoped()`. */
  roundTrips = 0;

  private constructor(
    readonly driver: Driver,
    readonly options: ConnectionOptions,
    private readonly parent?: Database,
    /** Set when a request sent back a write's bookmark: its reads wait until the database has that write. */
    private readonly bookmarkManager?: BookmarkManager,
  ) {}

  static async connect(options: ConnectionOptions): Promise<Database> {
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      logging: { level: 'error', logger: (_level, message) => log.debug('neo4j driver', { message }) },
    });
    try {
      await driver.verifyConnectivity({ database: options.database });
    } catch (err) {
      await driver.close().catch(() => undefined);
      throw describeNeo4jError(err, options.uri, options.user);
    }
    return new Database(driver, options);
  }

  /** A handle sharing the driver but counting its own round-trips: one per GraphQL request. */
  scoped(bookmarks?: string[]): Database {
    const manager = bookmarks?.length ? neo4j.bookmarkManager({ initialBookmarks: bookmarks }) : undefined;
    return new Database(this.driver, this.options, this, manager);
  }

  private count(): void {
    this.roundTrips++;
    if (this.parent) this.parent.roundTrips++;
  }

  /** Runs one read query and returns its rows as plain objects. */
  async read<T = Row>(query: string, params: Params = {}): Promise<T[]> {
    this.count();
    try {
      const res = await this.driver.executeQuery(query, params, {
        database: this.options.database,
        routing: neo4j.routing.READ,
        ...(this.bookmarkManager ? { bookmarkManager: this.bookmarkManager } : {}),
      });
      return res.records.map((r) => toNative(r.toObject()) as T);
    } catch (err) {
      throw describeNeo4jError(err, this.options.uri, this.options.user);
    }
  }

  /** Runs one write query in its own transaction. */
  async write<T = Row>(query: string, params: Params = {}): Promise<T[]> {
    this.count();
    try {
      const res = await this.driver.executeQuery(query, params, {
        database: this.options.database,
        routing: neo4j.routing.WRITE,
      });
      return res.records.map((r) => toNative(r.toObject()) as T);
    } catch (err) {
      throw describeNeo4jError(err, this.options.uri, this.options.user);
    }
  }

  /** Several statements in one write transaction, all or nothing (imports). */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    this.count();
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, timeoutMs ? { timeout: timeoutMs } : undefined);
    } catch (err) {
      throw describeNeo4jError(err, this.options.uri, this.options.user);
    } finally {
      await session.close();
    }
  }

  /**
   * One write transaction whose bookmark is returned with its result: a client sending the bookmark back
   * (X-Accords-Bookmark) reads its own write on any API instance, even against a cluster's follower.
   */
  async writeWithBookmark<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<{ result: T; bookmark: string }> {
    this.count();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.WRITE,
      ...(this.bookmarkManager ? { bookmarkManager: this.bookmarkManager } : {}),
    });
    try {
      const result = await session.executeWrite(work);
      return { result, bookmark: session.lastBookmarks().join(',') };
    } catch (err) {
      // The work's own refusals (a stale version, a quote not found) are the client's answer, as they are.
      if (!(err instanceof Neo4jError)) throw err;
      throw describeNeo4jError(err, this.options.uri, this.options.user);
    } finally {
      await session.close();
    }
  }

  /** True when Neo4j answers within the time given. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        session.run('RETURN 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      // Left pending, the timer kept the process alive for up to timeoutMs after the answer (jest's "did not exit").
      clearTimeout(timer);
      session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (!this.parent) await this.driver.close();
  }
}
