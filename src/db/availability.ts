import { log } from '../log';

export type DatabaseState = 'up' | 'down' | 'restarting' | 'failed';

export interface AvailabilityReport {
  state: DatabaseState;
  /** Why the database is not up, in one sentence (absent when up). */
  reason?: string;
  /** When the state last changed (ISO time). */
  since: string;
  /** How many times Accords restarted its local Neo4j since it started. */
  restarts: number;
}

/**
 * Whether the database can be used, known without asking it: a circuit breaker shared by every handle of one
 * driver. While the database is down, queries fail at once (no request waits on retries that cannot succeed),
 * queries under way are cancelled, and a probe asks Neo4j twice a second until it answers; then requests
 * succeed again by themselves. The local Neo4j's supervisor also sets the state (it knows of a crash first).
 */
export class Availability {
  private current: DatabaseState = 'up';
  private why: string | undefined;
  private changedAt = Date.now();
  private probeTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private closed = false;
  /** Aborted when the database goes down: reads under way listen to it. */
  private downSignal = new AbortController();
  restarts = 0;

  constructor(
    /** Resolves when Neo4j answers; rejects otherwise. */
    private readonly probe: () => Promise<void>,
    /** True for an error that says the server cannot be reached at all. */
    private readonly isConnectionFailure: (err: unknown) => boolean,
    private readonly probeEveryMs = 500,
  ) {}

  get state(): DatabaseState {
    return this.current;
  }

  get isUp(): boolean {
    return this.current === 'up';
  }

  /** A signal that aborts when the database goes down (a fresh one after each recovery). */
  get signal(): AbortSignal {
    return this.downSignal.signal;
  }

  get reason(): string | undefined {
    return this.why;
  }

  report(): AvailabilityReport {
    return {
      state: this.current,
      ...(this.why ? { reason: this.why } : {}),
      since: new Date(this.changedAt).toISOString(),
      restarts: this.restarts,
    };
  }

  /**
   * Records that the database cannot be used. `restarting` and `failed` come from the supervisor, which
   * then owns recovery; `down` starts the probe.
   */
  markDown(reason: string, state: Exclude<DatabaseState, 'up'> = 'down'): void {
    if (this.closed) return;
    const was = this.current;
    this.current = state;
    this.why = reason;
    if (was === 'up') {
      this.changedAt = Date.now();
      log.warn('database unavailable', { state, reason });
      this.downSignal.abort();
    } else if (was !== state) {
      log.warn('database state', { state, reason });
    }
    if (state === 'down') this.startProbe();
    else this.stopProbe();
  }

  markUp(): void {
    if (this.closed || this.current === 'up') return;
    log.info('database available again', { after_ms: Date.now() - this.changedAt });
    this.current = 'up';
    this.why = undefined;
    this.changedAt = Date.now();
    this.downSignal = new AbortController();
    this.stopProbe();
  }

  private checking: Promise<'up' | 'down' | 'unknown'> | undefined;

  /**
   * Asks Neo4j now, once for all who ask meanwhile. `down` only when the connection itself fails (refused,
   * reset, unresolvable): then the breaker opens for every request. A slow answer is `unknown`, never an outage
   * (a busy server under load, a full connection pool).
   */
  check(timeoutMs = 500): Promise<'up' | 'down' | 'unknown'> {
    if (!this.isUp) return Promise.resolve('down');
    this.checking ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timedOut = new Promise<'unknown'>((resolve) => (timer = setTimeout(() => resolve('unknown'), timeoutMs)));
        return await Promise.race([this.probe().then(() => 'up' as const), timedOut]);
      } catch (err) {
        return this.isConnectionFailure(err) ? 'down' : 'unknown';
      } finally {
        clearTimeout(timer);
        this.checking = undefined;
      }
    })();
    return this.checking;
  }

  /** Starts probing (after the supervisor restarted Neo4j, or after a query found it unreachable). */
  startProbe(): void {
    if (this.probeTimer || this.closed) return;
    const tick = async () => {
      if (this.probing) return;
      this.probing = true;
      try {
        await this.probe();
        this.markUp();
      } catch {
        // Still down: the next tick asks again.
      } finally {
        this.probing = false;
      }
    };
    this.probeTimer = setInterval(() => void tick(), this.probeEveryMs);
    // The probe alone must not keep a process (a CLI, a test run) alive.
    this.probeTimer.unref();
    void tick();
  }

  private stopProbe(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = undefined;
  }

  close(): void {
    this.closed = true;
    this.stopProbe();
  }
}
