import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import YAML from 'yaml';
import { ROOT } from '../src/config';
import { listCorpusFiles, validateCorpus } from '../src/import';
import { exportApiFacts } from '../src/writes/export';
import { contentHash } from '../src/writes/sources';
import { startTestServer, TestServer } from './support/server';
import { removeTestTokens, tokenHeaders } from './support/tokens';
import { changeLogMark, undoWrites } from './support/writes';

const DIR = path.join(ROOT, 'examples', 'writes');
const TEXT = fs.readFileSync(path.join(DIR, 'document.txt'), 'utf8');
const SOURCE = `src-${contentHash(TEXT).slice(0, 16)}`;
const SIGNATURE = 'per-claire-martin|SIGNED|agr-essai-logiciels-2008';
const example = (file: string) => fs.readFileSync(path.join(DIR, file), 'utf8');

/**
 * examples/writes/, run in order by an editor against the real server, as the README tells: add a source,
 * a signatory with its quote, correct a date, retract, read the history.
 */
describe('the write examples, in order, each answering what its comment says', () => {
  let server: TestServer;
  let editor: { authorization: string; id: string };
  let mark: number;

  beforeAll(async () => {
    server = await startTestServer();
    editor = await tokenHeaders(server.db, 'editor', 'examples');
    mark = await changeLogMark(server.db);
  });
  afterAll(async () => {
    await undoWrites(server.db, mark, [SOURCE, 'org-commune-d-essai', 'agr-essai-logiciels-2008', 'per-claire-martin', SIGNATURE]);
    await removeTestTokens(server.db);
    await server.close();
  });

  const run = async (file: string, variables: Record<string, unknown> = {}) => {
    const res = await server.gql(example(file), variables, { authorization: editor.authorization });
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  it('lists exactly the seven examples run here', () => {
    expect(fs.readdirSync(DIR).filter((f) => f.endsWith('.graphql')).sort()).toEqual([
      '01-add-a-source.graphql',
      '02-add-a-signatory-with-its-quote.graphql',
      '03-correct-a-date.graphql',
      '04-retract.graphql',
      '05-history.graphql',
      '06-judge-two-microsofts-different.graphql',
      '07-undo-a-judgement.graphql',
    ]);
  });

  it('01 adds the document, and knows it the second time', async () => {
    const { addSource } = await run('01-add-a-source.graphql', { text: TEXT });
    expect(addSource).toMatchObject({ created: true, source: { id: SOURCE, date: '2008-03-14', contentHash: contentHash(TEXT) } });
    expect(addSource.source.text).toEqual({ text: TEXT.slice(0, 80), totalLength: TEXT.length, nextOffset: 80 });
    expect((await run('01-add-a-source.graphql', { text: TEXT })).addSource.created).toBe(false);
  });

  it('02 adds the commune, the convention, the mayor and her signature, each with its quote', async () => {
    const data = await run('02-add-a-signatory-with-its-quote.graphql', { source: SOURCE });
    expect(data.signature).toMatchObject({ id: SIGNATURE, version: 1, fact: { fields: { onBehalfOf: 'org-commune-d-essai', date: '2008-03-12' } } });
    const read = await server.gql('{ agreement(id: "agr-essai-logiciels-2008") { signatories { person { name } onBehalfOf { name } } } }');
    expect(read.data.agreement.signatories).toEqual([{ person: { name: 'Claire Martin' }, onBehalfOf: { name: "Commune d'Essai" } }]);
  });

  it('03 corrects the date against version 1', async () => {
    const { updateNode } = await run('03-correct-a-date.graphql', { source: SOURCE, version: 1 });
    expect(updateNode.version).toBe(2);
    expect(updateNode.change.before.fields.date).toBe('2008-03-12');
    expect(updateNode.fact.fields.date).toBe('2008-03-13');
    // Run again against the same version, it is stale.
    const again = await server.gql(example('03-correct-a-date.graphql'), { source: SOURCE, version: 1 }, { authorization: editor.authorization });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('04 retracts the signature, which leaves the agreement’s signatories', async () => {
    const { retract } = await run('04-retract.graphql');
    expect(retract).toMatchObject({ id: SIGNATURE, version: 2, fact: { retracted: true } });
  });

  it('05 tells the history: who, when, before, after, why', async () => {
    const data = await run('05-history.graphql');
    expect(data.convention.map((c: { action: string }) => c.action)).toEqual(['create', 'update']);
    expect(data.convention[1]).toMatchObject({
      actorName: expect.stringContaining('examples'),
      reason: 'The press release corrects the date in its last paragraph',
      before: { fields: { date: '2008-03-12' } },
      after: { fields: { date: '2008-03-13' } },
    });
    expect(data.signature.map((c: { action: string }) => c.action)).toEqual(['create', 'retract']);
    expect(data.agreement).toMatchObject({ date: '2008-03-13', signatories: [] });
    expect(data.retracted).toMatchObject({ retracted: true, retractedReason: expect.stringContaining('ratified') });
  });

  it('06 judges Microsoft and Microsoft France different: the pair is no longer proposed; 07 takes it back', async () => {
    const pairs = async () =>
      ((await server.gql('{ duplicateCandidates(node: "org-microsoft", first: 100) { nodes { id } } }')).data.duplicateCandidates.nodes as Array<{ id: string }>).map((c) => c.id);
    expect(await pairs()).toContain('org-microsoft~org-microsoft-france');
    const { judge } = await run('06-judge-two-microsofts-different.graphql');
    expect(judge.judgement).toMatchObject({ verdict: 'DIFFERENT', byName: expect.stringContaining('examples') });
    expect(judge.change).toMatchObject({ action: 'judge', factId: judge.judgement.id });
    expect(await pairs()).not.toContain('org-microsoft~org-microsoft-france');
    const { undoJudgement } = await run('07-undo-a-judgement.graphql', { id: judge.judgement.id });
    expect(undoJudgement).toMatchObject({ judgement: { id: judge.judgement.id, active: false }, change: { action: 'undo-judgement' } });
    expect(await pairs()).toContain('org-microsoft~org-microsoft-france');
    await server.db.write('MATCH (j:Judgement {id: $id}) DELETE j', { id: judge.judgement.id });
  });

  it('exports what the session made as a data file the importer accepts, its document beside it', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'accords-export-'));
    try {
      const report = await exportApiFacts(server.db, out);
      expect(report.files).toEqual([path.join(out, `${SOURCE}.yaml`)]);
      const doc = YAML.parse(fs.readFileSync(report.files[0]!, 'utf8'));
      expect(doc.source).toMatchObject({ id: SOURCE, file: `${SOURCE}.txt`, date: '2008-03-14' });
      expect(doc.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['agr-essai-logiciels-2008', 'org-commune-d-essai', 'per-claire-martin']);
      expect(doc.nodes.find((n: { id: string }) => n.id === 'agr-essai-logiciels-2008')).toMatchObject({ kind: 'Agreement', date: '2008-03-13' });
      // The retracted signature is not exported: it is not in the graph.
      expect(doc.relationships).toEqual([]);
      expect(fs.readFileSync(path.join(out, 'sources', `${SOURCE}.txt`), 'utf8')).toBe(TEXT);
      const summary = await validateCorpus(server.db, listCorpusFiles([out]), { sourcesDir: path.join(out, 'sources') });
      expect(summary).toMatchObject({ files: 1, nodeStatements: 3 });
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
