import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describeFailure } from '../src/cli/failure';
import { ConfigError } from '../src/config';
import { RuntimeError } from '../src/db/runtime';
import { CorpusPathError, ImportError } from '../src/import';

/**
 * When `npm start` cannot start for a reason the user can fix, does it say so in one line — a JSON log line like
 * the others, naming the problem — and exit with code 1, without a stack trace?
 */

const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

interface Start {
  status: number | null;
  lines: Array<Record<string, unknown>>;
  stderr: string;
}

/** Runs src/main.ts as `npm start` does (without building the explorer first), with the given environment. */
function start(env: Record<string, string>): Promise<Start> {
  return new Promise((resolve, reject) => {
    const { NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, PORT, HOST, LOG_LEVEL, ...inherited } = process.env;
    const child = spawn(tsx, ['src/main.ts'], { cwd: root, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.resume();
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(killer);
      const lines = stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ status, lines, stderr });
    });
  });
}

/** The last line is the error, and nothing anywhere looks like a stack trace. */
function failure(run: Start): Record<string, unknown> {
  expect(run.status).toBe(1);
  expect(run.stderr).not.toMatch(/\n\s+at |"stack"/);
  const last = run.lines[run.lines.length - 1]!;
  expect(last.level).toBe('error');
  return last;
}

function listen(): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
const closeServer = (server: net.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

const testNeo4j = () => ({
  NEO4J_URI: process.env.ACCORDS_TEST_NEO4J_URI!,
  NEO4J_USER: process.env.ACCORDS_TEST_NEO4J_USER ?? 'neo4j',
  NEO4J_PASSWORD: process.env.ACCORDS_TEST_NEO4J_PASSWORD ?? '',
  NEO4J_DATABASE: process.env.ACCORDS_TEST_NEO4J_DATABASE ?? 'neo4j',
});

describe('npm start refuses to start, in one line, when', () => {
  it('a setting is malformed', async () => {
    const line = failure(await start({ PORT: 'eighty' }));
    expect(line).toMatchObject({ msg: 'PORT must be a port number (0-65535), got "eighty"', error: 'ConfigError' });
  });

  it('NEO4J_URI is not a Neo4j address', async () => {
    const line = failure(await start({ NEO4J_URI: 'http://localhost:7474', PORT: '0' }));
    expect(line).toMatchObject({
      msg: 'NEO4J_URI must be a Neo4j address such as bolt://localhost:7687 or neo4j+s://<host>, got "http://localhost:7474"',
      error: 'ConfigError',
    });
  });

  it('its HTTP port is taken (and it starts no Neo4j for nothing)', async () => {
    const taken = await listen();
    try {
      const run = await start({ ...testNeo4j(), PORT: String(portOf(taken)) });
      const line = failure(run);
      expect(line).toMatchObject({
        msg: `Port ${portOf(taken)} for the GraphQL server is already in use: set PORT to a free port`,
        error: 'RuntimeError',
      });
      expect(run.lines).toHaveLength(1);
    } finally {
      await closeServer(taken);
    }
  });

  it('NEO4J_URI does not answer', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = await listen();
    const port = portOf(probe);
    await closeServer(probe);
    const line = failure(await start({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'whatever-it-is', PORT: '0' }));
    expect(line).toMatchObject({ error: 'DatabaseError' });
    expect(line.msg).toMatch(new RegExp(`^Neo4j is not reachable at bolt://127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED`));
  });

  it('NEO4J_PASSWORD is wrong', async () => {
    const line = failure(await start({ ...testNeo4j(), NEO4J_PASSWORD: 'not-the-password', PORT: '0' }));
    expect(line).toMatchObject({
      msg: `Neo4j at ${process.env.ACCORDS_TEST_NEO4J_URI} refused the credentials of user "${testNeo4j().NEO4J_USER}": check NEO4J_USER and NEO4J_PASSWORD`,
      error: 'DatabaseError',
    });
  });
});

describe('what a failed start reports', () => {
  it('names every problem of an invalid corpus, in the one line', () => {
    const err = new ImportError([
      { file: 'data/a.yaml', entity: 'org-x', field: 'type', message: '"city_hall" is not one of company, …' },
      { file: 'data/b.yaml', message: 'not valid YAML' },
    ]);
    expect(describeFailure(err)).toEqual({
      msg: 'the corpus has 2 problems; nothing was written',
      fields: { error: 'ImportError', problems: ['data/a.yaml: org-x: type: "city_hall" is not one of company, …', 'data/b.yaml: not valid YAML'] },
    });
  });

  it('gives the first line of a long message as the problem and the rest (a log tail) as details', () => {
    expect(describeFailure(new RuntimeError('Neo4j exited during start (code 1). Last lines of console.log:\nline 1\nline 2'))).toEqual({
      msg: 'Neo4j exited during start (code 1). Last lines of console.log:',
      fields: { error: 'RuntimeError', details: ['line 1', 'line 2'] },
    });
    expect(describeFailure(new CorpusPathError('no/such/dir: no such file or directory'))).toEqual({
      msg: 'no/such/dir: no such file or directory',
      fields: { error: 'CorpusPathError' },
    });
    expect(describeFailure(new ConfigError('LOG_LEVEL must be debug, info, warn or error, got "loud"')).fields).toEqual({ error: 'ConfigError' });
  });

  it('keeps the stack of an unexpected error, which is a bug', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(describeFailure(bug)).toEqual({
      msg: "unexpected error: Cannot read properties of undefined (reading 'id')",
      fields: { error: 'TypeError', stack: bug.stack },
    });
  });
});
