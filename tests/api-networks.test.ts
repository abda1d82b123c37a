import { startTestServer, TestServer } from './support/server';

interface Element {
  __typename: string;
  id?: string;
  type?: string;
  from?: { id: string };
  to?: { id: string };
  evidence?: Array<{ quote: string; source: { title: string } }>;
}

const PATHS = `query ($from: ID!, $to: ID!, $maxLength: Int, $shortestOnly: Boolean, $excludeHubsAbove: Int, $first: Int) {
  paths(from: $from, to: $to, maxLength: $maxLength, shortestOnly: $shortestOnly, excludeHubsAbove: $excludeHubsAbove, first: $first) {
    length
    nodes { id degree }
    elements {
      __typename
      ... on Entity { id }
      ... on Relationship { type from { id } to { id } evidence { quote source { title } } }
    }
  }
}`;

const NEIGHBOURHOOD = `query ($id: ID!, $depth: Int, $limit: Int, $perNode: Int, $types: [RelationshipType!]) {
  neighbourhood(id: $id, depth: $depth, limit: $limit, perNode: $perNode, types: $types) {
    center { id }
    nodes { id kind label degree }
    edges { id type from { id } to { id } evidence { quote } }
    truncated
    omitted { id count }
  }
}`;

describe('who is connected to whom', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  /** A path alternates node, relationship, node …, and each relationship joins its neighbours in the path. */
  function expectWellFormed(path: { length: number; elements: Element[] }, from: string, to: string) {
    const els = path.elements;
    expect(els.length).toBe(2 * path.length + 1);
    expect(els[0]!.id).toBe(from);
    expect(els[els.length - 1]!.id).toBe(to);
    els.forEach((el, i) => {
      if (i % 2 === 0) {
        expect(el.__typename).not.toBe('Relationship');
        return;
      }
      expect(el.__typename).toBe('Relationship');
      expect(el.type).toMatch(/^[A-Z_]+$/);
      expect(el.evidence!.length).toBeGreaterThan(0);
      expect(el.evidence![0]!.quote.length).toBeGreaterThan(0);
      const ends = [el.from!.id, el.to!.id].sort();
      expect(ends).toEqual([els[i - 1]!.id!, els[i + 1]!.id!].sort());
    });
  }

  it('how is Martin Malvy connected to Bertrand Delanoë? through paths whose every hop cites its evidence', async () => {
    const res = await server.gql(PATHS, { from: 'per-martin-malvy', to: 'per-bertrand-delanoe' });
    expect(res.errors).toBeUndefined();
    const paths = res.data.paths;
    expect(paths.length).toBeGreaterThan(0);
    const shortest = paths[0].length;
    for (const p of paths) {
      expect(p.length).toBe(shortest); // shortestOnly by default
      expectWellFormed(p, 'per-martin-malvy', 'per-bertrand-delanoe');
    }
    // Malvy's first hop is what he did: he signed the APVF protocol, or he presides the APVF.
    expect(['SIGNED', 'HOLDS_ROLE']).toContain(paths[0].elements[1].type);
  });

  it('with shortestOnly: false, gives longer paths too, shortest first, none visiting a node twice', async () => {
    const res = await server.gql(PATHS, { from: 'per-martin-malvy', to: 'per-bertrand-delanoe', shortestOnly: false, first: 10 });
    expect(res.errors).toBeUndefined();
    const lengths = res.data.paths.map((p: { length: number }) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const p of res.data.paths) {
      expectWellFormed(p, 'per-martin-malvy', 'per-bertrand-delanoe');
      const ids = p.nodes.map((n: { id: string }) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('finds no path when maxLength is too short, and avoids hubs when asked', async () => {
    const short = await server.gql(PATHS, { from: 'per-martin-malvy', to: 'per-bertrand-delanoe', maxLength: 1 });
    expect(short.data.paths).toEqual([]);
    const hubLimit = 10;
    const res = await server.gql(PATHS, { from: 'per-martin-malvy', to: 'per-eric-boustouller', excludeHubsAbove: hubLimit });
    expect(res.errors).toBeUndefined();
    expect(res.data.paths.length).toBeGreaterThan(0); // both signed the APVF protocol
    for (const p of res.data.paths) for (const n of p.nodes.slice(1, -1)) expect(n.degree).toBeLessThanOrEqual(hubLimit);
  });

  it('says NOT_FOUND for a path from an unknown id', async () => {
    const res = await server.gql(PATHS, { from: 'per-nobody', to: 'per-bertrand-delanoe' });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.message).toContain('per-nobody');
  });

  it("draws Microsoft's neighbourhood with the hub capped and what was left out counted", async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: 'org-microsoft', depth: 1, perNode: 5 });
    expect(res.errors).toBeUndefined();
    const n = res.data.neighbourhood;
    expect(n.center.id).toBe('org-microsoft');
    expect(n.nodes[0].id).toBe('org-microsoft');
    expect(n.edges.length).toBe(5);
    expect(n.truncated).toBe(true);
    const microsoft = n.nodes[0];
    expect(n.omitted).toContainEqual({ id: 'org-microsoft', count: microsoft.degree - 5 });
    // agreements come first when a hub is capped
    expect(n.edges.every((e: { type: string }) => e.type === 'PARTY_TO')).toBe(true);
  });

  it('returns a graph: every edge joins two of the nodes returned, and every edge has evidence', async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: 'agr-paris-microsoft-2008', depth: 2, limit: 40 });
    const n = res.data.neighbourhood;
    const ids = new Set(n.nodes.map((x: { id: string }) => x.id));
    expect(ids.size).toBe(n.nodes.length);
    expect(ids.size).toBeLessThanOrEqual(40);
    for (const e of n.edges) {
      expect(ids.has(e.from.id) && ids.has(e.to.id)).toBe(true);
      expect(e.evidence.length).toBeGreaterThan(0);
    }
    const parties = n.edges.filter((e: { type: string; to: { id: string } }) => e.type === 'PARTY_TO' && e.to.id === 'agr-paris-microsoft-2008');
    expect(parties.map((e: { from: { id: string } }) => e.from.id).sort()).toEqual(['org-microsoft', 'org-ville-de-paris']);
  });

  it('follows only the relationship types asked for', async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: 'org-apvf', depth: 2, types: ['HOLDS_ROLE', 'SIGNED'] });
    const n = res.data.neighbourhood;
    expect(new Set(n.edges.map((e: { type: string }) => e.type))).toEqual(new Set(['HOLDS_ROLE', 'SIGNED']));
    expect(n.nodes.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['per-martin-malvy', 'agr-apvf-microsoft-2007']));
  });

  it("capped, Microsoft's neighbourhood shows its agreements, its people's roles and its parent before its programmes and commitments", async () => {
    const all = await server.gql(NEIGHBOURHOOD, { id: 'org-microsoft', perNode: 200 });
    const count = (edges: Array<{ type: string }>) =>
      edges.reduce<Record<string, number>>((c, e) => ({ ...c, [e.type]: (c[e.type] ?? 0) + 1 }), {});
    const everything = count(all.data.neighbourhood.edges);
    expect(everything).toMatchObject({
      PARTY_TO: expect.any(Number), HOLDS_ROLE: expect.any(Number), SUBSIDIARY_OF: expect.any(Number), RUNS: expect.any(Number), COMMITS_TO: expect.any(Number),
    });
    const first = { PARTY_TO: everything.PARTY_TO!, HOLDS_ROLE: everything.HOLDS_ROLE!, SUBSIDIARY_OF: everything.SUBSIDIARY_OF! };
    const cap = first.PARTY_TO + first.HOLDS_ROLE + first.SUBSIDIARY_OF;
    const capped = await server.gql(NEIGHBOURHOOD, { id: 'org-microsoft', perNode: cap });
    expect(capped.errors).toBeUndefined();
    expect(count(capped.data.neighbourhood.edges)).toEqual(first);
    expect(capped.data.neighbourhood.truncated).toBe(true);
  });

  it('shows agreements first whatever the order in which the types are asked', async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: 'org-microsoft', perNode: 3, types: ['COMMITS_TO', 'RUNS', 'PARTY_TO'] });
    const n = res.data.neighbourhood;
    expect(n.edges.map((e: { type: string }) => e.type)).toEqual(['PARTY_TO', 'PARTY_TO', 'PARTY_TO']);
    const microsoft = n.nodes.find((x: { id: string }) => x.id === 'org-microsoft');
    const typed = (await server.gql(NEIGHBOURHOOD, { id: 'org-microsoft', perNode: 200, types: ['COMMITS_TO', 'RUNS', 'PARTY_TO'] })).data
      .neighbourhood.edges.length;
    expect(typed).toBeLessThan(microsoft.degree);
    // omitted counts the asked types only
    expect(n.omitted).toContainEqual({ id: 'org-microsoft', count: typed - 3 });
  });

  it('a depth-2 neighbourhood costs one database round-trip, a depth-3 one two', async () => {
    const trips = async (depth: number) => {
      const res = await server.gql(`{ neighbourhood(id: "org-apvf", depth: ${depth}, perNode: 10) {
        center { id } nodes { id label } edges { id type from { id } to { id } } truncated omitted { id count } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.neighbourhood.center.id).toBe('org-apvf');
      expect(res.data.neighbourhood.nodes.length).toBeGreaterThan(5);
      return (res as unknown as { extensions: { cost: { databaseRoundTrips: number } } }).extensions.cost.databaseRoundTrips;
    };
    expect(await trips(2)).toBe(1);
    expect(await trips(3)).toBe(2);
  });

  it('at depth 3, uncapped, shows exactly the nodes within three hops and the relationships of those within two', async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: 'org-apvf', depth: 3, perNode: 200, limit: 500 });
    expect(res.errors).toBeUndefined();
    const n = res.data.neighbourhood;
    // The same walk, one depth-1 neighbourhood at a time.
    const seen = new Set(['org-apvf']);
    const edges = new Set<string>();
    let frontier = ['org-apvf'];
    for (let hop = 0; hop < 3; hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        const one = (await server.gql(NEIGHBOURHOOD, { id, perNode: 200, limit: 500 })).data.neighbourhood;
        expect(one.truncated).toBe(false);
        for (const e of one.edges) edges.add(e.id);
        for (const x of one.nodes) if (!seen.has(x.id)) seen.add(x.id) && next.push(x.id);
      }
      frontier = next;
    }
    expect(n.truncated).toBe(false);
    expect(n.nodes.map((x: { id: string }) => x.id).sort()).toEqual([...seen].sort());
    expect(n.edges.map((e: { id: string }) => e.id).sort()).toEqual([...edges].sort());
  });

  it('with fewer nodes allowed than the hub cap, a depth-2 neighbourhood is still a graph of whole nodes', async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: 'org-microsoft', depth: 2, perNode: 20, limit: 6 });
    expect(res.errors).toBeUndefined();
    const n = res.data.neighbourhood;
    expect(n.nodes).toHaveLength(6);
    expect(n.truncated).toBe(true);
    const ids = new Set(n.nodes.map((x: { id: string }) => x.id));
    for (const x of n.nodes) expect(x.kind && x.label && x.degree > 0).toBeTruthy();
    for (const e of n.edges) expect(ids.has(e.from.id) && ids.has(e.to.id)).toBe(true);
  });

  it("a neighbourhood reads only the fields asked, and answers each as the node's and the relationship's own look-ups do", async () => {
    const NODE = `id kind label degree aliases
      ... on Organisation { name organisationType: type description }
      ... on Agreement { agreementType: type date datePrecision dateInferred }`;
    const EDGE = `id type role title date datePrecision dateInferred onBehalfOf { id name } from { id label } to { id label }`;
    const res = await server.gql(`{ neighbourhood(id: "org-microsoft", depth: 2, perNode: 30, limit: 60) {
      center { ${NODE} } nodes { ${NODE} } edges { ${EDGE} } } }`);
    expect(res.errors).toBeUndefined();
    const n = res.data.neighbourhood;
    expect(n.nodes.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['Organisation', 'Person', 'Agreement']));
    const ids = n.nodes.map((x: { id: string }) => x.id);
    const alone = await server.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity { ${NODE} } } }`, { ids });
    expect(alone.errors).toBeUndefined();
    expect(n.nodes).toEqual(alone.data.nodes);
    expect(n.center).toEqual(alone.data.nodes[0]);
    // The same relationships, read from their ends' own relationship lists.
    const rels = await server.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity { relationships(first: 200) { ${EDGE} } } } }`, { ids });
    expect(rels.errors).toBeUndefined();
    const byId = new Map(rels.data.nodes.flatMap((x: { relationships: Array<{ id: string }> }) => x.relationships.map((r) => [r.id, r])));
    expect(n.edges.length).toBeGreaterThan(10);
    for (const e of n.edges) expect(e).toEqual(byId.get(e.id));
    expect(n.edges.some((e: { onBehalfOf: unknown }) => e.onBehalfOf)).toBe(true);
    expect(n.edges.some((e: { role: unknown }) => e.role)).toBe(true);
  });

  it('says NOT_FOUND for the neighbourhood of an unknown id', async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: 'org-nobody', depth: 2 });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a neighbourhood deeper than 3 with BAD_USER_INPUT', async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: 'org-microsoft', depth: 4 });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
  });

  it('which partners do the Ville de Paris and the CIGREF have in common? Microsoft, with the agreements on each side', async () => {
    const res = await server.gql(`{ commonPartners(a: "org-ville-de-paris", b: "org-cigref") {
      partner { id } withA { id } withB { id } } }`);
    expect(res.errors).toBeUndefined();
    const microsoft = res.data.commonPartners.find((p: { partner: { id: string } }) => p.partner.id === 'org-microsoft');
    expect(microsoft.withA.map((a: { id: string }) => a.id)).toContain('agr-paris-microsoft-2008');
    expect(microsoft.withB.map((a: { id: string }) => a.id).sort()).toEqual(['agr-cigref-microsoft-2001', 'agr-cigref-microsoft-renewal']);
  });

  it('which agreements and events happened in 2007? in date order, with inferred years flagged', async () => {
    const res = await server.gql(`{ timeline(from: "2007", to: "2007") { date datePrecision dateInferred node { id } } }`);
    expect(res.errors).toBeUndefined();
    const entries = res.data.timeline;
    expect(entries.map((e: { node: { id: string } }) => e.node.id)).toEqual(expect.arrayContaining(['agr-lyon-microsoft-2007', 'agr-apvf-microsoft-2007']));
    const dates = entries.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const d of dates) expect(d.startsWith('2007')).toBe(true);
    const apvf = entries.find((e: { node: { id: string } }) => e.node.id === 'agr-apvf-microsoft-2007');
    expect(apvf).toMatchObject({ date: '2007-11-27', datePrecision: 'DAY', dateInferred: expect.stringContaining('2007') });
  });

  it("keeps a timeline to one actor's agreements and events", async () => {
    const res = await server.gql(`{ timeline(actor: "org-apvf") { node { id } } }`);
    expect(res.data.timeline.map((e: { node: { id: string } }) => e.node.id)).toEqual(['agr-apvf-microsoft-2007']);
  });
});
