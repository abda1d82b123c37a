import { GraphQLResponse, startTestServer, TestServer } from './support/server';

const SEARCH = `query ($text: String!, $kinds: [NodeKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) { score node { id kind label } } }`;

describe('finding someone however they are typed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const top = async (text: string, kinds?: string[]) => {
    const res = await server.gql(SEARCH, { text, kinds, first: 5 });
    expect(res.errors).toBeUndefined();
    return res.data.search as Array<{ score: number; node: { id: string; kind: string; label: string } }>;
  };

  it.each([
    ['Delanoe', 'per-bertrand-delanoe', 'without the accent'],
    ['DELANOË', 'per-bertrand-delanoe', 'in capitals'],
    ['boustoullier', 'per-eric-boustouller', 'with a typo'],
    ['Gérard Colomb', 'per-gerard-collomb', 'misspelt as the APVF article does'],
    ['petites villes', 'org-apvf', 'by words of its name'],
    ['APVF', 'org-apvf', 'by an alias'],
    ['Boustoul', 'per-eric-boustouller', 'by the start of a name'],
    ['Microsoft', 'org-microsoft', 'by its exact name, ahead of everything that mentions it'],
  ])('"%s" finds %s first (%s)', async (text, id) => {
    const hits = await top(text);
    expect(hits[0]?.node.id).toBe(id);
  });

  it('gives the best hits first', async () => {
    const hits = await top('Ville de Paris');
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(hits[0]!.node.id).toBe('org-ville-de-paris');
  });

  it('keeps to the kinds asked for', async () => {
    const hits = await top('Microsoft', ['Agreement']);
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.node.kind))).toEqual(new Set(['Agreement']));
  });

  it('asks the dearer typo-tolerant query only when the words as typed are not enough', async () => {
    const roundTrips = async (text: string, kinds?: string[]) => {
      // The server reports the request's database round-trips beside the data.
      const res = (await server.gql(SEARCH, { text, kinds, first: 1 })) as GraphQLResponse & { extensions: { cost: { databaseRoundTrips: number } } };
      expect(res.errors).toBeUndefined();
      return { top: res.data.search[0]?.node, trips: res.extensions.cost.databaseRoundTrips };
    };
    // A name as it is written: one Lucene query on the plain words.
    expect(await roundTrips('Microsoft')).toEqual({ top: expect.objectContaining({ id: 'org-microsoft' }), trips: 1 });
    expect(await roundTrips('Eric Boustouller')).toEqual({ top: expect.objectContaining({ id: 'per-eric-boustouller' }), trips: 1 });
    // A typo finds nothing as typed; the prefix and fuzzy terms find what was meant, in a second round-trip.
    expect(await roundTrips('Micrsoft')).toEqual({ top: expect.objectContaining({ id: 'org-microsoft' }), trips: 2 });
    // A misspelling the sources use is an alias, found as typed.
    expect(await roundTrips('Gérard Colomb')).toEqual({ top: expect.objectContaining({ id: 'per-gerard-collomb' }), trips: 1 });
    // One word found as typed ("Martin"), the other misspelt: no name has both, so the tolerant query decides.
    expect(await roundTrips('Martin Malvi')).toEqual({ top: expect.objectContaining({ id: 'per-martin-malvy' }), trips: 2 });
    // The kinds asked for hold on the second query too.
    expect(await roundTrips('Micrsoft', ['Agreement'])).toEqual({ top: expect.objectContaining({ kind: 'Agreement' }), trips: 2 });
  });

  it('finds nothing, without error, in text that has no word', async () => {
    expect(await top('*** ?? ~')).toEqual([]);
  });

  it('takes Lucene operators as plain text: a wildcard or a field query does not match everything', async () => {
    for (const text of ['*', '*:*', 'id:*', 'name:Microsoft OR *', '"Microsoft', 'Microsoft~10', '(Microsoft']) {
      const res = await server.gql(SEARCH, { text, first: 100 });
      expect(res.errors).toBeUndefined();
      const stats = await server.gql('{ stats { nodes { count } } }');
      const total = stats.data.stats.nodes.reduce((s: number, k: { count: number }) => s + k.count, 0);
      expect(res.data.search.length).toBeLessThan(total);
    }
  });

  it('refuses empty text and oversized pages with BAD_USER_INPUT naming the argument', async () => {
    const empty = await server.gql(SEARCH, { text: '  ' });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    const big = await server.gql(SEARCH, { text: 'Paris', first: 1000 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(big.errors?.[0]?.message).toMatch(/first must be between 1 and 100/);
  });
});
