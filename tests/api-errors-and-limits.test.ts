import { Database } from '../src/db/database';
import { MAX_DEPTH, MAX_COST } from '../src/graphql/limits';
import { startApp } from '../src/server/http';
import { testDatabase } from './support/db';
import { startTestServer, TestServer } from './support/server';

/** No stack trace, file path or database internals in what a client receives. */
function expectClean(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/stacktrace|\.ts:\d+|node_modules|Neo\.ClientError|at async/);
}

describe('mistakes and abuse get clear errors', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('a wrong id: NOT_FOUND naming the id', async () => {
    const res = await server.gql('{ agreement(id: "agr-does-not-exist") { title } }');
    expect(res.errors?.[0]).toMatchObject({ message: 'No agreement with id "agr-does-not-exist"', extensions: { code: 'NOT_FOUND', id: 'agr-does-not-exist' } });
    expect(res.data).toBeNull();
    expectClean(res);
  });

  it('an id of another kind: NOT_FOUND too (a person is not an agreement)', async () => {
    const res = await server.gql('{ agreement(id: "per-martin-malvy") { title } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('node(id) answers null for an unknown id, as Relay clients expect', async () => {
    const res = await server.gql('{ node(id: "org-nowhere") { id } known: node(id: "org-apvf") { id ... on Organisation { name } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: null, known: { id: 'org-apvf', name: 'Association des petites villes de France' } });
  });

  it(`a too-deep query: QUERY_TOO_COMPLEX before anything runs (limit ${MAX_DEPTH})`, async () => {
    let selection = '{ id }';
    for (let i = 0; i < MAX_DEPTH; i++) selection = `{ id renews { node ${selection} } }`;
    const res = await server.gql(`{ agreement(id: "agr-cigref-microsoft-renewal") ${selection} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toMatch(/nested \d+ levels deep; the limit is 10/);
    expectClean(res);
  });

  it(`a too-costly query: QUERY_TOO_COMPLEX with the estimate and the limit (${MAX_COST})`, async () => {
    const res = await server.gql(`{ agreements(first: 100) { nodes { parties { organisation {
      agreements { agreement { parties { organisation { name } } } } } } } } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: MAX_COST });
    expect(res.errors?.[0]?.extensions?.cost).toBeGreaterThan(MAX_COST);
    expect(res.errors?.[0]?.message).toMatch(/smaller pages/);
  });

  it('counts the cost of variables too: the same query with first: 2 is allowed', async () => {
    const query = `query ($first: Int) { agreements(first: $first) { nodes { parties { organisation {
      agreements { agreement { title } } } } } } }`;
    const raw = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { first: 2 } }),
    }).then((r) => r.json());
    expect(raw.errors).toBeUndefined();
    expect(raw.extensions.cost.estimated).toBeLessThan(MAX_COST);
  });

  it('bad argument values: BAD_USER_INPUT naming the argument, and nothing runs', async () => {
    for (const [query, argument] of [
      ['{ neighbourhood(id: "org-apvf", depth: 0) { truncated } }', 'depth'],
      ['{ paths(from: "per-martin-malvy", to: "org-apvf", maxLength: 11) { length } }', 'maxLength'],
      ['{ paths(from: "per-martin-malvy", to: "org-apvf", excludeHubsAbove: 0) { length } }', 'excludeHubsAbove'],
      ['{ timeline(kinds: [Person]) { date } }', 'kinds'],
      ['{ search(text: "Paris", kinds: []) { score } }', 'kinds'],
      [`{ agreement(id: "${'x'.repeat(201)}") { id } }`, 'id'],
    ] as const) {
      const res = await server.gql(query);
      expect({ query, extensions: res.errors?.[0]?.extensions }).toEqual({ query, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument }) });
      expectClean(res);
    }
  });

  it('a timeline whose from is after its to: BAD_USER_INPUT', async () => {
    const res = await server.gql('{ timeline(from: "2008", to: "2007") { date } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });

  it('Neo4j down: DATABASE_UNAVAILABLE on every kind of field, with no internals', async () => {
    const db: Database = await testDatabase();
    const app = await startApp({ db, host: '127.0.0.1', port: 0 });
    try {
      await db.driver.close();
      for (const query of ['{ node(id: "org-apvf") { id } }', '{ search(text: "Paris") { score } }', '{ agreements { totalCount } }']) {
        const body = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }).then((r) => r.json());
        expect(body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
        expect(body.errors[0].message).toBe('The database is unavailable; try again shortly');
        expectClean(body);
      }
    } finally {
      await app.close();
    }
  });
});
