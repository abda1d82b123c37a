import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src/config';
import { CorpusIndex } from '../src/import/corpusIndex';
import { ProblemList } from '../src/import/problems';
import { SourceDocuments } from '../src/import/sources';
import { validateFile } from '../src/import/validate';
import { contentHash } from '../src/writes/sources';
import { startTestServer, TestServer } from './support/server';
import { removeTestTokens, tokenHeaders } from './support/tokens';
import { changeLogMark, changesSince, undoWrites } from './support/writes';

const TEXT = fs.readFileSync(path.join(ROOT, 'examples', 'writes', 'document.txt'), 'utf8');
const SOURCE = `src-${contentHash(TEXT).slice(0, 16)}`;
const SIGNED_QUOTE = "La convention a été signée par Mme Claire Martin, maire d'Essai, au nom de la commune.";

const ADD_SOURCE = `mutation($text: String!, $key: String) {
  addSource(input: { text: $text, title: "Communiqué (exemple fictif)", type: press_release, date: "2008-03-14", language: "fr" }, idempotencyKey: $key) {
    created source { id title date language file contentHash } change { seq action actor }
  }
}`;
const CREATE_NODE = `mutation($input: CreateNodeInput!, $key: String) {
  createNode(input: $input, idempotencyKey: $key) { id version change { seq action before after } fact { kind fields evidence { sourceId quote } } }
}`;
const CREATE_REL = `mutation($input: CreateRelationshipInput!) {
  createRelationship(input: $input) { id version fact { kind from to fields } }
}`;
const UPDATE_NODE = `mutation($input: UpdateInput!) { updateNode(input: $input) { id version fact { fields } change { before after reason } } }`;

