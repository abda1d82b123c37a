import { GraphQLResponse, startTestServer, TestServer } from './support/server';

const AGREEMENTS = `query ($filter: AgreementFilter, $orderBy: AgreementOrder, $first: Int, $after: String) {
  agreements(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { id date type } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('browsing lists page by page', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const ids = (conn: { nodes: Array<{ id: string }> }) => conn.nodes.map((n) => n.id);

  it('walks all organisations page by page: no item twice, none missed, totalCount on every page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 50; page++) {
      const res: GraphQLResponse = await server.gql(
        `query ($after: String) { organisations(first: 5, after: $after) { totalCount nodes { id name } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      const conn = res.data.organisations;
      total = conn.totalCount;
      expect(conn.pageInfo.hasPreviousPage).toBe(page > 0);
      seen.push(...ids(conn));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThan(20);
  });

  it('sorts organisations by name, and by number of agreements (Microsoft first)', async () => {
    const byName = await server.gql('{ organisations(first: 100) { nodes { name } } }');
    const names = byName.data.organisations.nodes.map((n: { name: string }) => n.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const byAgreements = await server.gql('{ organisations(orderBy: AGREEMENTS_DESC, first: 1) { nodes { id } } }');
    expect(ids(byAgreements.data.organisations)).toEqual(['org-microsoft']);
  });

  it('which agreements were signed in 2007? Lyon (February) then the APVF protocol (November)', async () => {
    const res = await server.gql(AGREEMENTS, { filter: { dateFrom: '2007', dateTo: '2007' } });
    expect(ids(res.data.agreements)).toEqual(['agr-lyon-microsoft-2007', 'agr-apvf-microsoft-2007']);
    expect(res.data.agreements.totalCount).toBe(2);
  });

  it('takes one date bound alone: up to 2007 includes the APVF protocol of 27 November 2007, from 2008 only Paris', async () => {
    const all = await server.gql(AGREEMENTS, { first: 100 });
    const dates = new Map<string, string | null>(all.data.agreements.edges.map((e: { node: { id: string; date: string | null } }) => [e.node.id, e.node.date]));
    const upTo2007 = await server.gql(AGREEMENTS, { filter: { dateTo: '2007' }, first: 100 });
    expect(upTo2007.errors).toBeUndefined();
    const early = ids(upTo2007.data.agreements);
    expect(early).toEqual(expect.arrayContaining(['agr-apvf-microsoft-2007', 'agr-lyon-microsoft-2007', 'agr-cigref-microsoft-2001']));
    expect(early.every((id) => dates.get(id)! < '2008')).toBe(true);
    const dated = [...dates.values()].filter((d) => d !== null && d < '2008');
    expect(upTo2007.data.agreements.totalCount).toBe(dated.length);
    const from2008 = await server.gql(AGREEMENTS, { filter: { dateFrom: '2008' }, first: 100 });
    expect(ids(from2008.data.agreements)).toEqual(['agr-paris-microsoft-2008']);
  });

  it('which organisations were party to an agreement dated 2008 or later? Paris and Microsoft', async () => {
    const res = await server.gql('{ organisations(filter: { dateFrom: "2008" }, first: 100) { totalCount nodes { id } } }');
    expect(res.errors).toBeUndefined();
    expect(ids(res.data.organisations).sort()).toEqual(['org-microsoft', 'org-ville-de-paris']);
    expect(res.data.organisations.totalCount).toBe(2);
  });

  it('counts every organisation when nothing is filtered, as the graph statistics do', async () => {
    const res = await server.gql('{ organisations(first: 3) { totalCount nodes { id } } stats { nodes { name count } } }');
    expect(res.errors).toBeUndefined();
    const counted = res.data.stats.nodes.find((k: { name: string }) => k.name === 'Organisation').count;
    expect(res.data.organisations.totalCount).toBe(counted);
    expect(res.data.organisations.nodes).toHaveLength(3);
  });

  it('sorts agreements newest first, undated last', async () => {
    const res = await server.gql(AGREEMENTS, { orderBy: 'DATE_DESC', first: 100 });
    const dates = res.data.agreements.edges.map((e: { node: { date: string | null } }) => e.node.date);
    const dated = dates.filter((d: string | null) => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d: string | null) => d === null)).toBe(true);
    expect(ids(res.data.agreements)[0]).toBe('agr-paris-microsoft-2008');
  });

  it.each([
    ['signed by Bill Gates', { signatory: 'per-bill-gates' }, ['agr-lyon-microsoft-2007']],
    ['of type protocol', { type: ['protocol'] }, ['agr-apvf-microsoft-2007']],
    ['the APVF is party to', { party: 'org-apvf' }, ['agr-apvf-microsoft-2007']],
    ['with the words "Lyon"', { text: 'Lyon' }, ['agr-lyon-microsoft-2007']],
    ['with the CIGREF, dated', { party: 'org-cigref', dateFrom: '2000' }, ['agr-cigref-microsoft-2001']],
    ['that are partnerships dated 2007 or later', { type: ['partnership'], dateFrom: '2007' }, ['agr-lyon-microsoft-2007', 'agr-paris-microsoft-2008']],
    ['that are partnerships or protocols of 2007', { type: ['partnership', 'protocol'], dateFrom: '2007', dateTo: '2007' }, ['agr-apvf-microsoft-2007', 'agr-lyon-microsoft-2007']],
  ])('lists the agreements %s', async (_what, filter, expected) => {
    const res = await server.gql(AGREEMENTS, { filter, first: 100 });
    expect(res.errors).toBeUndefined();
    expect(ids(res.data.agreements).sort()).toEqual(expected);
    expect(res.data.agreements.totalCount).toBe(expected.length);
  });

  it('counts all matches in totalCount while returning one page', async () => {
    const res = await server.gql(AGREEMENTS, { filter: { party: 'org-microsoft' }, first: 2 });
    expect(res.data.agreements.nodes.length).toBe(2);
    expect(res.data.agreements.totalCount).toBe(7);
    expect(res.data.agreements.pageInfo.hasNextPage).toBe(true);
  });

  it('lists people who signed for an organisation, and programmes an agreement established', async () => {
    const people = await server.gql('{ people(filter: { onBehalfOf: "org-microsoft" }) { nodes { id } } }');
    expect(ids(people.data.people)).toEqual(['per-bill-gates']);
    const signers = await server.gql('{ people(filter: { signed: "agr-apvf-microsoft-2007" }) { totalCount nodes { id } } }');
    expect(ids(signers.data.people)).toEqual(['per-eric-boustouller', 'per-martin-malvy']);
    const programmes = await server.gql('{ programmes(filter: { agreement: "agr-paris-microsoft-2008" }, first: 100) { nodes { id } } }');
    expect(ids(programmes.data.programmes)).toEqual(expect.arrayContaining(['prg-idees', 'prg-idees-design', 'prg-idees-eco-activites']));
    const orgs = await server.gql('{ organisations(filter: { type: [local_authority], partnerOf: "org-microsoft" }, first: 100) { nodes { id } } }');
    expect(ids(orgs.data.organisations)).toEqual(expect.arrayContaining(['org-ville-de-paris', 'org-ville-de-lyon', 'org-ville-de-lille']));
    expect(ids(orgs.data.organisations)).not.toContain('org-microsoft');
  });

  it('caps page size at 100 and refuses cursors it did not give', async () => {
    const big = await server.gql(AGREEMENTS, { first: 101 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const zero = await server.gql(AGREEMENTS, { first: 0 });
    expect(zero.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await server.gql(AGREEMENTS, { after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('refuses a date that is not a partial ISO date, naming the format', async () => {
    const res = await server.gql(AGREEMENTS, { filter: { dateFrom: '2007-13' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/YYYY-MM/);
    const literal = await server.gql('{ agreements(filter: { dateTo: "2007-02-30" }) { totalCount } }');
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(literal.errors?.[0]?.message).toMatch(/a real date/);
  });
});
