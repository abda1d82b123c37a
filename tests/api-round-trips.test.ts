import { lookUpTuning } from '../src/store/links';
import { detailVariables, neighbourhoodVariables, QUERIES } from '../web/src/queries';
import { startTestServer, TestServer } from './support/server';

/**
 * No query per item: every field of one nesting level is answered by one batched query, so a request costs
 * one database round-trip per level however many items each level has. The count comes from the request's
 * own database handle (Database.scoped()), reported in `extensions.cost.databaseRoundTrips`.
 */
describe('one database round-trip per level, not per item', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function roundTrips(query: string): Promise<{ trips: number; data: any }> {
    const body = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    }).then((r) => r.json());
    expect(body.errors).toBeUndefined();
    return { trips: body.extensions.cost.databaseRoundTrips, data: body.data };
  }

  it("Microsoft's agreements with their parties and signatories: 3 levels, 1 round-trip", async () => {
    const { trips, data } = await roundTrips(`{ organisation(id: "org-microsoft") {
      agreements { agreement { title
        parties { organisation { name } }
        signatories { person { name } onBehalfOf { name } } } } } }`);
    const agreements = data.organisation.agreements;
    expect(agreements.length).toBeGreaterThanOrEqual(7);
    // A query per item would make 1 + 1 + 2 per agreement, plus one per signatory's organisation.
    // A root look-up fetches the relationship fields selected on the node and on the nodes they lead to:
    // the organisation, its agreements, and their parties and signatories, each signature with the
    // organisation it was made for, in one query.
    expect(trips).toBe(1);
    const behalf = agreements.flatMap((a: any) => a.agreement.signatories).filter((s: any) => s.onBehalfOf);
    expect(behalf.length).toBeGreaterThan(0);
    const withoutOnBehalf = await roundTrips(`{ organisation(id: "org-microsoft") {
      agreements { agreement { parties { organisation { name } } signatories { person { name } } } } } }`);
    expect(withoutOnBehalf.trips).toBe(1);
    // A fourth level is asked by its own resolvers: one batched round-trip more.
    const fourLevels = await roundTrips(`{ organisation(id: "org-microsoft") {
      agreements { agreement { parties { organisation { name people { person { name } } } } } } } }`);
    expect(fourLevels.trips).toBe(2);
    const people = fourLevels.data.organisation.agreements.flatMap((a: any) =>
      a.agreement.parties.flatMap((p: any) => p.organisation.people.map((r: any) => r.person.name)));
    expect(people.length).toBeGreaterThan(0);
  });

  it('fetching levels ahead never changes an answer: organisation(id) and nodes(ids) agree', async () => {
    const fields = `id name agreements(first: 5) { role agreement { id title
      parties { role organisation { id name } } signatories { date person { id name } onBehalfOf { id name } } } }`;
    const ahead = await roundTrips(`{ organisation(id: "org-microsoft") { ${fields} } }`);
    // nodes(ids) is never planned ahead: each level asks its own batch.
    const levelByLevel = await roundTrips(`{ nodes(ids: ["org-microsoft"]) { ... on Organisation { ${fields} } } }`);
    expect(ahead.data.organisation.agreements).toHaveLength(5);
    expect(ahead.data.organisation).toEqual(levelByLevel.data.nodes[0]);
    expect(ahead.trips).toBeLessThan(levelByLevel.trips);
  });

  it('a field asked twice with other subfields, or reached again deeper, answers each as asked', async () => {
    const { data } = await roundTrips(`{ organisation(id: "org-microsoft") {
      named: agreements { agreement { id title } }
      dated: agreements { agreement { id date type } organisation { agreements { agreement { id title date } } } } } }`);
    const o = data.organisation;
    for (const l of o.named) expect(l.agreement.title).toEqual(expect.any(String));
    for (const l of o.dated) expect(l.agreement.type).toEqual(expect.any(String));
    // Back to Microsoft through each party: its agreements again, with title and date this time.
    const again = o.dated[0].organisation.agreements;
    expect(again.map((l: any) => l.agreement.id)).toEqual(o.named.map((l: any) => l.agreement.id));
    for (const l of again) expect(l.agreement.title).toEqual(expect.any(String));
  });

  it('one relationship field at two places of a request, with other arguments, answers each as asked', async () => {
    // `parties` under two aliases of one agreement, and again under the relationship's own ends: what a look-up
    // fetched ahead is found by its place in the response, so no place gets another's page.
    const fields = `agreements(first: 3) { agreement { id parties(first: 1) { organisation { id } } }
      same: agreement { parties(first: 5) { organisation { id name } } } }`;
    const ahead = await roundTrips(`{ organisation(id: "org-microsoft") { ${fields} } }`);
    const levelByLevel = await roundTrips(`{ nodes(ids: ["org-microsoft"]) { ... on Organisation { ${fields} } } }`);
    expect(ahead.data.organisation).toEqual(levelByLevel.data.nodes[0]);
    const items = ahead.data.organisation.agreements as Array<{ agreement: { parties: unknown[] }; same: { parties: unknown[] } }>;
    expect(items).toHaveLength(3);
    for (const item of items) expect(item.agreement.parties).toHaveLength(1);
    expect(items.some((item) => item.same.parties.length > 1)).toBe(true);
    expect(ahead.trips).toBeLessThan(levelByLevel.trips);
  });

  it('a node reached back through its own relationships answers the fields asked there, not only those asked of it first', async () => {
    const paris = 'agr-paris-microsoft-2008';
    const { data: own } = await roundTrips(`{ agreement(id: "${paris}") { id title date datePrecision label } }`);
    // The agreement is asked for its id only, then again, through each party and each signature, for more.
    const { data } = await roundTrips(`{ agreement(id: "${paris}") { id
      parties { agreement { id title date datePrecision label } organisation { id } }
      signatories { agreement { title } } } }`);
    expect(data.agreement.parties.length).toBeGreaterThan(1);
    for (const p of data.agreement.parties) expect(p.agreement).toEqual(own.agreement);
    for (const s of data.agreement.signatories) expect(s.agreement.title).toBe(own.agreement.title);
    // node(id) then its relationships: both ends carry their labels.
    const { data: viaNode } = await roundTrips(`{ node(id: "${paris}") { ... on Entity { relationships { from { id label } to { id label } } } } }`);
    const ends = viaNode.node.relationships.flatMap((r: { from: { id: string; label: string }; to: { id: string; label: string } }) => [r.from, r.to]);
    expect(ends).toContainEqual({ id: paris, label: own.agreement.label });
    for (const end of ends) expect(end.label).not.toBe(end.id);
  });

  it('a whole list three levels deep: every agreement, its parties, their people, still 3 round-trips', async () => {
    const { trips, data } = await roundTrips(`{ agreements(first: 100) { nodes { id
      parties { organisation { id people { person { name } title } } } } } }`);
    const parties = data.agreements.nodes.flatMap((a: { parties: unknown[] }) => a.parties);
    expect(data.agreements.nodes.length).toBeGreaterThan(10);
    expect(parties.length).toBeGreaterThan(20);
    expect(trips).toBe(3);
  });

  it("an agreement with its evidence, parties and signatories (named in a fragment): one round-trip", async () => {
    const { trips, data } = await roundTrips(`
      query { agreement(id: "agr-apvf-microsoft-2007") { title evidence { source { file } } ...who } }
      fragment who on Agreement { parties(first: 10) { role organisation { name } } signatories { person { name } onBehalfOf { name } } }`);
    expect(data.agreement.parties.map((p: any) => p.organisation.name)).toEqual(expect.arrayContaining(['Microsoft France']));
    expect(data.agreement.signatories.map((s: any) => s.person.name)).toEqual(expect.arrayContaining(['Martin Malvy']));
    expect(data.agreement.evidence.length).toBeGreaterThan(0);
    expect(trips).toBe(1);
  });

  it('an agreement with its evidence and the documents quoted: one round-trip', async () => {
    const { trips, data } = await roundTrips(`{ agreement(id: "agr-paris-microsoft-2008") {
      title evidence { quote source { title file } } } }`);
    expect(data.agreement.evidence.length).toBeGreaterThan(0);
    for (const e of data.agreement.evidence) expect(e.source.file).toMatch(/\.txt$/);
    expect(trips).toBe(1);
  });

  it('evidence sources are fetched in one batch per level', async () => {
    const { trips, data } = await roundTrips(`{ agreements(first: 100) { nodes {
      evidence { source { title } } parties { evidence { source { file } } } } } }`);
    const quotes = data.agreements.nodes.flatMap((a: { evidence: unknown[] }) => a.evidence);
    expect(quotes.length).toBeGreaterThan(20);
    // the list, the parties, and the sources (of both levels: their loads fall in two ticks at most)
    expect(trips).toBeLessThanOrEqual(4);
  });

  it("the explorer's details of a hub, as it asks them (node(id) with the kind's fragment) or through organisation(id): one round-trip, the same answer as level by level", async () => {
    const query = QUERIES.OrganisationDetail!;
    const ask = async (q: string, id = 'org-microsoft') => {
      const body = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q, variables: detailVariables(id, 'Organisation') }),
      }).then((r) => r.json());
      expect(body.errors).toBeUndefined();
      return { trips: body.extensions.cost.databaseRoundTrips as number, data: body.data };
    };
    const details = await ask(query);
    const byKind = await ask(query.replace('node(id: $id)', 'node: organisation(id: $id)'));
    // nodes(ids) is never planned ahead: each level asks its own batch.
    const levelByLevel = await ask(query.replace('node(id: $id)', 'node: nodes(ids: [$id])'));
    // A page of the hub's agreements, with how many there are in all.
    expect(details.data.node.agreements.length).toBeGreaterThanOrEqual(7);
    expect(details.data.node.agreementsTotal).toBeGreaterThanOrEqual(details.data.node.agreements.length);
    expect(details.data.node.signaturesTotal).toBeGreaterThanOrEqual(details.data.node.signatures.length);
    expect(details.data.node.agreements[0].evidence[0].source.title).toEqual(expect.any(String));
    // The node's own quotes: a page of them, and how many in all.
    expect(details.data.node.evidence.length).toBe(Math.min(10, details.data.node.evidenceTotal));
    expect(details.data.node).toEqual(levelByLevel.data.node[0]);
    expect(byKind.data.node).toEqual(details.data.node);
    // The node, its evidence and every relationship list with its far ends, evidence and total, and the
    // signatures made on its behalf (a property of SIGNED, not a relationship of its own): one query.
    expect(details.trips).toBe(1);
    expect(byKind.trips).toBe(1);
    expect(levelByLevel.trips).toBeGreaterThan(details.trips);
    // A person asked with an organisation's fragments: found, none of those fields read.
    const person = await ask(query, 'per-martin-malvy');
    expect(person.data.node).toMatchObject({ id: 'per-martin-malvy', kind: 'Person', label: 'Martin Malvy' });
  });

  it("the explorer's neighbourhood, each edge with its quotes and the organisation a signature was made for: one round-trip, the same answers as the node's own relationships give", async () => {
    const post = async (query: string, variables: Record<string, unknown>) => {
      const body = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json());
      expect(body.errors).toBeUndefined();
      return { trips: body.extensions.cost.databaseRoundTrips as number, data: body.data };
    };
    // A person who signed on an organisation's behalf, found from Microsoft's agreements.
    const microsoft = await post(`{ organisation(id: "org-microsoft") { agreements { agreement { signatories { person { id } onBehalfOf { id } } } } } }`, {});
    const signatory = microsoft.data.organisation.agreements
      .flatMap((a: any) => a.agreement.signatories)
      .find((s: any) => s.onBehalfOf).person.id as string;
    for (const centre of ['org-microsoft', signatory]) {
      const hood = await post(QUERIES.Neighbourhood!, neighbourhoodVariables(centre, 30));
      expect(hood.trips).toBe(1);
      // The same relationships read through the node itself (relationships load their quotes and ends by id).
      const own = await post(
        `query Own($id: ID!) { node(id: $id) { ... on Entity { relationships(first: 200) { id onBehalfOf { id label } evidence { quote source { id title date publisher file type author } } } } } }`,
        { id: centre },
      );
      const byId = new Map(own.data.node.relationships.map((r: any) => [r.id, r]));
      const edges = hood.data.neighbourhood.edges;
      expect(edges.length).toBeGreaterThan(0);
      for (const edge of edges) {
        const expected: any = byId.get(edge.id);
        expect({ id: edge.id, onBehalfOf: edge.onBehalfOf, evidence: edge.evidence }).toEqual(expected);
      }
      expect(edges.some((e: any) => e.evidence.length > 0)).toBe(true);
      if (centre === signatory) expect(edges.some((e: any) => e.onBehalfOf)).toBe(true);
    }
  });

  it("a hub's first page is found from its far kinds' indexes (dates, else names or titles), and it is the very page reading every link gives", async () => {
    const ask = async (q: string, id: string, first: number) => {
      const res = await server.gql(q, { id, first });
      expect(res.errors).toBeUndefined();
      return res.data.node;
    };
    const usual = { ...lookUpTuning };
    try {
      // Every node counts as a hub here: above 1 link along a field, its page comes from the indexes. With a walk
      // of 2 entries a kind, most walks fall short of the page and the links are read as usual; with 10,000 they
      // find it (agreements by date, people by name, commitments by title, runs over two kinds' dates …).
      for (const hubScan of [2, 10_000]) {
        Object.assign(lookUpTuning, { hubLinks: 1, hubScan });
        for (const [kind, ids] of [['Organisation', ['org-microsoft', 'org-ville-de-paris']], ['Agreement', ['agr-paris-microsoft-2008']], ['Person', ['per-marc-mosse']]] as const) {
          const query = QUERIES[`${kind}Detail`]!;
          const levelByLevel = query.replace('node(id: $id)', 'node: nodes(ids: [$id])');
          for (const id of ids) {
            for (const first of [1, 3, 10]) {
              const indexed = await ask(query, id, first);
              const read = (await ask(levelByLevel, id, first))[0];
              expect({ hubScan, id, first, node: indexed }).toEqual({ hubScan, id, first, node: read });
            }
          }
        }
      }
    } finally {
      Object.assign(lookUpTuning, usual);
    }
  });

});
