import { startTestServer, type TestServer } from './support/server';
import { removeTestTokens, tokenHeaders } from './support/tokens';
import { changeLogMark, undoWrites } from './support/writes';

const KINDS = ['Organisation', 'Person', 'Agreement', 'Programme', 'Place', 'Event'];
const P = 'src-001-paris-press-kit';
const COLLECTIVE = { sourceId: P, quote: "Ce suivi personnalisé est complété par d'autres actions plus collectives" };

/**
 * The corpus' own candidates and what the documents say of each: every pair proposed is judged with the
 * quote that decides it, and nothing is left to propose. None is the same actor: where the documents give
 * one actor two names (Gérard Colomb for Gérard Collomb, APVF, Cigref, Science-Po Paris), the curated data
 * holds one node with aliases already, so no pair is proposed for them.
 */
const JUDGED: Array<{ a: string; b: string; reason: string; evidence: { sourceId: string; quote: string } }> = [
  {
    a: 'org-microsoft',
    b: 'org-microsoft-france',
    reason: 'The group (Bill Gates, its PDG) and its French company (Eric Boustouller, its president) sign different agreements',
    evidence: { sourceId: 'src-003-apvf-protocol', quote: "Eric Boustouller, président de Microsoft France, et Martin Malvy, président de l'APVF." },
  },
  {
    a: 'org-sciences-po',
    b: 'org-sciences-po-ecole-communication',
    reason: 'A new school of Sciences-Po, concerned by the partnership besides Sciences-Po itself',
    evidence: { sourceId: 'src-004-cigref-sciences-po', quote: 'Le partenariat concerne également la nouvelle école de communication de Sciences-Po.' },
  },
  {
    a: 'evt-imagine-cup',
    b: 'evt-imagine-cup-2008',
    reason: 'The competition, and the world final of its 2008 edition in Paris',
    evidence: { sourceId: P, quote: 'La finale mondiale de ces véritables championnats du monde numérique organisés par Microsoft' },
  },
  {
    a: 'prg-lille-volet-social',
    b: 'prg-lille-volet-societal',
    reason: 'Two of the four strands of the Lille convention: social (back to work) and societal (e-citizenship)',
    evidence: { sourceId: 'src-000-lille-interview', quote: 'Elle comprend quatre volets.' },
  },
  ...['design', 'eco-activites'].map((p) => ({
    a: 'prg-idees',
    b: `prg-idees-${p}`,
    reason: 'One of the two new actions completing the IDEES programme, not the programme',
    evidence: { sourceId: P, quote: 'Le programme IDEES est complété par deux nouvelles actions' },
  })),
  ...['soutien-financement', 'contacts-internationaux', 'implantation-international', 'invitations', 'journees-experts', 'visioconference'].map((p) => ({
    a: 'prg-idees',
    b: `prg-idees-${p}`,
    reason: 'One of the collective actions beside the IDEES follow-up, not the programme',
    evidence: COLLECTIVE,
  })),
];

describe("the corpus' own duplicate candidates, judged with the quotes that decide them", () => {
  let server: TestServer;
  let editor: { authorization: string; id: string };
  let mark: number;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    editor = await tokenHeaders(server.db, 'editor', 'corpus-judge');
    mark = await changeLogMark(server.db);
  });
  afterAll(async () => {
    for (const id of ids) await server.gql('mutation($id: ID!) { undoJudgement(id: $id, reason: "test") { judgement { id } } }', { id }, { authorization: editor.authorization });
    await server.db.write('MATCH (j:Judgement) WHERE j.id IN $ids DELETE j', { ids });
    await undoWrites(server.db, mark, []);
    await removeTestTokens(server.db);
    await server.close();
  });

  it('proposes exactly the pairs judged here, and none once they are judged DIFFERENT', async () => {
    const ask = async () =>
      ((await server.gql('query($k: [NodeKind!]) { duplicateCandidates(kinds: $k, first: 100) { nodes { a { id } b { id } } } }', { k: KINDS })).data
        .duplicateCandidates.nodes as Array<{ a: { id: string }; b: { id: string } }>).map((c) => `${c.a.id}~${c.b.id}`);
    expect((await ask()).sort()).toEqual(JUDGED.map((j) => `${j.a}~${j.b}`).sort());
    for (const j of JUDGED) {
      const res = await server.gql(
        'mutation($a: ID!, $b: ID!, $reason: String!, $e: [EvidenceInput!]) { judge(a: $a, b: $b, verdict: DIFFERENT, reason: $reason, evidence: $e) { judgement { id } } }',
        { a: j.a, b: j.b, reason: j.reason, e: [j.evidence] },
        { authorization: editor.authorization },
      );
      expect(res.errors).toBeUndefined();
      ids.push(res.data.judge.judgement.id);
    }
    expect(await ask()).toEqual([]);
  });

  it('finds "Gérard Colomb" as Gérard Collomb: one node, the spelling of the source an alias', async () => {
    const hits = (await server.gql('{ search(text: "Gérard Colomb", kinds: [Person], first: 1) { node { id ... on Entity { aliases } } } }')).data.search;
    expect(hits[0].node).toEqual({ id: 'per-gerard-collomb', aliases: ['Gérard Colomb'] });
  });
});
