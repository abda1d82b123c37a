import { startTestServer, TestServer } from './support/server';

/** Questions a reader of the five documents asks about what was said, how many, and where a phrase comes up. */
describe('statements, figures and passages', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const res = await server.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  it('what did Marc Mossé say, about what, where and when?', async () => {
    const data = await ask(`{ person(id: "per-marc-mosse") { statements { node { id words mode medium date datePrecision
      subjects { node { id } } sources { file } } } } }`);
    const statements = data.person.statements.map((l: any) => l.node);
    const grandFrere = statements.find((s: any) => s.id === 'stm-mosse-grand-frere');
    expect(grandFrere).toMatchObject({ mode: 'quoted', medium: 'interview', date: '2008', datePrecision: 'YEAR', sources: [{ file: '000_4259747c74391fd7.txt' }] });
    expect(grandFrere.words).toContain('le soutien d’un « grand frère » est précieux');
    expect(grandFrere.subjects.map((s: any) => s.node.id).sort()).toEqual(['org-microsoft', 'prg-idees']);
    expect(statements.length).toBeGreaterThanOrEqual(7);
  });

  it('what was said about Microsoft, and by whom?', async () => {
    const data = await ask(`{ organisation(id: "org-microsoft") { statementsAbout { node { id speakers { node { id } } } } } }`);
    const speakers = new Set(data.organisation.statementsAbout.flatMap((l: any) => l.node.speakers.map((s: any) => s.node.id)));
    for (const id of ['per-marc-mosse', 'per-thomas-serval', 'per-bertrand-lemaire', 'org-ville-de-paris']) expect([id, speakers.has(id)]).toEqual([id, true]);
  });

  it('filters statements by speaker, subject and date', async () => {
    const q = `query ($filter: StatementFilter) { statements(filter: $filter) { id date } }`;
    const bySpeakerAndSubject = await ask(q, { filter: { speaker: 'per-marc-mosse', subject: 'prg-idees' } });
    expect(bySpeakerAndSubject.statements.map((s: any) => s.id).sort()).toEqual(['stm-mosse-grand-frere', 'stm-mosse-lille-convention-content']);
    const in2004 = await ask(q, { filter: { dateFrom: '2004', dateTo: '2004' } });
    expect(in2004.statements).toEqual([{ id: 'stm-paris-communique-2004-independence', date: '2004-10-12' }]);
    const all = await ask(q, {});
    const dates = all.statements.map((s: any) => s.date).filter(Boolean);
    expect(dates).toEqual([...dates].sort());
  });

  it('answers an unknown speaker or subject with NOT_FOUND, an empty one with BAD_USER_INPUT', async () => {
    const unknown = await server.gql(`{ statements(filter: { speaker: "per-nobody" }) { id } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const empty = await server.gql(`{ figures(filter: { about: "" }) { id } }`);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.about' });
  });

  it('how many workstations does the Ville de Paris have, and how many run free software? (figures of one unit compare)', async () => {
    const data = await ask(`{ figures(filter: { unit: "workstation" }) { id value unit status asOf about { node { id } } } }`);
    expect(data.figures.map((f: any) => [f.id, f.value, f.status])).toEqual([
      ['fig-paris-20000-workstations', 20000, 'FACT'],
      ['fig-paris-7000-workstations-free-software', 7000, 'FACT'],
    ]);
    expect(data.figures[1].value / data.figures[0].value).toBeCloseTo(0.35);
  });

  it('tells targets from facts and estimates', async () => {
    const data = await ask(`{ figures(filter: { about: "org-apvf" }) { id value status qualifier } }`);
    expect(data.figures).toContainEqual({ id: 'fig-apvf-1000-members', value: 1000, status: 'ESTIMATE', qualifier: 'about' });
    const targets = await ask(`{ figures(filter: { status: TARGET, unit: "person" }) { id } }`);
    expect(targets.figures.map((f: any) => f.id).sort()).toEqual(['fig-lille-50-people-per-year', 'fig-paris-100-back-to-work', 'fig-paris-120-trained']);
  });

  it("what does a programme offer, to whom, for how long, and with which numbers?", async () => {
    const data = await ask(`{ programme(id: "prg-paris-animateurs-numeriques") { type targets offers duration figures { node { ... on Figure { value unit } } } } }`);
    expect(data.programme).toMatchObject({ type: 'training', duration: '20 days over 3 months (the cycle for social-centre facilitators)' });
    expect(data.programme.targets).toContain('28 associative social centres');
    expect(data.programme.figures.map((f: any) => `${f.node.value} ${f.node.unit}`).sort()).toEqual(['20 day', '28 social centre', '3 month', '30 facilitator']);
  });

  it('where does « grand frère » come up, and about whom? (without the accent)', async () => {
    const data = await ask(`{ passages(text: "grand frere", first: 3) { score passage { id text source { file }
      facts { id kind ... on Statement { speakers { node { id } } subjects { node { id } } } } } } }`);
    const [hit] = data.passages;
    expect(hit.passage.text).toBe('Pour des jeunes entreprises, le soutien d’un « grand frère » est précieux.');
    expect(hit.passage.source.file).toBe('000_4259747c74391fd7.txt');
    const statement = hit.passage.facts.find((f: any) => f.id === 'stm-mosse-grand-frere');
    expect(statement.speakers).toEqual([{ node: { id: 'per-marc-mosse' } }]);
  });

  it('finds a passage despite a typo, and with the relationships it supports', async () => {
    const data = await ask(`{ passages(text: "interoperabilte Api", first: 1) { passage { text } } }`);
    expect(data.passages[0].passage.text).toContain('interopérabilité et d’ouverture de nos Api');
    const signed = await ask(`{ passages(text: "officiellement signé", first: 1) { passage { relationships { type from { id } } } } }`);
    expect(signed.passages[0].passage.relationships).toContainEqual({ type: 'SIGNED', from: { id: 'per-eric-boustouller' } });
  });

  it('keeps to the documents and kinds asked for', async () => {
    const data = await ask(`{ passages(text: "Microsoft", sources: ["src-004-cigref-sciences-po"], kinds: [Statement], first: 20) { passage { source { id } facts { kind } } } }`);
    expect(data.passages.length).toBeGreaterThan(0);
    for (const h of data.passages) {
      expect(h.passage.source.id).toBe('src-004-cigref-sciences-po');
      for (const f of h.passage.facts) expect(f.kind).toBe('Statement');
    }
  });

  it("a document's best passage, even where other documents' passages rank higher", async () => {
    const all = await ask(`{ passages(text: "Microsoft", first: 50) { score passage { id source { id } } } }`);
    const sources = [...new Set(all.passages.map((h: any) => h.passage.source.id as string))];
    expect(sources.length).toBeGreaterThan(1);
    // The document whose best passage ranks last among the documents' best: every other one outranks it.
    const last = sources[sources.length - 1]!;
    const best = all.passages.find((h: any) => h.passage.source.id === last);
    const one = await ask(`query P($s: [ID!]) { passages(text: "Microsoft", sources: $s, first: 1) { score passage { id source { id } } } }`, { s: [last] });
    expect(one.passages).toEqual([best]);
  });

  it('takes Lucene syntax in the text literally', async () => {
    const res = await server.gql(`{ passages(text: "grand\\" OR *:* frère~ (", first: 2) { passage { id } } }`);
    expect(res.errors).toBeUndefined();
  });

  it('puts dated statements on the timeline', async () => {
    const data = await ask(`{ timeline(kinds: [Statement], from: "2004", to: "2004") { date node { id } } }`);
    expect(data.timeline).toEqual([{ date: '2004-10-12', node: { id: 'stm-paris-communique-2004-independence' } }]);
  });
});
