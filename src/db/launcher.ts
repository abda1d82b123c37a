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
  pid: number;
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

/**
 * Starts a Neo4j server owned by this process: resolves its jars from Maven Central if needed, keeps its data
 * in `cfg.dataDir` (reused by the next start), waits until Bolt answers, and stops it on `stop()`.
 */
export async function startLocalNeo4j(cfg: LocalConfig, passwordFromEnv?: string): Promise<LocalNeo4j> {
  checkJava();
  const lib = ensureRuntime();
  const home = cfg.dataDir;
  const sub = (d: string) => path.join(home, d);
  const dirs: Dirs = { conf: sub('conf'), data: sub('data'), logs: sub('logs'), run: sub('run'), plugins: sub('plugins'), import: sub('import') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const pidFile = path.join(dirs.run, 'accords-neo4j.pid');
  if (fs.existsSync(pidFile)) {
    const old = Number(fs.readFileSync(pidFile, 'utf8'));
    if (old && isAlive(old)) {
      throw new RuntimeError(
        `A Neo4j for ${home} is already running (pid ${old}): stop that Accords first, or run \`npm run neo4j -- stop\``,
      );
    }
    fs.rmSync(pidFile);
  }
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
  const out = fs.openSync(consoleLog, 'a');
  const started = Date.now();
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
  const pid = child.pid!;
  fs.writeFileSync(pidFile, String(pid));
  let exited: number | null | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? -1 : 0);
      fs.rmSync(pidFile, { force: true });
      resolve();
    }),
  );
  // A crash of this process must not leave Neo4j behind.
  const onExit = () => {
    if (exited === undefined && isAlive(pid)) process.kill(pid, 'SIGTERM');
  };
  process.on('exit', onExit);

  const stop = async () => {
    process.off('exit', onExit);
    if (exited !== undefined) return;
    process.kill(pid, 'SIGTERM');
    const killer = setTimeout(() => isAlive(pid) && process.kill(pid, 'SIGKILL'), 30_000);
    await exitPromise;
    clearTimeout(killer);
    log.info('neo4j stopped', { pid });
  };

  const uri = `bolt://127.0.0.1:${cfg.boltPort}`;
  const deadline = Date.now() + cfg.startTimeoutMs;
  for (;;) {
    if (exited !== undefined) {
      throw new RuntimeError(`Neo4j exited during start (code ${exited}). Last lines of ${consoleLog}:\n${tail(consoleLog)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new RuntimeError(`Neo4j did not answer on ${uri} within ${cfg.startTimeoutMs / 1000} s. Last lines of ${consoleLog}:\n${tail(consoleLog)}`);
    }
    try {
      const db = await Database.connect({ uri, user: 'neo4j', password, database: 'neo4j' });
      await db.close();
      break;
    } catch (err) {
      if (err instanceof DatabaseError && err.code === 'AUTH') {
        await stop();
        throw new RuntimeError(
          `The local Neo4j in ${home} refused the password${passwordFromEnv ? ' in NEO4J_PASSWORD' : ` in ${path.join(home, 'password')}`}: it was set on its first start; use that one, or delete ${home} to start afresh`,
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  log.info('neo4j started', { uri, pid, ms: Date.now() - started, firstStart });
  return { uri, user: 'neo4j', password, pid, stop };
}

/** Stops a local Neo4j left running for this data folder (after a crash). */
export async function stopLeftover(cfg: LocalConfig): Promise<boolean> {
  const pidFile = path.join(cfg.dataDir, 'run', 'accords-neo4j.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  if (!pid || !isAlive(pid)) {
    fs.rmSync(pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 120 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 250));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(pidFile, { force: true });
  return true;
}
