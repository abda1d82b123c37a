import { Database } from '../src/db/database';
import { startApp } from '../src/server/http';
import { testDatabase } from './support/db';

describe('when Neo4j stops answering', () => {
  it('says so: /health returns 503 and queries fail with DATABASE_UNAVAILABLE', async () => {
    // A driver of its own, closed under the server's feet: the shared test Neo4j keeps running.
    const db: Database = await testDatabase();
    const app = await startApp({ db, host: '127.0.0.1', port: 0 });
    try {
      await db.driver.close();
      const health = await fetch(`${app.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'degraded', neo4j: 'down', reason: expect.stringMatching(/Neo4j/), since: expect.any(String) });
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { factsWithoutEvidence } }' }),
      });
      const body = await res.json();
      expect(body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
      expect(body.errors[0].message).toMatch(/database is unavailable/i);
    } finally {
      await app.close();
    }
  });
});
