import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Config } from '../config';
import { log } from '../log';
import { Database, DatabaseError } from './database';
import { NEO4J_DIR, RuntimeError, checkJava, ensureRuntime, javaBinary } from './runtime';

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  /** The java process of the server running now (a restart changes it). */
  readonly pid: number;
  /** Called when the server exits without `stop()` having been asked (a crash, a kill). */
  onUnexpectedExit(listener: (exit: { code: number | null; signal: NodeJS.Signals | null }) => void): void;
  /** Starts the server again on the same data, port and password, and waits until Bolt answers. */
  restart(): Promise<void>;
  /** Stops the server and waits for the java process to exit. */
  stop(): Promise<void>;
}

type LocalConfig = Config['local'];

/** Fails with one sentence when the port cannot be bound, before Neo4j is started on it. */
export function assertPortFree(port: number, host: string, what: string, envName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new RuntimeError(
          err.code === 'EADDRINUSE'
            ? `Port ${port} for ${what} is already in use: set ${envName} to a free port`
            : `Cannot listen on ${host}:${port} for ${what}: ${err.message}`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = LETTERS + '0123456789';

function randomChars(alphabet: string, count: number): string {
  let out = '';
  // crypto.randomInt draws without modulo bias.
  for (let i = 0; i < count; i++) out += alphabet[crypto.randomInt(alphabet.length)];
  return out;
}

/**
 * A password for a local Neo4j: 24 letters and digits (about 142 bits), starting with a letter. Nothing a
 * command line, a URL or a shell could read as something else: base64url could start with `-`, which
 * `neo4j-admin` took for an option.
 */
export function generatePassword(): string {
  return randomChars(LETTERS, 1) + randomChars(ALPHANUMERIC, 23);
}

/**
 * The password: NEO4J_PASSWORD if given, else the one generated on the first start of this data folder and
 * kept in its `password` file (reused as it is: an existing data folder keeps the password it was set up with).
 */
function localPassword(dataDir: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const generated = generatePassword();
  fs.writeFileSync(file, generated + '\n', { mode: 0o600 });
  return generated;
}

/**
 * `neo4j-admin dbms set-initial-password`, which must run before the very first start (afterwards the password
 * lives in the system database). `--` ends the options, so a password from NEO4J_PASSWORD that starts with
 * `-` is taken as the password, not as an unknown option.
 */
export function setInitialPassword(classpath: string, env: NodeJS.ProcessEnv, password: string): void {
  const res = spawnSync(javaBinary(), ['-cp', classpath, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', '--', password], {
    env,
    encoding: 'utf8',
  });
  if (res.error) throw new RuntimeError(`Could not run neo4j-admin to set Neo4j's initial password: ${res.error.message}`);
  if (res.status !== 0) {
    // neo4j-admin prints its usage after the error; the first line says what was wrong.
    const first = (res.stderr || res.stdout).trim().split('\n')[0];
    throw new RuntimeError(`Could not set Neo4j's initial password (neo4j-admin exited ${res.status}): ${first}`);
  }
}

function jvmFlags(confText: string): string[] {
  return confText
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('server.jvm.additional='))
    .map((l) => l.slice('server.jvm.additional='.length));
}

type Dirs = Record<'conf' | 'data' | 'logs' | 'run' | 'plugins' | 'import', string>;

function writeConfig(cfg: LocalConfig, dirs: Dirs, lib: string): string {
  const template = fs.readFileSync(path.join(NEO4J_DIR, 'neo4j.conf'), 'utf8');
  const generated = [
    '',
    '# --- written by src/db/launcher.ts from the environment ---',
    `server.directories.data=${dirs.data}`,
    `server.directories.logs=${dirs.logs}`,
    `server.directories.run=${dirs.run}`,
    `server.directories.plugins=${dirs.plugins}`,
    `server.directories.import=${dirs.import}`,
    `server.directories.lib=${lib}`,
    `server.bolt.listen_address=127.0.0.1:${cfg.boltPort}`,
    `server.http.enabled=${cfg.httpPort ? 'true' : 'false'}`,
    ...(cfg.httpPort ? [`server.http.listen_address=127.0.0.1:${cfg.httpPort}`] : []),
    `server.memory.heap.initial_size=512m`,
    `server.memory.heap.max_size=${cfg.heap}`,
    `server.memory.pagecache.size=${cfg.pageCache}`,
    '',
  ].join('\n');
  const text = template + generated;
  fs.writeFileSync(path.join(dirs.conf, 'neo4j.conf'), text);
  return text;
}

/** Where the running server's pid and its owner's (the Accords process that started it) are kept. */
const pidFileOf = (dataDir: string) => path.join(dataDir, 'run', 'accords-neo4j.pid');

function readPidFile(file: string): { pid: number; owner: number; boltPort?: number } | undefined {
  if (!fs.existsSync(file)) return undefined;
  const [pid, owner, boltPort] = fs.readFileSync(file, 'utf8').split('\n').map(Number);
  return pid ? { pid, owner: owner || 0, boltPort: boltPort || undefined } : undefined;
}

/**
 * The Neo4j an Accords process (`npm start`) runs on this data folder, if any: its Bolt port is in the pid
 * file, so a command (`npm run import`) uses that server instead of starting a second one on the same files.
 */
export function runningLocalNeo4j(dataDir: string): { pid: number; owner: number; boltPort: number } | undefined {
  const running = readPidFile(pidFileOf(dataDir));
  if (!running?.boltPort || !isAlive(running.pid) || !running.owner || !isAlive(running.owner)) return undefined;
  return { pid: running.pid, owner: running.owner, boltPort: running.boltPort };
}

/**
 * The data folder's layout and configuration, written as a start writes them, for the offline tools that must
 * run while the server is stopped (`neo4j-admin database import full`, src/import/adminImport.ts).
 */
export function prepareLocalHome(cfg: LocalConfig): { home: string; dataDir: string; classpath: string; env: NodeJS.ProcessEnv } {
  const lib = ensureRuntime();
  const home = cfg.dataDir;
  const sub = (d: string) => path.join(home, d);
  const dirs: Dirs = { conf: sub('conf'), data: sub('data'), logs: sub('logs'), run: sub('run'), plugins: sub('plugins'), import: sub('import') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  writeConfig(cfg, dirs, lib);
  return { home, dataDir: dirs.data, classpath: `${lib}/*`, env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: dirs.conf } };
}

/** Whether the data folder holds a store for the `neo4j` database yet (none before the first start or load). */
export const hasDatabaseStore = (cfg: LocalConfig, database = 'neo4j') => fs.existsSync(path.join(cfg.dataDir, 'data', 'databases', database));

async function terminate(pid: number, graceMs = 30_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < graceMs && isAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * A watchdog beside the server: when this process dies without stopping Neo4j (SIGKILL, a crash of Node), the
 * watchdog stops Neo4j within a second, so no java process is left behind whatever happened. It ends by itself
 * when Neo4j ends.
 */
function spawnWatchdog(javaPid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${javaPid} 2>/dev/null; do sleep 1; done
if kill -0 ${javaPid} 2>/dev/null; then kill -TERM ${javaPid}; sleep 30; kill -KILL ${javaPid} 2>/dev/null; fi`;
  const dog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  dog.on('error', () => undefined);
  dog.unref();
}

/**
 * Starts a Neo4j server owned by this process: resolves its jars from Maven Central if needed, keeps its data
 * in `cfg.dataDir` (reused by the next start), waits until Bolt answers, and stops it on `stop()`. A server
 * left running by an Accords that died is stopped first.
 */
export async function startLocalNeo4j(cfg: LocalConfig, passwordFromEnv?: string): Promise<LocalNeo4j> {
  checkJava();
  const lib = ensureRuntime();
  const home = cfg.dataDir;
  const sub = (d: string) => path.join(home, d);
  const dirs: Dirs = { conf: sub('conf'), data: sub('data'), logs: sub('logs'), run: sub('run'), plugins: sub('plugins'), import: sub('import') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const pidFile = pidFileOf(home);
  const previous = readPidFile(pidFile);
  if (previous && isAlive(previous.pid)) {
    if (previous.owner && previous.owner !== process.pid && isAlive(previous.owner)) {
      throw new RuntimeError(
        `A Neo4j for ${home} is already running (pid ${previous.pid}, started by process ${previous.owner}): stop that Accords first, or run \`npm run neo4j -- stop\``,
      );
    }
    log.warn('stopping a Neo4j left running by an Accords that is gone', { pid: previous.pid, owner: previous.owner });
    await terminate(previous.pid);
  }
  fs.rmSync(pidFile, { force: true });
  await assertPortFree(cfg.boltPort, '127.0.0.1', "Neo4j's Bolt", 'NEO4J_BOLT_PORT');
  if (cfg.httpPort) await assertPortFree(cfg.httpPort, '127.0.0.1', "Neo4j's HTTP", 'NEO4J_HTTP_PORT');

  const password = localPassword(home, passwordFromEnv);
  if (password.length < 8) throw new RuntimeError('NEO4J_PASSWORD must have at least 8 characters for a local Neo4j');
  const conf = writeConfig(cfg, dirs, lib);
  const classpath = `${lib}/*`;
  const env = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: dirs.conf };

  const firstStart = !fs.existsSync(path.join(dirs.data, 'databases', 'system'));
  if (firstStart) setInitialPassword(classpath, env, password);

  const consoleLog = path.join(dirs.logs, 'console.log');
  const uri = `bolt://127.0.0.1:${cfg.boltPort}`;
  const listeners: Array<Parameters<LocalNeo4j['onUnexpectedExit']>[0]> = [];
  let stopping = false;

  interface Running {
    pid: number;
    /** Set once Bolt answered: an exit before that is a failed start (reported by `waitForBolt`), not a crash. */
    ready?: boolean;
    /** Set once the process has exited. */
    exit?: { code: number | null; signal: NodeJS.Signals | null };
    exited: Promise<void>;
  }
  let current: Running;

  function spawnServer(): Running {
    const out = fs.openSync(consoleLog, 'a');
    // Its own process group: Ctrl-C reaches Accords, which then stops Neo4j in order, after closing the driver.
    const child: ChildProcess = spawn(
      javaBinary(),
      [
        `-Xms512m`,
        `-Xmx${cfg.heap}`,
        ...jvmFlags(conf),
        '-cp',
        classpath,
        'org.neo4j.server.CommunityEntryPoint',
        `--home-dir=${home}`,
        `--config-dir=${dirs.conf}`,
        '--console-mode',
      ],
      { env, detached: true, stdio: ['ignore', out, out] },
    );
    fs.closeSync(out);
    const running: Running = { pid: child.pid!, exited: Promise.resolve() };
    fs.writeFileSync(pidFile, `${running.pid}\n${process.pid}\n${cfg.boltPort}\n`);
    spawnWatchdog(running.pid);
    running.exited = new Promise<void>((resolve) =>
      child.once('exit', (code, signal) => {
        running.exit = { code, signal };
        if (readPidFile(pidFile)?.pid === running.pid) fs.rmSync(pidFile, { force: true });
        resolve();
        if (!stopping && running.ready && current === running) for (const listener of listeners) listener(running.exit);
      }),
    );
    return running;
  }

  /** Waits until Bolt answers; stops the server and throws a sentence naming the cause otherwise. */
  async function waitForBolt(running: Running): Promise<void> {
    const started = Date.now();
    const deadline = started + cfg.startTimeoutMs;
    for (;;) {
      if (stopping) throw new RuntimeError('Accords is stopping: Neo4j was not started');
      if (running.exit) {
        const how = running.exit.signal ? `signal ${running.exit.signal}` : `code ${running.exit.code}`;
        throw new RuntimeError(`Neo4j exited during start (${how}). Last lines of ${consoleLog}:\n${tail(consoleLog)}`);
      }
      if (Date.now() > deadline) {
        await terminate(running.pid);
        throw new RuntimeError(`Neo4j did not answer on ${uri} within ${cfg.startTimeoutMs / 1000} s. Last lines of ${consoleLog}:\n${tail(consoleLog)}`);
      }
      try {
        const db = await Database.connect({ uri, user: 'neo4j', password, database: 'neo4j' });
        await db.close();
        running.ready = true;
        return;
      } catch (err) {
        if (err instanceof DatabaseError && err.code === 'AUTH') {
          await terminate(running.pid);
          throw new RuntimeError(
            `The local Neo4j in ${home} refused the password${passwordFromEnv ? ' in NEO4J_PASSWORD' : ` in ${path.join(home, 'password')}`}: it was set on its first start; use that one, or delete ${home} to start afresh`,
          );
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  // A crash of this process must not leave Neo4j behind (the watchdog covers a SIGKILL of it).
  const onExit = () => {
    if (!current.exit && isAlive(current.pid)) process.kill(current.pid, 'SIGTERM');
  };
  process.on('exit', onExit);

  const started = Date.now();
  current = spawnServer();
  try {
    await waitForBolt(current);
  } catch (err) {
    process.off('exit', onExit);
    throw err;
  }
  log.info('neo4j started', { uri, pid: current.pid, ms: Date.now() - started, firstStart });

  return {
    uri,
    user: 'neo4j',
    password,
    get pid() {
      return current.pid;
    },
    onUnexpectedExit(listener) {
      listeners.push(listener);
    },
    async restart() {
      if (!current.exit) await terminate(current.pid);
      await current.exited;
      await assertPortFree(cfg.boltPort, '127.0.0.1', "Neo4j's Bolt", 'NEO4J_BOLT_PORT');
      const begun = Date.now();
      current = spawnServer();
      await waitForBolt(current);
      log.info('neo4j started again', { uri, pid: current.pid, ms: Date.now() - begun });
    },
    async stop() {
      stopping = true;
      process.off('exit', onExit);
      if (current.exit) return;
      await terminate(current.pid);
      await current.exited;
      log.info('neo4j stopped', { pid: current.pid });
    },
  };
}

/** Stops a local Neo4j left running for this data folder (after a crash). */
export async function stopLeftover(cfg: LocalConfig): Promise<boolean> {
  const pidFile = pidFileOf(cfg.dataDir);
  const running = readPidFile(pidFile);
  if (!running || !isAlive(running.pid)) {
    fs.rmSync(pidFile, { force: true });
    return false;
  }
  await terminate(running.pid);
  fs.rmSync(pidFile, { force: true });
  return true;
}
