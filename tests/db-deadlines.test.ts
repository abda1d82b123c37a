import { Database, DatabaseError } from '../src/db/database';

/** A query that runs past its deadline is stopped in Neo4j itself, not only abandoned by the client. */
describe('a query past its deadline', () => {
  let db: Database;
  let admin: Database;
  beforeAll(async () => {
    const env = process.env;
    const options = {
      uri: env.ACCORDS_TEST_NEO4J_URI!,
      user: env.ACCORDS_TEST_NEO4J_USER ?? 'neo4j',
      password: env.ACCORDS_TEST_NEO4J_PASSWORD ?? '',
      database: env.ACCORDS_TEST_NEO4J_DATABASE ?? 'neo4j',
    };
    db = await Database.connect({ ...options, queryTimeoutMs: 500 });
    admin = await Database.connect(options);
  });
  afterAll(async () => {
    await db.close();
    await admin.close();
  });

  const SLOW = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n /* accords-deadline-test */';

  it('is answered with a coded timeout within the deadline and its grace', async () => {
    const started = Date.now();
    const error = await db.read(SLOW).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_500 + 1_000);
  });

  it('is no longer running in Neo4j afterwards', async () => {
    const running = async () =>
      (await admin.read<{ query: string }>('SHOW TRANSACTIONS YIELD currentQuery AS query RETURN query')).filter((t) =>
        t.query.includes('accords-deadline-test') && !t.query.includes('SHOW TRANSACTIONS'),
      );
    let left = await running();
    for (let i = 0; i < 20 && left.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = await running();
    }
    expect(left).toEqual([]);
  });

  it('leaves the database usable: the next query answers', async () => {
    expect(await db.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    expect(db.availability.isUp).toBe(true);
  });
});
