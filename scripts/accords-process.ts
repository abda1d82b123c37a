/**
 * `npm start`'s process (src/main.ts) run as a child, as a user runs it: its own Neo4j in its own data folder
 * and ports. Shared by the supervision test and the fault run (scripts/fault-run.ts).
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export interface AccordsProcess {
  /** http://host:port of the API. */
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** The java pid of the Neo4j running now (read from the data folder's pid file). */
  neo4jPid(): number | undefined;
  /** The local Neo4j's password (generated on its first start). */
  neo4jPassword(): string;
  boltPort: number;
  /** Every JSON log line so far. */
  lines: Array<Record<string, unknown>>;
  /** Resolves with the first log line whose msg is `msg` (and that `match` accepts), or rejects after `timeoutMs`. */
  waitFor(msg: string, timeoutMs: number, match?: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startAccordsProcess(options: { dataDir: string; env?: Record<string, string>; readyTimeoutMs?: number }): Promise<AccordsProcess> {
  const boltPort = await freePort();
  const { NEO4J_URI: _uri, NEO4J_PASSWORD: _pw, PORT: _port, ...inherited } = process.env;
  // Node itself with tsx's loader, not the tsx wrapper: the child's pid is then Accords' own, so that a signal
  // (SIGKILL included) reaches Accords and not a wrapper that would leave it running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: '0',
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_DATA_DIR: options.dataDir,
      NEO4J_HEAP: '1g',
      NEO4J_PAGECACHE: '256m',
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ msg: string; match?: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }> = [];
  let buffer = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl;
    while ((nl = buffer.indexOf('\n')) !== -1) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text);
      } catch {
        line = { msg: 'unparsed', text };
      }
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.msg === line.msg && (!w.match || w.match(line))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (msg: string, timeoutMs: number, match?: (l: Record<string, unknown>) => boolean) => {
    const seen = lines.find((l) => l.msg === msg && (!match || match(l)));
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const last = () => lines.slice(-8).map((l) => JSON.stringify(l)).join('\n');
      const timer = setTimeout(() => reject(new Error(`no "${msg}" within ${timeoutMs} ms; last lines:\n${last()}`)), timeoutMs);
      timer.unref();
      waiters.push({ msg, match, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`Accords exited before "${msg}"; last lines:\n${last()}`));
      });
    });
  };
  let ready: Record<string, unknown>;
  try {
    ready = await waitFor('accords ready', options.readyTimeoutMs ?? 180_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const pidFile = path.join(options.dataDir, 'run', 'accords-neo4j.pid');
  return {
    url: String(ready.graphql).replace(/\/graphql$/, ''),
    child,
    dataDir: options.dataDir,
    boltPort,
    lines,
    waitFor,
    exited,
    neo4jPid: () => (fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) || undefined : undefined),
    neo4jPassword: () => fs.readFileSync(path.join(options.dataDir, 'password'), 'utf8').trim(),
  };
}
