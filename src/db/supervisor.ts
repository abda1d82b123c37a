import { log } from '../log';
import type { Availability } from './availability';
import type { LocalNeo4j } from './launcher';

export interface SupervisorOptions {
  /** Restart attempts after one crash before giving up. */
  attempts: number;
  /** Wait before the second attempt; doubled before each next one (the first is immediate). */
  firstBackoffMs: number;
  /** Crashes within `crashWindowMs` beyond which a server that keeps dying is given up on. */
  maxCrashes: number;
  crashWindowMs: number;
}

export const DEFAULT_SUPERVISOR: SupervisorOptions = { attempts: 5, firstBackoffMs: 1_000, maxCrashes: 5, crashWindowMs: 10 * 60_000 };

export interface Supervisor {
  /** Stops supervising (before Accords stops Neo4j itself). */
  stop(): void;
}

/**
 * Keeps the local Neo4j that Accords started running: when it dies, the API learns it at once (requests get
 * DATABASE_UNAVAILABLE, /health 503), the server is started again with backoff on the same data (committed
 * transactions are in its log, so nothing acknowledged is lost), and requests succeed again without a restart
 * of the API. After repeated failures it gives up and says why, in the log and in /health.
 */
export function superviseLocalNeo4j(
  local: LocalNeo4j,
  availability: Availability,
  options: SupervisorOptions = DEFAULT_SUPERVISOR,
  /** Run after a restart, before requests are let in again (plans the usual queries: see Database.warmUp). */
  warmUp: () => Promise<unknown> = async () => undefined,
): Supervisor {
  let stopped = false;
  const crashes: number[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const giveUp = (why: string) => {
    const message = `the local Neo4j could not be kept running (${why}); fix the cause (its log: <NEO4J_DATA_DIR>/logs) and restart Accords`;
    availability.markDown(message, 'failed');
    log.error('neo4j supervision gave up', { reason: why });
  };

  async function recover(): Promise<void> {
    let lastError = '';
    for (let attempt = 1; attempt <= options.attempts; attempt++) {
      if (stopped) return;
      if (attempt > 1) await sleep(options.firstBackoffMs * 2 ** (attempt - 2));
      if (stopped) return;
      const started = Date.now();
      try {
        await local.restart();
        if (stopped) return;
        const warmed = await warmUp().catch(() => undefined);
        if (stopped) return;
        availability.restarts++;
        availability.markUp();
        log.info('neo4j restarted', { attempt, pid: local.pid, ms: Date.now() - started, warmed });
        return;
      } catch (err) {
        lastError = (err as Error).message.split('\n')[0] ?? String(err);
        log.warn('neo4j restart failed', { attempt, of: options.attempts, reason: lastError });
        availability.markDown(`the local Neo4j exited; restart ${attempt} of ${options.attempts} failed (${lastError})`, 'restarting');
      }
    }
    if (!stopped) giveUp(`${options.attempts} restarts failed; the last: ${lastError}`);
  }

  local.onUnexpectedExit(({ code, signal }) => {
    if (stopped) return;
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0]! < now - options.crashWindowMs) crashes.shift();
    log.error('neo4j exited unexpectedly', { how, crashes_in_window: crashes.length });
    if (crashes.length > options.maxCrashes) {
      giveUp(`it exited ${crashes.length} times in ${Math.round(options.crashWindowMs / 60_000)} minutes, the last ${how}`);
      return;
    }
    availability.markDown(`the local Neo4j exited (${how}); restarting it`, 'restarting');
    void recover();
  });

  return {
    stop() {
      stopped = true;
    },
  };
}
