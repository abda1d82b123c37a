import net from 'node:net';
import { Database } from '../src/db/database';
import { startApp, RunningApp } from '../src/server/http';
import { freePort } from '../scripts/accords-process';

/**
 * A Neo4j given by NEO4J_URI (Aura, a cluster) that becomes unreachable and comes back. Between Accords and the
 * run's real Neo4j sits a TCP relay that the test cuts (existing connections reset, new ones refused) and
 * restores, as a network failure would.
 */
class Relay {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async open(target: { host: string; port: number }): Promise<Relay> {
    const relay = new Relay(await freePort(), target);
    await relay.up();
    return relay;
  }

  up(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }

  /** Refuses new connections and resets the open ones. */
  async cut(): Promise<void> {
    const closed = new Promise((r) => this.server?.close(r));
    for (const s of this.sockets) s.resetAndDestroy();
    await closed;
  }
}

describe('when a remote Neo4j becomes unreachable', () => {
  let relay: Relay;
  let db: Database;
  let app: RunningApp;
  const QUERY = '{ agreements(first: 3) { totalCount nodes { id parties { organisation { name } } } } }';

  beforeAll(async () => {
    const target = new URL(process.env.ACCORDS_TEST_NEO4J_URI!);
    relay = await Relay.open({ host: target.hostname, port: Number(target.port || 7687) });
    db = await Database.connect({
      uri: `bolt://127.0.0.1:${relay.port}`,
      user: process.env.ACCORDS_TEST_NEO4J_USER ?? 'neo4j',
      password: process.env.ACCORDS_TEST_NEO4J_PASSWORD ?? '',
      database: process.env.ACCORDS_TEST_NEO4J_DATABASE ?? 'neo4j',
    });
    app = await startApp({ db, host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await relay.cut();
  });

  async function ask(): Promise<{ status: number; code?: string; ms: number; retryAfter: string | null }> {
    const started = Date.now();
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    return { status: res.status, code: body.errors?.[0]?.extensions?.code, ms: Date.now() - started, retryAfter: res.headers.get('retry-after') };
  }

  it('answers every request within a second with 503 DATABASE_UNAVAILABLE, then serves again by itself', async () => {
    expect((await ask()).status).toBe(200);
    await relay.cut();

    const down = [];
    for (let i = 0; i < 5; i++) down.push(await ask());
    for (const answer of down) {
      expect([answer.status, answer.code, answer.retryAfter]).toEqual([503, 'DATABASE_UNAVAILABLE', '1']);
      expect(answer.ms).toBeLessThan(1_000);
    }
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', neo4j: 'down' });

    await relay.up();
    const backAt = Date.now();
    let answer = await ask();
    while (answer.status !== 200 && Date.now() - backAt < 10_000) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await ask();
    }
    expect(answer.status).toBe(200);
    // The probe asks twice a second: service is back within about that.
    expect(Date.now() - backAt).toBeLessThan(3_000);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });
});
