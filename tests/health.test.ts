import { startTestServer, TestServer } from './support/server';

describe('is Accords up?', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('reports Neo4j up on /health', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', neo4j: 'up', restarts: 0 });
  });

  it('leaves nothing running once /health has answered (a pending timer kept the test run from exiting)', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    // One answer first: the HTTP client keeps timers of its own for the kept-alive socket.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const before = timers();
    for (const _ of [1, 2, 3]) expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('answers a first real field through the whole chain: stats counts what Neo4j holds', async () => {
    const before = await server.gql('{ stats { nodes { name count } factsWithoutEvidence } }');
    const persons = before.data.stats.nodes.find((k: { name: string }) => k.name === 'Person')?.count ?? 0;
    await server.db.write(
      "CREATE (:Entity:Person {id: 'per-test-health', name: 'Test', evidenceSources: ['src-x'], evidenceQuotes: ['q']})",
    );
    try {
      const after = await server.gql('{ stats { nodes { name count } factsWithoutEvidence } }');
      expect(after.data.stats.nodes.find((k: { name: string }) => k.name === 'Person')?.count).toBe(persons + 1);
      expect(after.data.stats.factsWithoutEvidence).toBe(0);
    } finally {
      await server.db.write("MATCH (n:Entity {id: 'per-test-health'}) DETACH DELETE n");
    }
  });

  it('rejects a malformed query with GRAPHQL_PARSE_FAILED and no stack trace', async () => {
    const res = await server.gql('{ stats { nodes { name ');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});
