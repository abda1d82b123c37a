import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src/config';
import { Database } from '../src/db/database';
import { AccordsProcess, isAlive, startAccordsProcess } from '../scripts/accords-process';

/**
 * The local Neo4j killed under load: once, the requests hung, the next waited 33 s, and Neo4j was never started
 * again. Here `npm start`'s process runs as a user runs it (its own Neo4j, data folder and ports), Neo4j is
 * killed with SIGKILL while requests are in flight, and the API must answer with codes at once, restart Neo4j,
 * serve again with nothing acknowledged lost, and stop cleanly.
 */
const dataDir = path.join(ROOT, '.data', 'neo4j-supervision-test');
const QUERY = '{ agreements(first: 5) { totalCount nodes { id title parties { organisation { name } } } } }';

interface Outcome {
  at: number;
  status: number;
  code?: string;
  ms: number;
}

async function ask(url: string, query = QUERY): Promise<Outcome> {
  const started = Date.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    return { at: started, status: res.status, code: body.errors?.[0]?.extensions?.code, ms: Date.now() - started };
  } catch (err) {
    return { at: started, status: 0, code: `no answer: ${(err as Error).message}`, ms: Date.now() - started };
  }
}

async function connect(accords: AccordsProcess): Promise<Database> {
  return Database.connect({ uri: `bolt://127.0.0.1:${accords.boltPort}`, user: 'neo4j', password: accords.neo4jPassword(), database: 'neo4j' });
}

/** SIGTERM: exit 0, and no java process of this data folder left. */
async function stopAndCheckNothingLeft(accords: AccordsProcess): Promise<void> {
  const neo4j = accords.neo4jPid();
  accords.child.kill('SIGTERM');
  expect(await accords.exited).toBe(0);
  expect(isAlive(neo4j)).toBe(false);
  expect(accords.lines.some((l) => l.msg === 'stopped')).toBe(true);
}

describe('when the local Neo4j dies', () => {
  jest.setTimeout(240_000);
  let accords: AccordsProcess | undefined;
  afterEach(() => {
    if (accords && accords.child.exitCode === null) accords.child.kill('SIGKILL');
  });

  it('answers with codes at once, restarts it, serves again, loses nothing acknowledged, and stops cleanly', async () => {
    accords = await startAccordsProcess({ dataDir });
    const { url } = accords;
    expect((await ask(url)).status).toBe(200);

    // A write acknowledged just before the crash.
    const marker = `supervision-${Date.now()}`;
    const before = await connect(accords);
    await before.write('CREATE (:SupervisionMarker {id: $marker})', { marker });
    await before.close();

    // Clients asking all the time, through the crash and the restart.
    const outcomes: Outcome[] = [];
    let asking = true;
    const clients = Array.from({ length: 10 }, async () => {
      while (asking) outcomes.push(await ask(url));
    });
    await new Promise((r) => setTimeout(r, 1_000));

    const oldPid = accords.neo4jPid()!;
    process.kill(oldPid, 'SIGKILL');
    const killedAt = Date.now();

    await accords.waitFor('neo4j exited unexpectedly', 5_000);
    // While it is down: a coded 503 within a second, and /health says so.
    const whileDown = await ask(url);
    expect([whileDown.status, whileDown.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
    expect(whileDown.ms).toBeLessThan(1_000);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', neo4j: 'restarting', reason: expect.stringContaining('SIGKILL') });

    const restarted = await accords.waitFor('neo4j restarted', 90_000);
    // The queries answered before the crash were planned again before requests were let in.
    expect((restarted.warmed as { queries: number }).queries).toBeGreaterThan(0);
    // Served again without a restart of the API: the next requests succeed by themselves.
    let after = await ask(url);
    for (let i = 0; i < 20 && after.status !== 200; i++) after = await ask(url);
    expect(after.status).toBe(200);
    asking = false;
    await Promise.all(clients);

    const newPid = accords.neo4jPid();
    expect(newPid).not.toBe(oldPid);
    expect(isAlive(newPid)).toBe(true);
    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', neo4j: 'up', restarts: 1 });

    // Every answer was a success or a coded error; none hung or came without a code.
    const uncoded = outcomes.filter((o) => o.status !== 200 && !['DATABASE_UNAVAILABLE', 'SHUTTING_DOWN'].includes(o.code ?? ''));
    expect(uncoded).toEqual([]);
    const failedAfterKill = outcomes.filter((o) => o.status !== 200 && o.at >= killedAt);
    expect(failedAfterKill.length).toBeGreaterThan(0);
    expect(Math.max(...failedAfterKill.map((o) => o.ms))).toBeLessThan(1_000);

    // Nothing acknowledged was lost, and the database takes writes again.
    const db = await connect(accords);
    try {
      expect(await db.read('MATCH (m:SupervisionMarker {id: $marker}) RETURN m.id AS id', { marker })).toEqual([{ id: marker }]);
      await db.write('MATCH (m:SupervisionMarker) DETACH DELETE m');
    } finally {
      await db.close();
    }

    await stopAndCheckNothingLeft(accords);
  });

  it('gives up after repeated failed restarts, says why in the log and /health, and still stops cleanly', async () => {
    accords = await startAccordsProcess({ dataDir, env: { NEO4J_RESTART_ATTEMPTS: '2', NEO4J_RESTART_BACKOFF_MS: '200' } });
    // A setting Neo4j refuses: every restart now fails the way a broken install would.
    const conf = path.join(dataDir, 'conf', 'neo4j.conf');
    fs.appendFileSync(conf, '\nserver.memory.heap.max_size=banana\n');
    process.kill(accords.neo4jPid()!, 'SIGKILL');

    const gaveUp = await accords.waitFor('neo4j supervision gave up', 120_000);
    expect(String(gaveUp.reason)).toMatch(/2 restarts failed/);
    const health = await fetch(`${accords.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', neo4j: 'failed', reason: expect.stringContaining('restart Accords') });
    const refused = await ask(accords.url);
    expect([refused.status, refused.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
    expect(refused.ms).toBeLessThan(1_000);

    await stopAndCheckNothingLeft(accords);
  });

  it('stops its Neo4j even when Accords itself is killed with SIGKILL (no java process left behind)', async () => {
    accords = await startAccordsProcess({ dataDir });
    const [neo4j, owner] = fs.readFileSync(path.join(dataDir, 'run', 'accords-neo4j.pid'), 'utf8').split('\n').map(Number);
    expect(isAlive(neo4j)).toBe(true);
    process.kill(owner!, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    while (isAlive(neo4j) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(isAlive(neo4j)).toBe(false);
  });
});
