import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src/config';
import { startTestServer, TestServer } from './support/server';

/** What each operation of examples/ must answer on the corpus: the question in its file name, checked. */
const ANSWERS: Record<string, (data: any) => void> = {
  '01-who-signed-the-apvf-protocol.graphql': ({ agreement }) => {
    expect(agreement.signatories.map((s: any) => [s.person.name, s.onBehalfOf.name, s.date]).sort()).toEqual([
      ['Eric Boustouller', 'Microsoft France', '2007-11-27'],
      ['Martin Malvy', 'Association des petites villes de France', '2007-11-27'],
    ]);
    expect(agreement.signatories[0].evidence[0].source.file).toBe('003_651929db94c9cfdd.txt');
  },
  '02-paris-agreement-parties-and-signatories.graphql': ({ agreement }) => {
    expect(agreement.parties.map((p: any) => p.organisation.name).sort()).toEqual(['Microsoft', 'Ville de Paris']);
    expect(agreement.signatories).toEqual([]);
  },
  '03-what-did-eric-boustouller-sign.graphql': ({ person }) => {
    expect(person.signed.map((s: any) => [s.agreement.title, s.onBehalfOf.name])).toEqual([
      ['Partnership protocol between the APVF and Microsoft France', 'Microsoft France'],
    ]);
    expect(person.roles).toContainEqual({ title: 'président', organisation: { name: 'Microsoft France' } });
  },
  '04-what-did-the-paris-agreement-promise.graphql': ({ agreement }) => {
    expect(agreement.programmes.map((p: any) => p.node.name)).toEqual(expect.arrayContaining(['IDEES', 'IDEES Design', 'IDEES Eco-activités']));
    const quantities = agreement.commitments.map((c: any) => c.node.quantity);
    expect(quantities).toEqual(expect.arrayContaining([120, 40]));
    for (const c of agreement.commitments) expect(c.evidence.length).toBeGreaterThan(0);
  },
  '05-who-represents-the-apvf.graphql': ({ organisation }) => {
    expect(organisation.aliases).toContain('APVF');
    expect(organisation.people.map((p: any) => [p.person.name, p.title])).toContainEqual(['Martin Malvy', 'président']);
    expect(organisation.signatures.map((s: any) => s.person.name)).toEqual(['Martin Malvy']);
  },
  '06-how-is-martin-malvy-connected-to-bertrand-delanoe.graphql': ({ paths }) => {
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(p.elements[0].id).toBe('per-martin-malvy');
      expect(p.elements[p.elements.length - 1].id).toBe('per-bertrand-delanoe');
      const rels = p.elements.filter((e: any) => e.__typename === 'Relationship');
      expect(rels.length).toBe(p.length);
      for (const r of rels) expect(r.evidence[0].quote.length).toBeGreaterThan(0);
    }
  },
  '07-agreements-signed-in-2007.graphql': ({ agreements }) => {
    expect(agreements.totalCount).toBe(2);
    expect(agreements.nodes.map((a: any) => a.date)).toEqual(['2007-02', '2007-11-27']);
  },
  '08-which-clause-makes-the-paris-agreement-non-exclusive.graphql': ({ agreement }) => {
    expect(agreement.exclusive).toBe(false);
    const article3 = agreement.clauses.find((c: any) => c.node.title === 'Article 3');
    expect(article3.node.text).toContain('Le présent accord n’est pas exclusif');
    expect(article3.node.evidence.map((e: any) => e.source.publisher)).toContain('Ville de Paris');
  },
  '09-search-with-typos.graphql': (data) => {
    expect(data.delanoe[0].node.id).toBe('per-bertrand-delanoe');
    expect(data.boustouller[0].node.id).toBe('per-eric-boustouller');
    expect(data.collomb[0].node.id).toBe('per-gerard-collomb');
    expect(data.apvf[0].node.id).toBe('org-apvf');
  },
  '10-microsofts-network.graphql': ({ neighbourhood }) => {
    expect(neighbourhood.center.id).toBe('org-microsoft');
    expect(neighbourhood.nodes.length).toBeLessThanOrEqual(60);
    expect(neighbourhood.truncated).toBe(true);
    expect(neighbourhood.omitted.find((o: any) => o.id === 'org-microsoft').count).toBeGreaterThan(0);
  },
  '11-common-partners-of-paris-and-the-cigref.graphql': ({ commonPartners }) => {
    expect(commonPartners.map((p: any) => p.partner.id)).toContain('org-microsoft');
  },
  '12-microsoft-timeline.graphql': ({ timeline }) => {
    const dates = timeline.map((e: any) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(timeline[0].node.id).toBe('agr-cigref-microsoft-2001');
    expect(timeline.map((e: any) => e.node.id)).toContain('agr-paris-microsoft-2008');
  },
  '13-microsoft-agreements-parties-and-signatories.graphql': ({ organisation }) => {
    const lyon = organisation.agreements.find((a: any) => a.agreement.title.includes('Lyon')).agreement;
    expect(lyon.signatories.map((s: any) => [s.person.name, s.onBehalfOf.name]).sort()).toEqual([
      ['Bill Gates', 'Microsoft'],
      ['Gérard Collomb', 'Ville de Lyon'],
    ]);
    for (const a of organisation.agreements) expect(a.agreement.parties.map((p: any) => p.organisation.name)).toContain('Microsoft');
  },
  '14-what-does-the-cigref-renewal-renew.graphql': ({ agreement }) => {
    expect(agreement.renews.map((r: any) => r.node.date)).toEqual(['2001']);
    expect(agreement).toMatchObject({ duration: '2 years', confidential: true, signatories: [] });
  },
  '15-organisations-by-number-of-agreements.graphql': ({ organisations }) => {
    expect(organisations.edges[0].node.name).toBe('Microsoft');
    expect(organisations.edges).toHaveLength(2);
    expect(organisations.pageInfo.hasNextPage).toBe(true);
    expect(organisations.edges[0].node.agreements.length).toBeGreaterThanOrEqual(organisations.edges[1].node.agreements.length);
  },
  '16-what-did-marc-mosse-say.graphql': ({ person }) => {
    expect(person.roles).toContainEqual({ title: 'chargé des affaires institutionnelles', organisation: { name: 'Microsoft' } });
    const grandFrere = person.statements.find((s: any) => s.node.words.includes('« grand frère »')).node;
    expect(grandFrere).toMatchObject({ mode: 'quoted', medium: 'interview', sources: [{ file: '000_4259747c74391fd7.txt' }] });
    expect(grandFrere.subjects.map((s: any) => s.node.id)).toContain('prg-idees');
  },
  '17-how-many-city-workstations-run-free-software.graphql': ({ figures, targets }) => {
    expect(figures.map((f: any) => [f.value, f.unit, f.status])).toEqual([[20000, 'workstation', 'FACT'], [7000, 'workstation', 'FACT']]);
    expect(figures[1].evidence[0].quote).toContain('7000 postes des agents de la Ville équipés en logiciels libres');
    expect(targets.map((f: any) => [f.value, f.status, f.qualifier])).toEqual([[120, 'TARGET', null], [100, 'TARGET', 'about']]);
  },
  '18-what-does-the-digital-facilitators-programme-offer.graphql': ({ programme }) => {
    expect(programme).toMatchObject({ type: 'training', runBy: expect.arrayContaining([{ node: { name: 'Microsoft' } }]) });
    expect(programme.offers).toContain('20-day training cycle over 3 months');
    expect(programme.figures.map((f: any) => f.node.value).sort((a: number, b: number) => a - b)).toEqual([3, 20, 28, 30]);
  },
  '19-where-does-grand-frere-come-up.graphql': ({ passages }) => {
    const [first] = passages;
    expect(first.passage.text).toContain('« grand frère »');
    const statement = first.passage.facts.find((f: any) => f.kind === 'Statement');
    expect(statement.speakers).toEqual([{ node: { label: 'Marc Mossé' } }]);
    expect(statement.subjects.map((s: any) => s.node.id)).toEqual(expect.arrayContaining(['org-microsoft', 'prg-idees']));
  },
  '20-which-actors-may-be-one.graphql': ({ duplicateCandidates, judgements }) => {
    const pairs = duplicateCandidates.nodes.map((c: any) => [c.a.id, c.b.id].join('~'));
    expect(pairs).toContain('org-microsoft~org-microsoft-france');
    const microsofts = duplicateCandidates.nodes.find((c: any) => c.a.id === 'org-microsoft' && c.b.id === 'org-microsoft-france');
    expect(microsofts.reasons.map((r: any) => r.code)).toContain('NAME_CONTAINED');
    for (let i = 1; i < duplicateCandidates.nodes.length; i++) expect(duplicateCandidates.nodes[i].score).toBeLessThanOrEqual(duplicateCandidates.nodes[i - 1].score);
    expect(Array.isArray(judgements)).toBe(true);
  },
  '21-are-lyon-and-sciences-po-connected-other-than-through-microsoft.graphql': ({ throughAnyone, avoidingHubs }) => {
    expect(throughAnyone.outcome).toBe('FOUND');
    expect(throughAnyone.paths[0].nodes.map((n: any) => n.id)).toContain('org-microsoft');
    expect(avoidingHubs).toMatchObject({ outcome: 'NO_PATH', message: 'no path within 6 relationships', searchedLength: 6 });
  },
};

const EXAMPLES = path.join(ROOT, 'examples');

describe('every example in examples/ answers its question on the corpus', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('has at least twelve examples, each with its expected answer here', () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.graphql')).sort();
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(files).toEqual(Object.keys(ANSWERS).sort());
  });

  it.each(Object.keys(ANSWERS))('%s', async (file) => {
    const res = await server.gql(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
    expect(res.errors).toBeUndefined();
    ANSWERS[file]!(res.data);
  });
});
