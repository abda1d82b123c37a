import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { startTestServer, TestServer } from './support/server';

/** Every node and relationship the API gives cites at least one quote, found byte for byte in its source. */
describe('evidence beside every answer', () => {
  let server: TestServer;
  const documents = new Map<string, string>();
  beforeAll(async () => {
    server = await startTestServer();
    const seeds = loadConfig().sourcesDir;
    for (const file of fs.readdirSync(seeds)) documents.set(file, fs.readFileSync(path.join(seeds, file), 'utf8'));
  });
  afterAll(() => server.close());

  interface Evidence {
    quote: string;
    source: { id: string; title: string; file: string; type: string };
  }

  function expectQuoted(what: string, evidence: Evidence[]) {
    expect({ what, cited: evidence.length > 0 }).toEqual({ what, cited: true });
    for (const e of evidence) {
      const text = documents.get(e.source.file);
      expect({ what, file: e.source.file, found: text !== undefined }).toEqual({ what, file: e.source.file, found: true });
      expect({ what, quote: e.quote, inDocument: text!.includes(e.quote) }).toEqual({ what, quote: e.quote, inDocument: true });
    }
  }

  it('every node and every relationship of the graph, through node() and relationships', async () => {
    const ids = (await server.db.read<{ id: string }>('MATCH (n:Entity) RETURN n.id AS id ORDER BY id')).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(100);
    let relationships = 0;
    for (let i = 0; i < ids.length; i += 50) {
      const res = await server.gql(
        `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity {
          evidence { quote source { id title file type } }
          relationships(direction: OUT, first: 200) { id type to { id } evidence { quote source { id title file type } } } } } }`,
        { ids: ids.slice(i, i + 50) },
      );
      expect(res.errors).toBeUndefined();
      for (const node of res.data.nodes) {
        expectQuoted(node.id, node.evidence);
        for (const r of node.relationships) {
          relationships++;
          expectQuoted(`${node.id} ${r.type} ${r.to.id}`, r.evidence);
        }
      }
    }
    const stats = await server.gql('{ stats { relationships { count } } }');
    expect(relationships).toBe(stats.data.stats.relationships.reduce((s: number, k: { count: number }) => s + k.count, 0));
  });

  it('a source gives its title, kind, date, publisher and file', async () => {
    const res = await server.gql('{ source(id: "src-001-paris-press-kit") { title type date datePrecision publisher author file } }');
    expect(res.data.source).toMatchObject({
      title: 'UN PARTENARIAT NUMERIQUE ENTRE LA VILLE DE PARIS ET MICROSOFT',
      type: 'press_kit',
      date: '2008-01-29',
      datePrecision: 'DAY',
      file: '001_1feb727c2dc888f6.txt',
    });
    expect(res.data.source.publisher).toMatch(/Ville de Paris/);
  });
});
