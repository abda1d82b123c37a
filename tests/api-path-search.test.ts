import type { Database } from '../src/db/database';
import type { RelationshipTypeName } from '../src/model/model';
import { pathEnds, pathSearch, type PathSearchRow } from '../src/store/paths';
import { testDatabase } from './support/db';
import { startTestServer, TestServer } from './support/server';

const SEARCH = `query ($from: ID!, $to: ID!, $maxLength: Int, $excludeHubsAbove: Int, $types: [RelationshipType!], $first: Int, $maxExpansions: Int) {
  pathSearch(from: $from, to: $to, maxLength: $maxLength, excludeHubsAbove: $excludeHubsAbove, types: $types, first: $first, maxExpansions: $maxExpansions) {
    outcome message searchedLength expanded
    paths { length nodes { id } relationships { id type from { id } to { id } evidence { quote } } }
  }
}`;

/** Neo4j's own answer, unbounded: every shortest path as its node ids, in the API's order. */
const ALL_SHORTEST = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a) ((x)-[r]-(y) WHERE ($types IS NULL OR type(r) IN $types)
  AND (y = b OR $hubLimit IS NULL OR COUNT { (y)--() } <= $hubLimit)){1,6} (b)
RETURN [n IN nodes(p) | n.id] AS nodes, [r IN relationships(p) | r.id] AS relationships`;

type Path = { nodes: string[]; relationships: string[] };
const key = (p: Path) => `${String(p.nodes.length).padStart(3, '0')} ${p.nodes.join(' ')} ${p.relationships.join(' ')}`;

describe('how are two actors connected, whatever two are asked: a bounded search', () => {
  let server: TestServer;
  let db: Database;
  let actors: string[];
  beforeAll(async () => {
    server = await startTestServer();
    db = await testDatabase();
    // Every person and organisation that signed or is party to something: the pairs people ask about.
    actors = (await db.read<{ id: string }>(`MATCH (n:Entity) WHERE n:Person OR n:Organisation RETURN n.id AS id ORDER BY id`)).map((r) => r.id);
  });
  afterAll(async () => {
    await db.close();
    await server.close();
  });

  async function both(from: string, to: string, options: { hubLimit?: number; types?: string[] } = {}) {
    const expected = (
      await db.read<Path>(ALL_SHORTEST, { from, to, hubLimit: options.hubLimit ?? null, types: options.types ?? null })
    ).sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const res = await server.gql(SEARCH, { from, to, maxLength: 6, excludeHubsAbove: options.hubLimit, types: options.types, first: 50 });
    expect(res.errors).toBeUndefined();
    return { expected, search: res.data.pathSearch };
  }

  it('finds exactly the shortest paths Neo4j finds, in the same order, for pairs of actors', async () => {
    // A spread of pairs across the sorted list: near and far, hubs and not.
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < actors.length; i += 5) pairs.push([actors[i]!, actors[(i * 7 + 5) % actors.length]!]);
    let found = 0;
    for (const [from, to] of pairs.filter(([a, b]) => a !== b)) {
      const { expected, search } = await both(from, to);
      if (expected.length === 0) {
        expect(search.outcome).toBe('NO_PATH');
        continue;
      }
      found++;
      expect(search.outcome).toBe('FOUND');
      expect(search.searchedLength).toBe(expected[0]!.relationships.length);
      const got = search.paths.map((p: { nodes: { id: string }[]; relationships: { id: string }[] }) => ({
        nodes: p.nodes.map((n) => n.id),
        relationships: p.relationships.map((r) => r.id),
      }));
      expect(got).toEqual(expected.slice(0, 50));
    }
    expect(found).toBeGreaterThan(4);
  });

  it('answers the same whether a level is read whole, first asked where it meets the other side, or read with the other side\'s', async () => {
    // The corpus has no level costly enough for the search to ask first where it meets the other side:
    // these tunings make it ask on every level, by reading the frontier's relationships (path-expand) and by
    // checking pair by pair (path-meet), or read both sides' levels together as long as they fit, and must
    // not change an answer.
    const always = { expand: { meetingProbeAbove: 0, pairCost: Infinity, bothBelow: 0 }, pairs: { meetingProbeAbove: 0, pairCost: 0, bothBelow: 0 }, both: { meetingProbeAbove: Infinity, pairCost: Infinity, bothBelow: Infinity } };
    let compared = 0;
    for (let i = 0; i < actors.length; i += 7) {
      const [from, to] = [actors[i]!, actors[(i * 5 + 3) % actors.length]!];
      if (from === to) continue;
      for (const options of [{}, { hubLimit: 10 }, { types: ['SIGNED', 'PARTY_TO'] as RelationshipTypeName[] }]) {
        const args = { from, to, maxLength: 6, shortestOnly: true, hubLimit: null, types: null, first: 50, maxExpansions: 100_000, ...options };
        const ends = await pathEnds(db, from, to, args.types);
        // (Where a side ran out of nodes, how many levels the other had read meanwhile is incidental.)
        const ids = (r: PathSearchRow) => ({ outcome: r.outcome, length: r.paths.length > 0 ? r.searchedLength : null, paths: r.paths.map((p) => p.relationships.map((x) => x.id)) });
        const plain = ids(await pathSearch(db, args, ends, { meetingProbeAbove: Infinity, pairCost: Infinity, bothBelow: 0 }));
        expect(ids(await pathSearch(db, args, ends, always.both))).toEqual(plain);
        expect(ids(await pathSearch(db, args, ends, always.expand))).toEqual(plain);
        expect(ids(await pathSearch(db, args, ends, always.pairs))).toEqual(plain);
        if (plain.paths.length === 0) continue;
        compared++;
        // With the bound at the shortest length, the last level is the probe's answer alone: a probe that
        // missed its meetings would answer NO_PATH here instead of falling back to the whole level.
        const bounded = { ...args, maxLength: plain.length! };
        expect(ids(await pathSearch(db, bounded, ends, always.expand))).toEqual(plain);
        expect(ids(await pathSearch(db, bounded, ends, always.pairs))).toEqual(plain);
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('leaves hubs uncrossed and follows only the types asked, as Neo4j does', async () => {
    const { expected, search } = await both('per-martin-malvy', 'per-eric-boustouller', { hubLimit: 10 });
    expect(expected.length).toBeGreaterThan(0);
    expect(search.paths.map((p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id))).toEqual(expected.map((p) => p.nodes));
    const typed = await both('per-martin-malvy', 'per-bertrand-delanoe', { types: ['SIGNED', 'PARTY_TO'] });
    expect(typed.search.paths.map((p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id))).toEqual(typed.expected.map((p) => p.nodes));
    for (const p of typed.search.paths) for (const r of p.relationships) expect(['SIGNED', 'PARTY_TO']).toContain(r.type);
  });

  it('each step of a path found cites its evidence, and joins the nodes beside it', async () => {
    const res = await server.gql(SEARCH, { from: 'per-martin-malvy', to: 'per-bertrand-delanoe', first: 3 });
    const paths = res.data.pathSearch.paths;
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      p.relationships.forEach((r: { from: { id: string }; to: { id: string }; evidence: { quote: string }[] }, i: number) => {
        expect([r.from.id, r.to.id].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
        expect(r.evidence[0]!.quote.length).toBeGreaterThan(0);
      });
    }
  });

  it('says "no path within N relationships" rather than searching on', async () => {
    const res = await server.gql(SEARCH, { from: 'per-martin-malvy', to: 'per-bertrand-delanoe', maxLength: 1 });
    expect(res.data.pathSearch).toMatchObject({ outcome: 'NO_PATH', paths: [], searchedLength: 1 });
    expect(res.data.pathSearch.message).toBe('no path within 1 relationships');
  });

  it('stops at the limit of relationships read, and says so', async () => {
    const res = await server.gql(SEARCH, { from: 'per-martin-malvy', to: 'per-bertrand-delanoe', maxExpansions: 5 });
    expect(res.errors).toBeUndefined();
    expect(res.data.pathSearch.outcome).toBe('STOPPED_AT_LIMIT');
    expect(res.data.pathSearch.expanded).toBeLessThanOrEqual(5);
    expect(res.data.pathSearch.message).toContain('maxExpansions');
    const paths = await server.gql(`{ paths(from: "per-martin-malvy", to: "per-bertrand-delanoe", maxExpansions: 5) { length } }`);
    expect(paths.data.paths).toEqual([]);
  });

  it('refuses a budget out of range, naming the argument', async () => {
    const res = await server.gql(SEARCH, { from: 'per-martin-malvy', to: 'per-bertrand-delanoe', maxExpansions: 0 });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('maxExpansions');
  });
});
