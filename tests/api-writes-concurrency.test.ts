import path from 'node:path';
import { ROOT } from '../src/config';
import { importCorpus } from '../src/import';
import { startTestServer, TestServer } from './support/server';
import { removeTestTokens, tokenHeaders } from './support/tokens';
import { changeLogMark, undoWrites } from './support/writes';

const SOURCE = 'src-003-apvf-protocol';
const QUOTE = 'Le protocole a été officiellement signé ce mardi 27 novembre';
const SIGNED = 'per-martin-malvy|SIGNED|agr-apvf-microsoft-2007';
const CREATE = `mutation($input: CreateNodeInput!, $key: String) { createNode(input: $input, idempotencyKey: $key) { id version change { seq } } }`;
const UPDATE = `mutation($input: UpdateInput!) { updateNode(input: $input) { version } }`;
const event = (id: string) => ({ kind: 'Event', id, fields: { name: `Signature ${id}`, date: '2007-11-27' }, evidence: [{ sourceId: SOURCE, quote: QUOTE }] });

describe('writes under concurrency and retries, on two API instances over one database', () => {
  let a: TestServer;
  let b: TestServer;
  let editor: { authorization: string };
  let mark: number;
  const made: string[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer(), startTestServer()]);
    editor = await tokenHeaders(a.db, 'editor', 'concurrency');
    mark = await changeLogMark(a.db);
  });
  afterAll(async () => {
    await undoWrites(a.db, mark, made);
    await removeTestTokens(a.db);
    await Promise.all([a.close(), b.close()]);
  });

  it('hands back a bookmark with each write; sent to the other instance, its read sees the write', async () => {
    made.push('evt-bookmarked');
    const res = await a.gql(CREATE, { input: event('evt-bookmarked') }, editor);
    expect(res.errors).toBeUndefined();
    const bookmark = res.extensions?.bookmark as string;
    expect(bookmark).toMatch(/\S/);
    const read = await b.gql('{ node(id: "evt-bookmarked") { id } }', {}, { 'x-accords-bookmark': bookmark });
    expect(read.errors).toBeUndefined();
    expect(read.data.node).toEqual({ id: 'evt-bookmarked' });
    // A read sends back no bookmark: it changed nothing.
    expect(read.extensions?.bookmark).toBeUndefined();
  });

  it('refuses a bookmark that is not one with a coded error', async () => {
    const read = await b.gql('{ node(id: "evt-bookmarked") { id } }', {}, { 'x-accords-bookmark': 'not-a-bookmark' });
    expect(read.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets exactly one of 8 editors correcting the same version win; the 7 others get CONFLICT', async () => {
    made.push('evt-contended');
    expect((await a.gql(CREATE, { input: event('evt-contended') }, editor)).errors).toBeUndefined();
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? a : b).gql(UPDATE, { input: { id: 'evt-contended', version: 1, set: { name: `Name ${i}` }, evidence: [{ sourceId: SOURCE, quote: QUOTE }] } }, editor),
      ),
    );
    const won = attempts.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(attempts.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(7);
    const fact = await a.gql('{ fact(id: "evt-contended") { version } history(id: "evt-contended") { action } }');
    expect(fact.data.fact.version).toBe(2);
    expect(fact.data.history.map((c: { action: string }) => c.action)).toEqual(['create', 'update']);
  });

  it('applies a write retried 5 times at once with one idempotency key once, on either instance', async () => {
    made.push('evt-retried');
    const tries = await Promise.all(
      Array.from({ length: 5 }, (_, i) => (i % 2 ? a : b).gql(CREATE, { input: event('evt-retried'), key: 'same-key' }, editor)),
    );
    for (const t of tries) expect(t.errors).toBeUndefined();
    expect(new Set(tries.map((t) => t.data.createNode.change.seq)).size).toBe(1);
    const [row] = await a.db.read<{ n: number }>("MATCH (c:Change {factId: 'evt-retried'}) RETURN count(c) AS n");
    expect(row!.n).toBe(1);
  });

  it('numbers concurrent changes without gaps or repeats', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `evt-parallel-${i}`);
    made.push(...ids);
    const before = (await a.gql(`{ changes(since: ${mark}, first: 500) { seq } }`)).data.changes.length;
    const res = await Promise.all(ids.map((id, i) => (i % 2 ? a : b).gql(CREATE, { input: event(id) }, editor)));
    for (const r of res) expect(r.errors).toBeUndefined();
    const seqs = (await a.gql(`{ changes(since: ${mark}, first: 500) { seq } }`)).data.changes.map((c: { seq: number }) => c.seq);
    expect(seqs).toHaveLength(before + 8);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => mark + 1 + i));
  });

  it('keeps a correction made through the API when the file that stated the fact is imported again', async () => {
    const id = 'agr-apvf-microsoft-2007';
    const { version } = (await a.gql(`{ fact(id: "${id}") { version } }`)).data.fact;
    const corrected = await a.gql(UPDATE, { input: { id, version, set: { date: '2007-11-28' }, evidence: [{ sourceId: SOURCE, quote: QUOTE }], reason: 'test' } }, editor);
    expect(corrected.errors).toBeUndefined();
    try {
      await importCorpus(a.db, [path.join(ROOT, 'data', '003-apvf-protocol.yaml')], { sourcesDir: path.join(ROOT, 'data', 'sources') });
      // The file says 2007-11-27; the API's correction stands, and the file's other values are there.
      expect((await a.gql(`{ agreement(id: "${id}") { date title } }`)).data.agreement).toEqual({
        date: '2007-11-28',
        title: 'Partnership protocol between the APVF and Microsoft France',
      });
    } finally {
      // Back to the corpus' own state: its date, no version, no quote added by the test.
      await a.db.write(
        `MATCH (n:Entity {id: $id}) SET n.date = '2007-11-27', n.datePrecision = 'day' REMOVE n.version
         WITH n, [i IN range(0, size(n.evidenceQuotes) - 1) WHERE n.evidenceQuotes[i] <> $quote OR n.evidenceSources[i] <> $source] AS keep
         SET n.evidenceSources = [i IN keep | n.evidenceSources[i]], n.evidenceQuotes = [i IN keep | n.evidenceQuotes[i]]`,
        { id, quote: QUOTE, source: SOURCE },
      );
    }
  });

  it('keeps a retracted corpus fact retracted when its file is imported again, and logs the import', async () => {
    const retracted = await a.gql(`mutation { retract(id: "${SIGNED}", reason: "test: re-import") { version } }`, {}, editor);
    expect(retracted.errors).toBeUndefined();
    try {
      await importCorpus(a.db, [path.join(ROOT, 'data', '003-apvf-protocol.yaml')], { sourcesDir: path.join(ROOT, 'data', 'sources'), reason: 'test re-import' });
      const read = await a.gql('{ agreement(id: "agr-apvf-microsoft-2007") { signatories { person { id } } } }');
      expect(read.data.agreement.signatories.map((s: { person: { id: string } }) => s.person.id)).toEqual(['per-eric-boustouller']);
      const feed = await a.gql(`{ changes(since: ${mark}, first: 500) { action actor reason after } }`);
      const imported = feed.data.changes.filter((c: { action: string; reason: string }) => c.action === 'import' && c.reason === 'test re-import');
      expect(imported).toHaveLength(1);
      expect(imported[0]).toMatchObject({ actor: 'import', reason: 'test re-import', after: { files: 1 } });
    } finally {
      const restored = await a.gql(`mutation { restore(id: "${SIGNED}", reason: "test: re-import done") { version } }`, {}, editor);
      expect(restored.errors).toBeUndefined();
      // Back to a fact of the corpus' files: no version (a version marks a fact the API made or changed).
      await a.db.write('MATCH (:Entity)-[r:SIGNED {id: $id}]->(:Entity) REMOVE r.version', { id: SIGNED });
    }
    const back = await a.gql('{ agreement(id: "agr-apvf-microsoft-2007") { signatories { person { id } } } }');
    expect(back.data.agreement.signatories).toHaveLength(2);
  });
});
