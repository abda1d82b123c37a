import neo4j, { BookmarkManager, Driver, ManagedTransaction, Neo4jError, type Record as Neo4jRecord } from 'neo4j-driver';
import { log } from '../log';
import { Availability } from './availability';
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
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|Pool is closed/.test(String(e?.message))) {
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
  /** A query running longer is cancelled in Neo4j and answered with a coded timeout (default 10 s). */
  queryTimeoutMs?: number;
}

const DEFAULT_QUERY_TIMEOUT_MS = 10_000;
/** Beyond the server's own deadline, how long the client waits for an answer before giving up on a hung server. */
const CLIENT_GRACE_MS = 2_000;
/** Tries of one query: transient failures (deadlocks, a lost connection to a live server) are run again. */
const MAX_ATTEMPTS = 3;
/** Distinct read texts kept for `warmUp` (the API emits a few dozen shapes). */
const MAX_RECENT_READS = 64;
/** A query slower than this has the server checked meanwhile (see `runOnce`). */
const CHECK_AFTER_MS = 200;

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
    /** Shared by every handle of this driver: known-down means fail at once. */
    readonly availability: Availability,
    private readonly parent?: Database,
    /** Set when a request sent back a write's bookmark: its reads wait until the database has that write. */
    private readonly bookmarkManager?: BookmarkManager,
  ) {}

  static async connect(options: ConnectionOptions): Promise<Database> {
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 5_000,
      // A blackholed server (no refusal, no answer) is given up on after this; a refused one at once.
      connectionTimeout: 3_000,
      // No retries inside the driver: they kept the first request after an outage waiting 3 s on a server that
      // refused every connection. `run()` retries itself, knowing why a query failed (see there).
      maxTransactionRetryTime: 0,
      logging: { level: 'error', logger: (_level, message) => log.debug('neo4j driver', { message }) },
    });
    try {
      await driver.verifyConnectivity({ database: options.database });
    } catch (err) {
      await driver.close().catch(() => undefined);
      throw describeNeo4jError(err, options.uri, options.user);
    }
    const availability = new Availability(
      async () => {
        await driver.verifyConnectivity({ database: options.database });
      },
      (err) => describeNeo4jError(err, options.uri, options.user).code === 'UNAVAILABLE',
    );
    return new Database(driver, options, availability);
  }

  /** A handle sharing the driver but counting its own round-trips: one per GraphQL request. */
  scoped(bookmarks?: string[]): Database {
    const manager = bookmarks?.length ? neo4j.bookmarkManager({ initialBookmarks: bookmarks }) : undefined;
    return new Database(this.driver, this.options, this.availability, this, manager);
  }

  /**
   * A handle whose queries may run `ms` (the start's warm-up: planning a large query text on a cold JVM can take
   * longer than a request is allowed, and a plan given up on is not cached, so it would be planned again).
   */
  withQueryTimeout(ms: number): Database {
    return new Database(this.driver, { ...this.options, queryTimeoutMs: ms }, this.availability, this, this.bookmarkManager);
  }

  private get queryTimeoutMs(): number {
    return this.options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  }

  /** Refuses at once while the database is known to be down: no request waits on retries that cannot succeed. */
  private guard(): void {
    if (!this.availability.isUp) {
      throw new DatabaseError(`Neo4j is not available (${this.availability.reason ?? 'unreachable'})`, 'UNAVAILABLE');
    }
  }

  /**
   * One query through the driver's managed transaction (retried on transient errors), cancelled when the
   * database goes down meanwhile or when the client-side deadline passes (a hung server); Neo4j itself stops
   * it at `queryTimeoutMs`.
   */
  /** The read query texts answered lately, each with the parameters of its last run (shared by scoped handles). */
  private get recentReads(): Map<string, Params> {
    return this.parent ? this.parent.recentReads : (this.ownRecentReads ??= new Map());
  }
  private ownRecentReads?: Map<string, Params>;

  /**
   * Runs the reads answered lately once each, a few at a time, bounded in time. After a restart Neo4j's plan
   * cache is empty: fifty clients then plan the same queries fifty times at once on a cold JVM (the first
   * request took 3.3 s alone, and under 50 clients almost nothing was answered for 15 s). Planned once here,
   * before the breaker closes, they are answered from the cache.
   */
  async warmUp(budgetMs = 10_000): Promise<{ queries: number; ms: number }> {
    const started = Date.now();
    const todo = [...this.recentReads];
    let done = 0;
    const worker = async () => {
      for (let next = todo.shift(); next && Date.now() - started < budgetMs; next = todo.shift()) {
        const [query, params] = next;
        await this.driver
          .executeQuery(query, params, { database: this.options.database, routing: neo4j.routing.READ, transactionConfig: { timeout: budgetMs } })
          .then(() => done++, () => undefined);
      }
    };
    await Promise.all([worker(), worker()]);
    return { queries: done, ms: Date.now() - started };
  }

  /** Who is told of every query text sent (shared by scoped handles): see `observeQueries`. */
  private get queryObservers(): Set<(text: string, params: Params) => void> {
    return this.parent ? this.parent.queryObservers : (this.ownQueryObservers ??= new Set());
  }
  private ownQueryObservers?: Set<(text: string, params: Params) => void>;

  /**
   * Calls `observer` with the text of every query sent through this driver from now on, until the returned
   * function is called: what tells whether requests vary parameters only (a new text is a new plan to make).
   * The parameters come too (bench/explorer-queries.ts replays a request's queries one by one).
   */
  observeQueries(observer: (text: string, params: Params) => void): () => void {
    const observers = this.queryObservers;
    observers.add(observer);
    return () => observers.delete(observer);
  }

  private async run<T>(query: string, params: Params, routing: 'READ' | 'WRITE', timeoutMs = this.queryTimeoutMs): Promise<T[]> {
    for (const observe of this.queryObservers) observe(query, params);
    if (routing === neo4j.routing.READ) {
      this.recentReads.delete(query);
      this.recentReads.set(query, params);
      if (this.recentReads.size > MAX_RECENT_READS) this.recentReads.delete(this.recentReads.keys().next().value!);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runOnce<T>(query, params, routing, timeoutMs);
      } catch (err) {
        if (!(err instanceof DatabaseError) || attempt >= MAX_ATTEMPTS || this.availability.signal.aborted) throw err;
        if (err.code === 'UNAVAILABLE') {
          // A connection lost: the server gone (fail now, and open the breaker for every other request), or
          // one connection or cluster member (Neo4j still answers: run the query again).
          const state = await this.availability.check();
          if (state === 'down') this.availability.markDown(err.message);
          if (state !== 'up') throw err;
        } else if (!(err.cause && neo4j.isRetryableError(err.cause as Error))) {
          throw err;
        }
        // A deadlock, a leader switch, a dropped connection: the work is safe to run twice (see the class note).
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }

  private async runOnce<T>(query: string, params: Params, routing: 'READ' | 'WRITE', timeoutMs: number): Promise<T[]> {
    this.guard();
    this.count();
    const down = this.availability.signal;
    const deadline = AbortSignal.timeout(timeoutMs + CLIENT_GRACE_MS);
    const signal = AbortSignal.any([down, deadline]);
    // The driver honours the signal only at some points of a query's life (seen: reads in flight when Neo4j
    // was killed waited 30 s); the race answers the request the moment the signal fires, whatever the driver does.
    const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    // The driver takes most of a second to give up on a connection the server reset; a query not answered
    // within CHECK_AFTER_MS has the server checked (once for all such queries), and the breaker opens, aborting
    // it, as soon as the server refuses connections.
    const watch = setTimeout(() => {
      void this.availability.check().then((state) => state === 'down' && this.availability.markDown('Neo4j refuses connections'));
    }, CHECK_AFTER_MS);
    try {
      const res = await Promise.race([
        routing === neo4j.routing.READ
          ? this.autoCommitRead(query, params, timeoutMs)
          : this.driver.executeQuery(query, params, {
              database: this.options.database,
              routing,
              transactionConfig: { timeout: timeoutMs },
              signal,
              ...(this.bookmarkManager ? { bookmarkManager: this.bookmarkManager } : {}),
            }),
        aborted,
      ]);
      return res.records.map((r) => toNative(r.toObject()) as T);
    } catch (err) {
      if (down.aborted) throw new DatabaseError(`Neo4j is not available (${this.availability.reason ?? 'unreachable'})`, 'UNAVAILABLE', err);
      const failure = deadline.aborted
        ? new DatabaseError('The query took longer than the database allows and was stopped', 'TIMEOUT', err)
        : describeNeo4jError(err, this.options.uri, this.options.user);
      // Which query, for whoever reads the server's log (clients get the coded error only).
      if (failure.code === 'TIMEOUT') log.warn('query stopped at its deadline', { timeoutMs, query: query.replace(/\s+/g, ' ').slice(0, 240) });
      throw failure;
    } finally {
      clearTimeout(watch);
    }
  }

  /**
   * One read as an auto-commit query (RUN and PULL, no BEGIN and COMMIT): one query is one statement, and
   * `run()` retries it itself. Half the CPU per query of a managed transaction, in the driver and in Neo4j
   * (bench/transactions.ts). It follows the same bookmarks as executeQuery would (the request's, else the
   * driver's default chain), so what a read sees is unchanged; the transaction timeout still stops it in Neo4j.
   */
  private async autoCommitRead(query: string, params: Params, timeoutMs: number): Promise<{ records: Neo4jRecord[] }> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.bookmarkManager ?? this.driver.executeQueryBookmarkManager,
    });
    try {
      return await session.run(query, params, { timeout: timeoutMs });
    } finally {
      await session.close();
    }
  }

  private count(): void {
    this.roundTrips++;
    if (this.parent) this.parent.roundTrips++;
  }

  /**
   * Runs one read query (routed to a follower on a cluster) and returns its rows as plain objects; `timeoutMs`
   * sets a shorter deadline than the server-wide one for a query whose caller has a fallback.
   */
  read<T = Row>(query: string, params: Params = {}, options: { timeoutMs?: number } = {}): Promise<T[]> {
    return this.run<T>(query, params, neo4j.routing.READ, Math.min(options.timeoutMs ?? Infinity, this.queryTimeoutMs));
  }

  /** Runs one write query in its own transaction. */
  write<T = Row>(query: string, params: Params = {}): Promise<T[]> {
    return this.run<T>(query, params, neo4j.routing.WRITE);
  }

  /** Several statements in one write transaction, all or nothing (imports). */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    this.guard();
    this.count();
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, timeoutMs ? { timeout: timeoutMs } : undefined);
    } catch (err) {
      const described = describeNeo4jError(err, this.options.uri, this.options.user);
      if (described.code === 'UNAVAILABLE') this.availability.markDown(described.message);
      throw described;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * One write transaction (an API write: lock, check, write, log) whose bookmark is returned with its result:
   * a client sending the bookmark back (X-Accords-Bookmark) reads its own write on any API instance, even
   * against a cluster's follower.
   */
  async writeWithBookmark<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<{ result: T; bookmark: string }> {
    this.guard();
    this.count();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.WRITE,
      ...(this.bookmarkManager ? { bookmarkManager: this.bookmarkManager } : {}),
    });
    try {
      const result = await session.executeWrite(work, { timeout: this.queryTimeoutMs });
      return { result, bookmark: session.lastBookmarks().join(',') };
    } catch (err) {
      // The work's own refusals (a stale version, a quote not found) are the client's answer, as they are.
      if (!(err instanceof Neo4jError)) throw err;
      const described = describeNeo4jError(err, this.options.uri, this.options.user);
      if (described.code === 'UNAVAILABLE') this.availability.markDown(described.message);
      throw described;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** True when Neo4j answers within the time given; false at once while it is known to be down. */
  async ping(timeoutMs = 1000): Promise<boolean> {
    if (!this.availability.isUp) return false;
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        session.run('RETURN 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
      ]);
      return true;
    } catch (err) {
      // A slow answer (a busy server) is not an outage; a refused or broken connection is.
      const described = (err as Error)?.message === 'timeout' ? undefined : describeNeo4jError(err, this.options.uri, this.options.user);
      if (described?.code === 'UNAVAILABLE') this.availability.markDown(described.message);
      return false;
    } finally {
      // Left pending, the timer kept the process alive for up to timeoutMs after the answer (jest's "did not exit").
      clearTimeout(timer);
      session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.parent) return;
    this.availability.close();
    await this.driver.close();
  }
}
