import { importCorpus } from '../src/import';
import { DUP_EXTRA_TEXT, DUP_TEXT, duplicatesCorpus, extraFile, removeJudgements, SAME_QUOTE } from './support/duplicates';
import { graphContent } from './support/exports';
import { removeFixtureEntities, writeFixtureCorpus, type FixtureCorpus } from './support/importFixtures';
import { startTestServer, type TestServer } from './support/server';
import { removeTestTokens, tokenHeaders } from './support/tokens';
import { changeLogMark, undoWrites } from './support/writes';

const CANDIDATES = `query($node: ID, $kinds: [NodeKind!], $first: Int, $after: String) {
  duplicateCandidates(node: $node, kinds: $kinds, first: $first, after: $after) {
    totalCount hasNextPage endCursor nodes { id score a { id label } b { id label } reasons { code detail weight } }
  }
}`;
const JUDGE = `mutation($a: ID!, $b: ID!, $verdict: Verdict!, $reason: String!, $evidence: [EvidenceInput!]) {
  judge(a: $a, b: $b, verdict: $verdict, reason: $reason, evidence: $evidence) {
    judgement { id a b verdict reason by active canonicalId evidence { sourceId quote } }
    change { seq action factId }
    node { id ... on Entity { mergedIds aliases } }
  }
}`;
const UNDO = `mutation($id: ID!) { undoJudgement(id: $id, reason: "undone in a test") { judgement { id active undoneAt } change { action } node { id } } }`;
const NODE = `query($id: ID!) {
  node(id: $id) { id ... on Entity { canonicalId mergedIds label aliases formerIdentities { id label judgement { id verdict } } evidence { quote } } }
}`;
const EVIDENCE = [{ sourceId: 'src-zz-dup', quote: SAME_QUOTE }];