describe('editors add documents and the facts they state, each with its quote', () => {
  let server: TestServer;
  let editor: { authorization: string; id: string };
  let mark: number;
  const made = [SOURCE, 'org-commune-d-essai', 'per-claire-martin', 'agr-essai-logiciels-2008', 'per-nobody-here'];
  const as = (headers = editor) => ({ authorization: headers.authorization });
  const write = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = as()) =>
    server.gql(query, variables, headers);

  beforeAll(async () => {
    server = await startTestServer();
    editor = await tokenHeaders(server.db, 'editor', 'writes-editor');
    mark = await changeLogMark(server.db);
  });
  afterAll(async () => {
    await undoWrites(server.db, mark, made);
    await removeTestTokens(server.db);
    await server.close();
  });

  it('stores a document once: its text is read back a page at a time, and the same text again is recognised', async () => {
    const first = await write(ADD_SOURCE, { text: TEXT });
    expect(first.errors).toBeUndefined();
    expect(first.data.addSource).toMatchObject({
      created: true,
      source: { id: SOURCE, date: '2008-03-14', language: 'fr', file: null, contentHash: contentHash(TEXT) },
      change: { action: 'add-source', actor: editor.id },
    });
    const again = await write(ADD_SOURCE, { text: TEXT });
    expect(again.data.addSource).toMatchObject({ created: false, source: { id: SOURCE }, change: null });

    const page = await server.gql(`{ source(id: "${SOURCE}") { text(offset: 0, length: 40) { text offset totalLength nextOffset } } }`);
    expect(page.data.source.text).toEqual({ text: TEXT.slice(0, 40), offset: 0, totalLength: TEXT.length, nextOffset: 40 });
    const last = await server.gql(`{ source(id: "${SOURCE}") { text(offset: ${TEXT.length - 10}) { text nextOffset } } }`);
    expect(last.data.source.text).toEqual({ text: TEXT.slice(-10), nextOffset: null });
  });

  it('recognises the text of a corpus document: the importer stored it with its hash', async () => {
    const file = '003_651929db94c9cfdd.txt';
    const text = fs.readFileSync(path.join(ROOT, 'data', 'sources', file), 'utf8');
    const res = await write(ADD_SOURCE, { text });
    expect(res.data.addSource).toMatchObject({ created: false, source: { file } });
  });

  it('creates nodes of any kind from the model, with their evidence, visible at once to every query', async () => {
    const org = await write(CREATE_NODE, {
      input: {
        kind: 'Organisation',
        id: 'org-commune-d-essai',
        fields: { name: "Commune d'Essai", type: 'local_authority', aliases: ['Essai'] },
        evidence: [{ sourceId: SOURCE, quote: "La commune d'Essai et la société Logiciels Exemplaires" }],
        reason: 'communiqué du 14 mars 2008',
      },
    });
    expect(org.errors).toBeUndefined();
    expect(org.data.createNode).toMatchObject({ id: 'org-commune-d-essai', version: 1, change: { action: 'create', before: null } });
    const agreement = await write(CREATE_NODE, {
      input: {
        kind: 'Agreement',
        id: 'agr-essai-logiciels-2008',
        fields: { title: "Convention entre la commune d'Essai et Logiciels Exemplaires", type: 'convention', date: '2008-03-12' },
        evidence: [{ sourceId: SOURCE, quote: 'ont signé le 12 mars 2008 une convention de partenariat' }],
      },
    });
    expect(agreement.errors).toBeUndefined();
    const read = await server.gql(`{ agreement(id: "agr-essai-logiciels-2008") { title date datePrecision evidence { quote source { id title } } } }`);
    expect(read.data.agreement).toEqual({
      title: "Convention entre la commune d'Essai et Logiciels Exemplaires",
      date: '2008-03-12',
      datePrecision: 'DAY',
      evidence: [{ quote: 'ont signé le 12 mars 2008 une convention de partenariat', source: { id: SOURCE, title: 'Communiqué (exemple fictif)' } }],
    });
    const hits = await server.gql('{ search(text: "Commune d Essai", kinds: [Organisation]) { node { id } } }');
    expect(hits.data.search[0].node.id).toBe('org-commune-d-essai');
  });

  it('adds a signatory with its quote: the signature appears on the agreement', async () => {
    const person = await write(CREATE_NODE, {
      input: { kind: 'Person', id: 'per-claire-martin', fields: { name: 'Claire Martin' }, evidence: [{ sourceId: SOURCE, quote: SIGNED_QUOTE }] },
    });
    expect(person.errors).toBeUndefined();
    const signed = await write(CREATE_REL, {
      input: {
        type: 'SIGNED',
        from: 'per-claire-martin',
        to: 'agr-essai-logiciels-2008',
        fields: { onBehalfOf: 'org-commune-d-essai', date: '2008-03-12' },
        evidence: [{ sourceId: SOURCE, quote: SIGNED_QUOTE }],
      },
    });
    expect(signed.errors).toBeUndefined();
    expect(signed.data.createRelationship).toMatchObject({ id: 'per-claire-martin|SIGNED|agr-essai-logiciels-2008', version: 1 });
    const read = await server.gql(
      '{ agreement(id: "agr-essai-logiciels-2008") { signatories { person { name } onBehalfOf { name } date evidence { quote } } } }',
    );
    expect(read.data.agreement.signatories).toEqual([
      { person: { name: 'Claire Martin' }, onBehalfOf: { name: "Commune d'Essai" }, date: '2008-03-12', evidence: [{ quote: SIGNED_QUOTE }] },
    ]);
  });

  describe('refusals write nothing', () => {
    const personWith = (over: Record<string, unknown>) => ({
      input: { kind: 'Person', id: 'per-nobody-here', fields: { name: 'Nobody' }, evidence: [{ sourceId: SOURCE, quote: SIGNED_QUOTE }], ...over },
    });
    const expectNothingWritten = async (before: number) => {
      expect(await changesSince(server.db, mark)).toBe(before);
      const [row] = await server.db.read<{ n: number }>("MATCH (n {id: 'per-nobody-here'}) RETURN count(n) AS n");
      expect(row!.n).toBe(0);
    };

    it('a quote not in the source: BAD_USER_INPUT naming the quote', async () => {
      const before = await changesSince(server.db, mark);
      const res = await write(CREATE_NODE, personWith({ evidence: [{ sourceId: SOURCE, quote: 'signée par M. Personne' }] }));
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('"signée par M. Personne"');
      expect(res.errors?.[0]?.extensions?.problems).toEqual([{ field: 'evidence[0].quote', message: expect.stringContaining('quote not found byte for byte') }]);
      await expectNothingWritten(before);
    });

    it('a quote that differs only by its apostrophe gets the importer’s hint', async () => {
      const res = await write(CREATE_NODE, personWith({ evidence: [{ sourceId: SOURCE, quote: 'maire d’Essai' }] }));
      expect(res.errors?.[0]?.message).toContain('differs only in apostrophes');
    });

    it('no evidence, or evidence from an unknown source', async () => {
      const before = await changesSince(server.db, mark);
      const none = await write(CREATE_NODE, personWith({ evidence: [] }));
      expect(none.errors?.[0]?.extensions?.problems).toContainEqual({ field: 'evidence', message: expect.stringContaining('missing') });
      const unknown = await write(CREATE_NODE, personWith({ evidence: [{ sourceId: 'src-nowhere', quote: 'x' }] }));
      expect(unknown.errors?.[0]?.message).toContain('no source document with id "src-nowhere"');
      await expectNothingWritten(before);
    });

    it('an invalid value gets the message the importer gives for the same value in a file (one validator)', async () => {
      const before = await changesSince(server.db, mark);
      const res = await write(CREATE_NODE, {
        input: { kind: 'Organisation', id: 'per-nobody-here', fields: { name: 'X', type: 'bank', founded: 1990 }, evidence: [{ sourceId: SOURCE, quote: SIGNED_QUOTE }] },
      });
      const problems = res.errors?.[0]?.extensions?.problems as Array<{ field: string; message: string }>;
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // The same organisation in a data file, through the importer's validation:
      const list = new ProblemList();
      validateFile(
        'x.yaml',
        { source: { id: 'src-x', file: 'none.txt', title: 'x', type: 'other', evidence: ['x'] }, nodes: [{ id: 'org-x', kind: 'Organisation', name: 'X', type: 'bank', founded: 1990, evidence: ['x'] }] },
        { index: new CorpusIndex(), sources: new SourceDocuments(path.join(ROOT, 'data', 'sources')), problems: list },
      );
      const fromFile = list.all().filter((p) => p.entity === 'org-x');
      for (const field of ['type', 'founded']) {
        expect(problems.find((p) => p.field === `fields.${field}`)?.message).toBe(fromFile.find((p) => p.field === field)?.message);
      }
      expect(problems.map((p) => p.field)).toContain('id'); // per- is not an organisation's prefix
      await expectNothingWritten(before);
    });

    it('a missing required field, a bad date, a dangling end, an end of the wrong kind', async () => {
      const before = await changesSince(server.db, mark);
      const noName = await write(CREATE_NODE, personWith({ fields: { description: 'x' } }));
      expect(noName.errors?.[0]?.extensions?.problems).toContainEqual({ field: 'fields.name', message: 'missing: required for a Person' });
      const badDate = await write(CREATE_REL, {
        input: { type: 'SIGNED', from: 'per-claire-martin', to: 'agr-essai-logiciels-2008', key: 'second', fields: { date: '2008-02-30' }, evidence: [{ sourceId: SOURCE, quote: SIGNED_QUOTE }] },
      });
      expect(badDate.errors?.[0]?.extensions?.problems).toEqual([{ field: 'fields.date', message: expect.stringContaining('is not a partial date') }]);
      const dangling = await write(CREATE_REL, {
        input: { type: 'SIGNED', from: 'per-nobody-at-all', to: 'agr-essai-logiciels-2008', evidence: [{ sourceId: SOURCE, quote: SIGNED_QUOTE }] },
      });
      expect(dangling.errors?.[0]?.extensions?.problems).toEqual([{ field: 'from', message: expect.stringContaining('dangling reference') }]);
      const wrongKind = await write(CREATE_REL, {
        input: { type: 'SIGNED', from: 'org-commune-d-essai', to: 'agr-essai-logiciels-2008', evidence: [{ sourceId: SOURCE, quote: SIGNED_QUOTE }] },
      });
      expect(wrongKind.errors?.[0]?.message).toContain('org-commune-d-essai is an Organisation, but the model allows only Person as from of SIGNED');
      expect(await changesSince(server.db, mark)).toBe(before);
    });

    it('no token, or a reader’s token', async () => {
      const before = await changesSince(server.db, mark);
      const anonymous = await write(CREATE_NODE, personWith({}), {});
      expect(anonymous.status).toBe(401);
      const reader = await tokenHeaders(server.db, 'reader', 'writes-reader');
      const low = await write(CREATE_NODE, personWith({}), { authorization: reader.authorization });
      expect(low.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      await expectNothingWritten(before);
    });
  });

  it('corrects a date against the version it read; a stale version gets CONFLICT and changes nothing', async () => {
    const fact = await server.gql('{ fact(id: "agr-essai-logiciels-2008") { version fields } }');
    expect(fact.data.fact).toMatchObject({ version: 1, fields: { date: '2008-03-12' } });
    const correction = {
      id: 'agr-essai-logiciels-2008',
      version: 1,
      set: { date: '2008-03-13' },
      evidence: [{ sourceId: SOURCE, quote: 'la convention a en réalité été signée le 13 mars 2008' }],
      reason: 'correctif du communiqué',
    };
    const ok = await write(UPDATE_NODE, { input: correction });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateNode).toMatchObject({ version: 2, fact: { fields: { date: '2008-03-13' } }, change: { reason: 'correctif du communiqué' } });
    expect(ok.data.updateNode.change.before.fields.date).toBe('2008-03-12');
    expect(ok.data.updateNode.change.after.fields.date).toBe('2008-03-13');

    const before = await changesSince(server.db, mark);
    const stale = await write(UPDATE_NODE, { input: { ...correction, set: { date: '2008-03-11' } } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
    expect(await changesSince(server.db, mark)).toBe(before);
    const now = await server.gql('{ agreement(id: "agr-essai-logiciels-2008") { date evidence { quote } } }');
    expect(now.data.agreement.date).toBe('2008-03-13');
    expect(now.data.agreement.evidence).toHaveLength(2);
  });

  it('applies a write retried with the same idempotency key once, answering the retry with the first change', async () => {
    const input = { kind: 'Place', id: 'plc-essai', fields: { name: 'Essai', type: 'city' }, evidence: [{ sourceId: SOURCE, quote: "Commune d'Essai" }] };
    made.push('plc-essai');
    const first = await write(CREATE_NODE, { input, key: 'retry-1' });
    expect(first.errors).toBeUndefined();
    const again = await write(CREATE_NODE, { input, key: 'retry-1' });
    expect(again.errors).toBeUndefined();
    expect(again.data.createNode.change.seq).toBe(first.data.createNode.change.seq);
    const [row] = await server.db.read<{ n: number }>("MATCH (c:Change {factId: 'plc-essai'}) RETURN count(c) AS n");
    expect(row!.n).toBe(1);
    // Without the key, the same write is a second attempt to create it: CONFLICT.
    const third = await write(CREATE_NODE, { input });
    expect(third.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // The header does what the argument does.
    const viaHeader = await write(CREATE_NODE, { input }, { ...as(), 'idempotency-key': 'retry-1' });
    expect(viaHeader.data.createNode.change.seq).toBe(first.data.createNode.change.seq);
  });

  it('retracts a node with its relationships, hiding them from every query, and restores them', async () => {
    const id = 'per-claire-martin';
    const retracted = await write('mutation { retract(id: "per-claire-martin", reason: "homonyme, pas la signataire") { version fact { retracted retractedReason } } }');
    expect(retracted.errors).toBeUndefined();
    expect(retracted.data.retract).toEqual({ version: 2, fact: { retracted: true, retractedReason: 'homonyme, pas la signataire' } });

    expect((await server.gql(`{ node(id: "${id}") { id } }`)).data.node).toBeNull();
    const hits = (await server.gql('{ search(text: "Claire Martin", kinds: [Person]) { node { id } } }')).data.search;
    expect(hits.map((h: { node: { id: string } }) => h.node.id)).not.toContain(id);
    expect((await server.gql('{ agreement(id: "agr-essai-logiciels-2008") { signatories { person { id } } degree } }')).data.agreement).toEqual({
      signatories: [],
      degree: 0,
    });
    const hood = await server.gql('{ neighbourhood(id: "org-commune-d-essai", depth: 2) { nodes { id } } }');
    expect(hood.data.neighbourhood.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    expect((await server.gql(`{ fact(id: "${id}") { id } }`)).data.fact).toBeNull();
    expect((await server.gql(`{ fact(id: "${id}", includeRetracted: true) { retracted fields } }`)).data.fact).toEqual({
      retracted: true,
      fields: { name: 'Claire Martin' },
    });
    const signedId = 'per-claire-martin|SIGNED|agr-essai-logiciels-2008';
    expect((await server.gql(`{ fact(id: "${signedId}", includeRetracted: true) { retracted } }`)).data.fact).toEqual({ retracted: true });

    const stale = await write(UPDATE_NODE, { input: { id, version: 2, set: { name: 'X' }, evidence: [{ sourceId: SOURCE, quote: SIGNED_QUOTE }] } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const restored = await write(`mutation { restore(id: "${id}", reason: "c'était bien elle") { version fact { retracted } } }`);
    expect(restored.errors).toBeUndefined();
    expect(restored.data.restore).toEqual({ version: 3, fact: { retracted: false } });
    expect((await server.gql('{ agreement(id: "agr-essai-logiciels-2008") { signatories { person { id } } } }')).data.agreement.signatories).toEqual([
      { person: { id } },
    ]);
  });

  it('retracts a single relationship; restoring it needs its ends', async () => {
    const signedId = 'per-claire-martin|SIGNED|agr-essai-logiciels-2008';
    const retracted = await write(`mutation($id: ID!) { retract(id: $id, reason: "doute") { version } }`, { id: signedId });
    expect(retracted.errors).toBeUndefined();
    expect((await server.gql('{ person(id: "per-claire-martin") { signed { agreement { id } } } }')).data.person.signed).toEqual([]);
    const restored = await write(`mutation($id: ID!) { restore(id: $id, reason: "levé") { fact { retracted } } }`, { id: signedId });
    expect(restored.data.restore.fact.retracted).toBe(false);
    expect((await server.gql('{ person(id: "per-claire-martin") { signed { agreement { id } } } }')).data.person.signed).toHaveLength(1);

    // Corrected like a node, against its version.
    const { version } = (await server.gql(`{ fact(id: "${signedId}") { version } }`)).data.fact;
    const corrected = await write(`mutation($input: UpdateInput!) { updateRelationship(input: $input) { version fact { fields } } }`, {
      input: { id: signedId, version, set: { date: '2008-03-13' }, evidence: [{ sourceId: SOURCE, quote: 'signée le 13 mars 2008' }] },
    });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data.updateRelationship).toEqual({ version: version + 1, fact: { fields: { onBehalfOf: 'org-commune-d-essai', date: '2008-03-13' } } });
    const unknownField = await write(`mutation($input: UpdateInput!) { updateRelationship(input: $input) { version } }`, {
      input: { id: signedId, version: version + 1, unset: ['role'], evidence: [{ sourceId: SOURCE, quote: SIGNED_QUOTE }] },
    });
    expect(unknownField.errors?.[0]?.extensions?.problems).toEqual([{ field: 'unset[0]', message: expect.stringContaining('unknown field for a SIGNED relationship') }]);
  });

  it('refuses to restore a relationship whose end is retracted', async () => {
    const person = await write('mutation { retract(id: "per-claire-martin", reason: "test") { version } }');
    expect(person.errors).toBeUndefined();
    const alone = await write(`mutation { restore(id: "per-claire-martin|SIGNED|agr-essai-logiciels-2008", reason: "x") { version } }`);
    expect(alone.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(alone.errors?.[0]?.message).toContain('per-claire-martin');
    expect((await write('mutation { restore(id: "per-claire-martin", reason: "test") { version } }')).errors).toBeUndefined();
  });

  it('refuses to retract a source that facts cite: their quotes would lose their document', async () => {
    const res = await write(`mutation { retract(id: "${SOURCE}", reason: "x") { version } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0]?.message).toMatch(/is the evidence of \d+ facts/);
    expect((await server.gql(`{ source(id: "${SOURCE}") { id } }`)).data.source.id).toBe(SOURCE);
  });

  it('answers history(id) with who, when, before, after and why, and changes(since) with every change in order', async () => {
    const res = await server.gql('{ history(id: "per-claire-martin") { seq action actor actorName reason before after } }');
    expect(res.data.history.map((c: { action: string }) => c.action)).toEqual(['create', 'retract', 'restore', 'retract', 'restore']);
    expect(res.data.history[1]).toMatchObject({ actor: editor.id, reason: 'homonyme, pas la signataire', before: { version: 1, retracted: false }, after: { version: 2, retracted: true } });
    const signed = await server.gql('{ history(id: "per-claire-martin|SIGNED|agr-essai-logiciels-2008") { action } }');
    expect(signed.data.history.map((c: { action: string }) => c.action)).toEqual(['create', 'retract', 'restore', 'retract', 'restore', 'update', 'retract', 'restore']);

    const feed = await server.gql(`{ changes(since: ${mark}, first: 500) { seq action factId at } }`);
    const seqs = feed.data.changes.map((c: { seq: number }) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs[0]).toBe(mark + 1);
    const page = await server.gql(`{ changes(since: ${seqs[2]}, first: 2) { seq } }`);
    expect(page.data.changes.map((c: { seq: number }) => c.seq)).toEqual(seqs.slice(3, 5));
  });
});
