import http from 'node:http';
import { Database } from '../src/db/database';
import { startApp } from '../src/server/http';
import { testDatabase } from './support/db';

/**
 * SIGTERM (a deploy, a scale-down): the server stops taking requests, lets those under way finish within a
 * bound, and only then lets the database go. A request under way is one whose body is still arriving.
 */
describe('a stopping server', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  const BODY = JSON.stringify({ query: '{ agreement(id: "agr-apvf-microsoft-2007") { title } }' });

  /** A POST whose body is sent in two halves; resolves with the status and body once answered. */
  function slowPost(port: number): { sendRest(): void; answer: Promise<{ status: number; body: string }> } {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) } });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    req.write(BODY.slice(0, 10));
    return { sendRest: () => req.end(BODY.slice(10)), answer };
  }

  it('lets a request under way finish, and takes no new one', async () => {
    const app = await startApp({ db: db.scoped(), host: '127.0.0.1', port: 0, drainMs: 10_000 });
    const inFlight = slowPost(app.port);
    await new Promise((r) => setTimeout(r, 100));
    const closed = app.close();
    await new Promise((r) => setTimeout(r, 200));

    const refused = await fetch(`${app.url}/health`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(refused).toBe('refused');

    inFlight.sendRest();
    const { status, body } = await inFlight.answer;
    expect(status).toBe(200);
    expect(JSON.parse(body).data.agreement.title).toMatch(/APVF|petites villes/i);
    await closed;
  });

  it('does not wait beyond its bound for a request that never ends', async () => {
    const app = await startApp({ db: db.scoped(), host: '127.0.0.1', port: 0, drainMs: 500 });
    const stuck = slowPost(app.port);
    stuck.answer.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