describe('the same actor under two names: candidates, judgements, merges that can be undone', () => {
  let server: TestServer;
  let editor: { authorization: string; id: string };
  let corpus: FixtureCorpus;
  let mark: number;
  const as = () => ({ authorization: editor.authorization });
  const judge = (a: string, b: string, verdict = 'SAME', evidence = EVIDENCE) =>
    server.gql(JUDGE, { a, b, verdict, reason: 'the press release says so', evidence }, as());
  const undo = (id: string) => server.gql(UNDO, { id }, as());
  const pairs = async (node?: string) => {
    const res = await server.gql(CANDIDATES, { node, kinds: ['Organisation', 'Person'], first: 100 });
    expect(res.errors).toBeUndefined();
    return res.data.duplicateCandidates.nodes as Array<{ id: string; score: number; reasons: Array<{ code: string }> }>;
  };

  beforeAll(async () => {
    server = await startTestServer();
    editor = await tokenHeaders(server.db, 'editor', 'duplicates-editor');
    mark = await changeLogMark(server.db);
    corpus = writeFixtureCorpus({ ...duplicatesCorpus(), ...extraFile() }, { 'zz-dup.txt': DUP_TEXT, 'zz-extra.txt': DUP_EXTRA_TEXT });
    await importCorpus(server.db, [corpus.file('dup.yaml')], { sourcesDir: corpus.sourcesDir });
  });
  afterAll(async () => {
    await removeFixtureEntities(server.db);
    await removeJudgements(server.db);
    await undoWrites(server.db, mark, []);
    await removeTestTokens(server.db);
    corpus.remove();
    await server.close();
  });

  it('proposes the mairie and the ville, and "J. Zorro" for Jean Zorro, with their reasons, best first', async () => {
    const found = await pairs('org-zz-mairie');
    const cityPair = found.find((c) => c.id === 'org-zz-mairie~org-zz-ville');
    expect(cityPair).toBeDefined();
    expect(cityPair!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['SAME_PLACE_NAME', 'SHARED_NEIGHBOURS', 'SAME_ROLE_IN_AGREEMENT']));
    const people = await pairs('per-zz-jean-zorro');
    expect(people.map((c) => c.id)).toContain('per-zz-j-zorro~per-zz-jean-zorro');
    expect(people[0]!.reasons.map((r) => r.code)).toContain('INITIALS');
    // Acme shares the agreement but not a name: never proposed.
    expect((await pairs('org-zz-acme')).map((c) => c.id)).toEqual([]);
    const all = await pairs();
    for (let i = 1; i < all.length; i++) expect(all[i]!.score).toBeLessThanOrEqual(all[i - 1]!.score);
  });

  it('refuses a judgement without a token, a SAME without a quote, and a quote its source does not hold', async () => {
    const anonymous = await server.gql(JUDGE, { a: 'org-zz-ville', b: 'org-zz-mairie', verdict: 'SAME', reason: 'x', evidence: EVIDENCE });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await judge('org-zz-ville', 'org-zz-mairie', 'SAME', [])).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const wrongQuote = await judge('org-zz-ville', 'org-zz-mairie', 'SAME', [{ sourceId: 'src-zz-dup', quote: 'words it never says' }]);
    expect(wrongQuote.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await judge('org-zz-ville', 'per-zz-jean-zorro')).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await judge('org-zz-ville', 'org-zz-nowhere')).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(await server.db.read('MATCH (j:Judgement) WHERE j.pair CONTAINS "-zz-" RETURN j')).toEqual([]);
  });

  it('merges on SAME: one node answers for both, with both names, relationships and evidence; undo gives back the graph exactly', async () => {
    const before = await graphContent(server.db);
    const res = await judge('org-zz-ville', 'org-zz-mairie');
    expect(res.errors).toBeUndefined();
    const j = res.data.judge.judgement;
    expect(j).toMatchObject({ a: 'org-zz-ville', b: 'org-zz-mairie', verdict: 'SAME', by: editor.id, active: true, canonicalId: 'org-zz-ville' });
    expect(res.data.judge.node).toMatchObject({ id: 'org-zz-ville', mergedIds: ['org-zz-mairie'] });

    // node(id) of the merged id answers with the canonical node, and says so.
    const merged = (await server.gql(NODE, { id: 'org-zz-mairie' })).data.node;
    expect(merged).toMatchObject({ id: 'org-zz-ville', canonicalId: 'org-zz-ville', mergedIds: ['org-zz-mairie'] });
    expect(merged.aliases).toEqual(expect.arrayContaining(['Mairie de Zedville', 'la Mairie']));
    expect(merged.formerIdentities).toEqual([{ id: 'org-zz-mairie', label: 'Mairie de Zedville', judgement: { id: j.id, verdict: 'SAME' } }]);
    expect(merged.evidence.map((e: { quote: string }) => e.quote)).toEqual(expect.arrayContaining(['La Ville de Zedville', 'La Mairie de Zedville']));
    expect((await server.gql('{ organisation(id: "org-zz-mairie") { id name } }')).data.organisation).toEqual({ id: 'org-zz-ville', name: 'Ville de Zedville' });

    // Both were party to the convention: one party now, with the evidence of both; the signature made for
    // the mairie is made for the ville; the mairie's "part of the ville" has no place on one node.
    const agreement = (
      await server.gql(`{ agreement(id: "agr-zz-convention") {
        parties { organisation { id } role evidence { quote } }
        signatories { person { id } onBehalfOf { id } }
      } }`)
    ).data.agreement;
    const city = agreement.parties.filter((p: { organisation: { id: string } }) => p.organisation.id === 'org-zz-ville');
    expect(city).toHaveLength(1);
    expect(city[0].evidence.map((e: { quote: string }) => e.quote).sort()).toEqual(
      ['La Ville de Zedville et Acme ont signé une convention', 'a signé l’avenant pour la Mairie de Zedville'].sort(),
    );
    expect(agreement.parties.map((p: { organisation: { id: string } }) => p.organisation.id)).not.toContain('org-zz-mairie');
    expect(agreement.signatories.map((s: { onBehalfOf: { id: string } }) => s.onBehalfOf.id)).toEqual(['org-zz-ville', 'org-zz-ville']);

    // Search finds it once; the pair is not proposed again; the judgement is in both nodes' history.
    const hits = (await server.gql('{ search(text: "Mairie de Zedville", kinds: [Organisation], first: 10) { node { id } } }')).data.search;
    expect(hits.filter((h: { node: { id: string } }) => h.node.id === 'org-zz-ville')).toHaveLength(1);
    expect(hits.map((h: { node: { id: string } }) => h.node.id)).not.toContain('org-zz-mairie');
    expect((await pairs('org-zz-ville')).map((c) => c.id)).not.toContain('org-zz-mairie~org-zz-ville');
    for (const id of ['org-zz-ville', 'org-zz-mairie', j.id]) {
      const history = (await server.gql(`{ history(id: "${id}") { action actor } }`)).data.history;
      expect(history).toContainEqual({ action: 'judge', actor: editor.id });
    }
    const neighbourhood = (await server.gql('{ neighbourhood(id: "agr-zz-convention", depth: 1) { nodes { id } } }')).data.neighbourhood;
    expect(neighbourhood.nodes.map((n: { id: string }) => n.id)).not.toContain('org-zz-mairie');

    // The merged id, as an argument anywhere an actor is asked, stands for the canonical node.
    const around = (await server.gql('{ neighbourhood(id: "org-zz-mairie", depth: 1) { center { id } nodes { id } } }')).data.neighbourhood;
    expect(around.center.id).toBe('org-zz-ville');
    expect(around.nodes.map((n: { id: string }) => n.id)).toContain('agr-zz-convention');
    const timeline = await server.gql('{ timeline(actor: "org-zz-mairie", kinds: [Agreement]) { node { id } } }');
    expect(timeline.errors).toBeUndefined();
    expect(timeline.data.timeline.map((e: { node: { id: string } }) => e.node.id)).toContain('agr-zz-convention');
    const partners = await server.gql('{ commonPartners(a: "org-zz-mairie", b: "org-zz-acme") { partner { id } } }');
    expect(partners.errors).toBeUndefined();
    expect((await server.gql('{ neighbourhood(id: "org-zz-nowhere") { center { id } } }')).errors![0]!.extensions!.code).toBe('NOT_FOUND');

    // A second SAME on the same pair is refused; the undo restores both nodes exactly.
    expect((await judge('org-zz-mairie', 'org-zz-ville')).errors![0]!.extensions!.code).toBe('CONFLICT');
    const undone = await undo(j.id);
    expect(undone.errors).toBeUndefined();
    expect(undone.data.undoJudgement.judgement).toMatchObject({ id: j.id, active: false });
    const after = await graphContent(server.db);
    expect(after.lines.filter((l) => !before.lines.includes(l))).toEqual([]);
    expect(after.hash).toBe(before.hash);
    expect((await server.gql(NODE, { id: 'org-zz-mairie' })).data.node).toMatchObject({ id: 'org-zz-mairie', mergedIds: [] });
    expect((await pairs('org-zz-mairie')).map((c) => c.id)).toContain('org-zz-mairie~org-zz-ville');
    expect((await undo(j.id)).errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it('undoes one link of a chain: A=B then B=C (C joins A); undoing A=B leaves B and C one node', async () => {
    const before = await graphContent(server.db);
    const ab = (await judge('org-zz-ville', 'org-zz-mairie')).data.judge.judgement;
    const bc = await judge('org-zz-mairie', 'org-zz-commune');
    expect(bc.errors).toBeUndefined();
    expect(bc.data.judge.judgement).toMatchObject({ a: 'org-zz-ville', b: 'org-zz-commune' });
    expect((await server.gql(NODE, { id: 'org-zz-commune' })).data.node.mergedIds.sort()).toEqual(['org-zz-commune', 'org-zz-mairie']);

    const res = await undo(ab.id);
    expect(res.errors).toBeUndefined();
    // The ville stands alone again; the mairie and the commune are still judged the same.
    expect((await server.gql(NODE, { id: 'org-zz-ville' })).data.node).toMatchObject({ id: 'org-zz-ville', mergedIds: [] });
    expect((await server.gql(NODE, { id: 'org-zz-commune' })).data.node).toMatchObject({ id: 'org-zz-mairie', mergedIds: ['org-zz-commune'] });

    expect((await undo(bc.data.judge.judgement.id)).errors).toBeUndefined();
    expect((await graphContent(server.db)).hash).toBe(before.hash);
  });

  it('a DIFFERENT stops the pair being proposed, until it is undone', async () => {
    const res = await judge('per-zz-jean-zorro', 'per-zz-j-zorro', 'DIFFERENT', []);
    expect(res.errors).toBeUndefined();
    expect(res.data.judge.judgement).toMatchObject({ verdict: 'DIFFERENT', canonicalId: null });
    expect((await pairs('per-zz-jean-zorro')).map((c) => c.id)).not.toContain('per-zz-j-zorro~per-zz-jean-zorro');
    const listed = (await server.gql('{ judgements(node: "per-zz-j-zorro") { id verdict byName } }')).data.judgements;
    expect(listed).toEqual([{ id: res.data.judge.judgement.id, verdict: 'DIFFERENT', byName: 'test-token:duplicates-editor' }]);
    await undo(res.data.judge.judgement.id);
    expect((await pairs('per-zz-jean-zorro')).map((c) => c.id)).toContain('per-zz-j-zorro~per-zz-jean-zorro');
  });

  it('a merge survives re-importing the files, and a file naming the merged id lands on the canonical node', async () => {
    const j = (await judge('org-zz-ville', 'org-zz-mairie')).data.judge.judgement;
    const merged = await graphContent(server.db);
    await importCorpus(server.db, [corpus.file('dup.yaml')], { sourcesDir: corpus.sourcesDir });
    const reimported = await graphContent(server.db);
    expect(reimported.lines.filter((l) => !merged.lines.includes(l))).toEqual([]);
    expect(reimported.hash).toBe(merged.hash);
    expect(await server.db.read('MATCH (n:Entity {id: "org-zz-mairie"}) RETURN n.id AS id')).toEqual([]);
    // The document's sentence about J. Zorro and the mairie now leads to the facts that answer for them.
    const passage = (await server.gql('{ passages(text: "a signé l’avenant pour la Mairie de Zedville", first: 1) { passage { relationships { id } } } }')).data.passages;
    expect(passage[0].passage.relationships.map((r: { id: string }) => r.id)).toContain('per-zz-j-zorro|HOLDS_ROLE|org-zz-ville');

    await importCorpus(server.db, [corpus.file('extra.yaml')], { sourcesDir: corpus.sourcesDir });
    const paul = (await server.gql('{ person(id: "per-zz-paul-zed") { affiliations { node { id } } } }')).data.person;
    expect(paul.affiliations.map((l: { node: { id: string } }) => l.node.id)).toEqual(['org-zz-ville']);

    // Undone, the mairie comes back with its own facts; Paul's affiliation, stated after the merge, stays on the ville.
    expect((await undo(j.id)).errors).toBeUndefined();
    expect((await server.gql(NODE, { id: 'org-zz-mairie' })).data.node.id).toBe('org-zz-mairie');
  });
});
