import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../src/db/database';
import { RELATIONSHIP_TYPE_NAMES } from '../src/model/model';
import { testDatabase } from './support/db';
import { exportText, graphContent } from './support/exports';

/**
 * GEXF and GraphML, as Gephi and NetworkX users receive them: valid against their published schemas
 * (xmllint, Debian's libxml2-utils; the schemas are in tests/fixtures/xsd) and loaded by NetworkX (Debian's
 * python3-networkx) with as many nodes and edges as the graph holds.
 */
const XSD = path.join(__dirname, 'fixtures', 'xsd');
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function xmllint(schema: string, file: string) {
  const res = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
  if (res.error) throw new Error(`xmllint is needed (apt-get install libxml2-utils): ${res.error.message}`);
  return res;
}

function networkx(kind: 'gexf' | 'graphml', file: string, probe: string) {
  const res = spawnSync(PYTHON, [path.join(__dirname, 'support', 'load_graph.py'), kind, file, probe], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`NetworkX could not load ${file} (apt-get install python3-networkx): ${res.stderr || res.error}`);
  return JSON.parse(res.stdout);
}

describe('do Gephi and NetworkX read the graph as it is?', () => {
  let db: Database;
  let dir: string;
  let counts: { nodes: number; relationships: number };
  beforeAll(async () => {
    db = await testDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accords-export-'));
    const fp = await graphContent(db);
    counts = { nodes: fp.nodes, relationships: fp.relationships };
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await db.close();
  });

  it('writes GEXF 1.3 that validates against its schema and loads in NetworkX with every node and edge', async () => {
    const file = path.join(dir, 'graph.gexf');
    fs.writeFileSync(file, await exportText(db, 'gexf'));
    const lint = xmllint(path.join(XSD, 'gexf-1.3', 'gexf.xsd'), file);
    expect(lint.stderr.trim()).toBe(`${file} validates`);
    expect(lint.status).toBe(0);
    const g = networkx('gexf', file, 'agr-apvf-microsoft-2007');
    expect(g).toMatchObject({ directed: true, nodes: counts.nodes, edges: counts.relationships });
    // Kind, date and evidence count travel as attributes; the date also starts the node on Gephi's timeline.
    expect(g.probe).toMatchObject({ kind: 'Agreement', type: 'protocol', date: '2007-11-27', evidenceCount: expect.any(Number) });
    expect(g.probe.evidenceCount).toBeGreaterThan(1);
    expect(g.edgeTypes.every((t: string) => (RELATIONSHIP_TYPE_NAMES as readonly string[]).includes(t))).toBe(true);
  });

  it('gives dated facts a start on the timeline, partial dates at the first day they cover', async () => {
    const gexf = await exportText(db, 'gexf');
    expect(gexf).toContain('<graph defaultedgetype="directed" mode="dynamic" timeformat="date">');
    expect(gexf).toMatch(/<node id="agr-apvf-microsoft-2007" label="[^"]+" start="2007-11-27">/);
    // The Paris press kit is dated 2008-01: month precision, shown from the 1st.
    expect(gexf).toMatch(/<node id="src-[^"]+" label="[^"]+" start="2008-01-01">/);
    expect(gexf).toMatch(/<edge id="per-[^"]+\|SIGNED\|agr-[^"]+" [^>]*start="\d{4}-\d{2}-\d{2}">/);
  });

  it('writes GraphML that validates against its schema and loads in NetworkX with every node and edge', async () => {
    const file = path.join(dir, 'graph.graphml');
    fs.writeFileSync(file, await exportText(db, 'graphml'));
    const lint = xmllint(path.join(XSD, 'graphml', 'graphml.xsd'), file);
    expect(lint.stderr.trim()).toBe(`${file} validates`);
    const g = networkx('graphml', file, 'per-eric-boustouller');
    expect(g).toMatchObject({ directed: true, nodes: counts.nodes, edges: counts.relationships });
    expect(g.probe).toMatchObject({ kind: 'Person', label: 'Eric Boustouller' });
    expect(g.probe.quotes).toContain('Boustouller');
  });

  it('is checked for real: xmllint refuses the same file with a stray element in it', async () => {
    const broken = path.join(dir, 'broken.graphml');
    fs.writeFileSync(broken, (await exportText(db, 'graphml')).replace('<data key="n_kind">', '<data key="n_kind"><b>'));
    expect(xmllint(path.join(XSD, 'graphml', 'graphml.xsd'), broken).status).not.toBe(0);
  });
});
