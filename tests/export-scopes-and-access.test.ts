import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../src/db/database';
import { exportText } from './support/exports';
import { startTestServer, type TestServer } from './support/server';

/**
 * What users ask of an export: one source document's facts, the neighbourhood of a node, through
 * `GET /export/<format>` or `npm run export`; and what they get for a wrong format or id (a coded error,
 * nothing streamed).
 */
const root = path.resolve(__dirname, '..');
const SOURCE = 'src-003-apvf-protocol';

interface Line {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** Node ids and relationship ids of a Cypher export (the rows it MERGEs). */
function cypherIds(script: string) {
  const nodes = [...script.matchAll(/^ {2}\{id: '([^']+)', props:/gm)].map((m) => m[1]!);
  const rels = [...script.matchAll(/^ {2}\{id: '([^']+)', from: '([^']+)', to: '([^']+)'/gm)].map((m) => ({ id: m[1]!, from: m[2]!, to: m[3]! }));
  return { nodes, rels };
}

describe('exports of a part of the graph, over HTTP and from the command line', () => {
  let server: TestServer;
  let db: Database;
  beforeAll(async () => {
    server = await startTestServer();
    db = server.db;
  });
  afterAll(() => server.close());

  it("exports one source document's facts: the relationships it cites, their ends, the nodes it cites and the documents they cite", async () => {
    const { nodes, rels } = cypherIds(await exportText(db, 'cypher', { kind: 'source', source: SOURCE }));
    const [expected] = await db.read<{ rels: string[]; cited: string[] }>(
      `MATCH ()-[r]->() WHERE $s IN r.evidenceSources WITH collect(r.id) AS rels
       MATCH (n:Entity) WHERE $s IN n.evidenceSources RETURN rels, collect(n.id) AS cited`,
      { s: SOURCE },
    );
    expect(rels.map((r) => r.id).sort()).toEqual([...expected!.rels].sort());
    const nodeSet = new Set(nodes);
    for (const id of expected!.cited) expect(nodeSet.has(id)).toBe(true);
    for (const r of rels) expect(nodeSet.has(r.from) && nodeSet.has(r.to)).toBe(true);
    expect(nodeSet.has(SOURCE)).toBe(true);
    // Nothing else: the Lille interview's own facts are not in the APVF article's export.
    const [all] = await db.read<{ n: number }>('MATCH (n:Entity) RETURN count(n) AS n');
    expect(nodes.length).toBeLessThan(all!.n / 2);
  });

  it("exports a node's neighbourhood to a depth: the nodes within it, the relationships between them, the documents cited", async () => {
    const depth1 = cypherIds(await exportText(db, 'cypher', { kind: 'neighbourhood', center: 'per-eric-boustouller', depth: 1 }));
    const neighbours = await db.read<{ id: string }>("MATCH (:Entity {id: 'per-eric-boustouller'})--(m) RETURN DISTINCT m.id AS id");
    const ids = new Set(depth1.nodes);
    for (const { id } of neighbours) expect(ids.has(id)).toBe(true);
    expect(depth1.nodes.filter((id) => !id.startsWith('src-')).length).toBe(
      new Set([...neighbours.map((n) => n.id), 'per-eric-boustouller'].filter((id) => !id.startsWith('src-'))).size,
    );
    for (const r of depth1.rels) expect(ids.has(r.from) && ids.has(r.to)).toBe(true);
    expect(depth1.rels.map((r) => r.id)).toContain('per-eric-boustouller|SIGNED|agr-apvf-microsoft-2007');
    const depth2 = cypherIds(await exportText(db, 'cypher', { kind: 'neighbourhood', center: 'per-eric-boustouller', depth: 2 }));
    expect(depth2.nodes.length).toBeGreaterThan(depth1.nodes.length);
  });

  it('pages through the graph by id without losing or repeating anything, hubs included (pages of 2 rows vs 4,000)', async () => {
    for (const scope of [{ kind: 'all' as const }, { kind: 'source' as const, source: SOURCE }, { kind: 'neighbourhood' as const, center: 'org-microsoft-france', depth: 2 }]) {
      expect(await exportText(db, 'cypher', scope, 2)).toBe(await exportText(db, 'cypher', scope));
    }
  });

  it('streams GET /export/<format> with its content type and a file name naming the scope', async () => {
    const res = await fetch(`${server.url}/export/graphml?center=per-eric-boustouller&depth=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="accords-per-eric-boustouller-depth-1.graphml"');
    expect(await res.text()).toBe(await exportText(db, 'graphml', { kind: 'neighbourhood', center: 'per-eric-boustouller', depth: 1 }));

    const ftm = await fetch(`${server.url}/export/ftm?source=${SOURCE}`);
    expect(ftm.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(ftm.headers.get('content-disposition')).toBe(`attachment; filename="accords-${SOURCE}.ftm.json"`);
    const lines = (await ftm.text()).trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
    expect(lines.some((l) => l.id === 'agr-apvf-microsoft-2007' && l.schema === 'Contract')).toBe(true);

    const csv = await fetch(`${server.url}/export/csv-nodes`);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="accords-graph.nodes.csv"');
    expect((await csv.text()).split('\n')[0]).toMatch(/^id:ID,:LABEL,name,aliases:string\[\],/);
  });

  it.each([
    ['/export/pdf', 400, 'BAD_USER_INPUT', 'format'],
    ['/export/', 400, 'BAD_USER_INPUT', 'format'],
    ['/export/gexf?center=per-nobody', 404, 'NOT_FOUND', 'center'],
    ['/export/gexf?source=org-ville-de-paris', 404, 'NOT_FOUND', 'source'],
    ['/export/gexf?center=per-eric-boustouller&depth=4', 400, 'BAD_USER_INPUT', 'depth'],
    ['/export/gexf?center=per-eric-boustouller&depth=-1', 400, 'BAD_USER_INPUT', 'depth'],
    ['/export/gexf?depth=2', 400, 'BAD_USER_INPUT', 'depth'],
    ['/export/gexf?center=per-eric-boustouller&source=src-003-apvf-protocol', 400, 'BAD_USER_INPUT', 'source'],
    ["/export/cypher?center=x'})%20DETACH%20DELETE%20n//", 404, 'NOT_FOUND', 'center'],
    ['/export/gexf?limit=5', 400, 'BAD_USER_INPUT', 'limit'],
  ])('refuses GET %s with %i %s, naming %s, and streams nothing', async (url, status, code, argument) => {
    const before = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    const res = await fetch(`${server.url}${url}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBeNull();
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions).toEqual({ code, argument });
    expect(body.errors[0]!.message.length).toBeGreaterThan(10);
    expect(await db.read('MATCH (n) RETURN count(n) AS n')).toEqual(before);
  });

  it('answers a POST to an export with 405', async () => {
    const res = await fetch(`${server.url}/export/gexf`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  describe('npm run export', () => {
    const env = {
      ...process.env,
      NEO4J_URI: process.env.ACCORDS_TEST_NEO4J_URI,
      NEO4J_USER: process.env.ACCORDS_TEST_NEO4J_USER,
      NEO4J_PASSWORD: process.env.ACCORDS_TEST_NEO4J_PASSWORD,
      NEO4J_DATABASE: process.env.ACCORDS_TEST_NEO4J_DATABASE,
    };
    const run = (args: string[]) => spawnSync('npm', ['run', '-s', 'export', '--', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });

    it('writes a neighbourhood to a file, and both CSV files into a folder with the command that loads them', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accords-cli-export-'));
      try {
        const file = path.join(dir, 'boustouller.gexf');
        const res = run(['--format', 'gexf', '--center', 'per-eric-boustouller', '--depth', '1', '--out', file]);
        expect(res.status).toBe(0);
        expect(fs.readFileSync(file, 'utf8')).toBe(await exportText(db, 'gexf', { kind: 'neighbourhood', center: 'per-eric-boustouller', depth: 1 }));
        const csv = run(['--format', 'csv', '--out', path.join(dir, 'csv')]);
        expect(csv.status).toBe(0);
        expect(fs.readdirSync(path.join(dir, 'csv')).sort()).toEqual(['nodes.csv', 'relationships.csv']);
        expect(csv.stderr).toContain('neo4j-admin database import full --nodes=');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);

    it('refuses an unknown format or id with one line and exit code 2, leaving no file', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accords-cli-export-'));
      try {
        const bad = run(['--format', 'pdf', '--out', path.join(dir, 'x')]);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toContain('Unknown export format "pdf": use one of ftm, gexf, graphml, cypher, csv-nodes, csv-relationships');
        const missing = run(['--format', 'gexf', '--center', 'per-nobody', '--out', path.join(dir, 'x')]);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('export: NOT_FOUND: No node with id "per-nobody"');
        expect(fs.readdirSync(dir)).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
