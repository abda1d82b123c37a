import { startTestServer, TestServer } from './support/server';
import { removeTestTokens, tokenHeaders } from './support/tokens';
import { changeLogMark, undoWrites } from './support/writes';

/**
 * A hub's lists are asked a page at a time (`agreements(first: 10)`), so every list that takes `first` has a
 * `…Total` sibling saying how many there are in all: the explorer's "show all 38".
 */
describe('how many in all, whatever first says', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  /** The list fields taking `first` of each kind, from the schema itself, so a new one is checked too. */
  async function pagedFields(kind: string): Promise<string[]> {
    const res = await server.gql(`query ($kind: String!) { __type(name: $kind) { fields { name args { name } } } }`, { kind });
    const fields: Array<{ name: string; args: Array<{ name: string }> }> = res.data.__type.fields;
    return fields.filter((f) => f.args.some((a) => a.name === 'first')).map((f) => f.name);
  }

  /** The ids of the `n` nodes of `kind` with the most relationships (hubs first). */
  async function busiest(kind: string, n: number): Promise<string[]> {
    const rows = await server.db.read<{ id: string }>(`MATCH (x:${kind}) RETURN x.id AS id ORDER BY COUNT { (x)--() } DESC, x.id LIMIT toInteger($n)`, { n });
    return rows.map((r) => r.id);
  }

  it.each(['Organisation', 'Person', 'Agreement', 'Programme', 'Place', 'Event'])(
    'every paged list of the busiest %s nodes has a total equal to the whole list, and a page of 1 keeps the total',
    async (kind) => {
      const fields = await pagedFields(kind);
      expect(fields).toContain('relationships');
      const ids = await busiest(kind, 3);
      expect(ids.length).toBeGreaterThan(0);
      // relationships takes at most 200 per page (the corpus' biggest hub has fewer).
      const whole = (f: string) => (f === 'relationships' ? `${f}(first: 200)` : f);
      const selection = fields.map((f) => `all_${f}: ${whole(f)} { __typename } one_${f}: ${f}(first: 1) { __typename } ${f}Total`).join('\n');
      const res = await server.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on ${kind} { ${selection} } } }`, { ids });
      expect(res.errors).toBeUndefined();
      let nonZero = 0;
      for (const node of res.data.nodes) {
        for (const f of fields) {
          expect({ node: node.id, field: f, total: node[`${f}Total`] }).toEqual({ node: node.id, field: f, total: node[`all_${f}`].length });
          expect(node[`one_${f}`].length).toBe(Math.min(1, node[`${f}Total`]));
          if (node[`${f}Total`] > 1) nonZero++;
        }
      }
      if (kind === 'Organisation' || kind === 'Agreement') expect(nonZero).toBeGreaterThan(0);
    },
  );

  it("Microsoft: 10 of its agreements, and how many it has in all (its degree counts every relationship)", async () => {
    const res = await server.gql(`{ organisation(id: "org-microsoft") {
      degree agreements(first: 10) { agreement { id } } agreementsTotal
      relationshipsTotal signed: relationshipsTotal(types: [PARTY_TO], direction: OUT) incoming: relationshipsTotal(direction: IN)
      outgoing: relationshipsTotal(direction: OUT) } }`);
    expect(res.errors).toBeUndefined();
    const m = res.data.organisation;
    expect(m.agreements.length).toBe(Math.min(10, m.agreementsTotal));
    expect(m.agreementsTotal).toBeGreaterThanOrEqual(7);
    expect(m.signed).toBe(m.agreementsTotal);
    expect(m.relationshipsTotal).toBe(m.degree);
    expect(m.incoming + m.outgoing).toBe(m.relationshipsTotal);
  });

  it("the most quoted node's own evidence comes a page at a time with how many quotes there are, read with the node or on its own alike", async () => {
    const [most] = await server.db.read<{ id: string; quotes: number }>(
      'MATCH (x:Entity) RETURN x.id AS id, size(coalesce(x.evidenceQuotes, [])) AS quotes ORDER BY quotes DESC, x.id LIMIT 1',
    );
    expect(most!.quotes).toBeGreaterThan(2);
    const ev = 'evidence(first: 2) { quote source { id title } } evidenceTotal';
    // node(id) with a kind's relationship fields is one compiled query; nodes(ids) resolves level by level.
    const compiled = await server.gql(`query ($id: ID!) { node(id: $id) { id ... on Entity { ${ev} } ... on Organisation { agreements(first: 1) { id } } } }`, { id: most!.id });
    const plain = await server.gql(`query ($id: ID!) { nodes(ids: [$id]) { id ... on Entity { ${ev} all: evidence { quote } } } }`, { id: most!.id });
    expect(compiled.errors).toBeUndefined();
    expect(plain.errors).toBeUndefined();
    expect(compiled.data.node.evidenceTotal).toBe(most!.quotes);
    expect(compiled.data.node.evidence).toHaveLength(2);
    expect(compiled.data.node.evidence).toEqual(plain.data.nodes[0].evidence);
    expect(plain.data.nodes[0].all).toHaveLength(most!.quotes);
    expect(plain.data.nodes[0].all.slice(0, 2).map((e: { quote: string }) => e.quote)).toEqual(compiled.data.node.evidence.map((e: { quote: string }) => e.quote));
    const tooMany = await server.gql(`{ node(id: "org-microsoft") { ... on Entity { evidence(first: 0) { quote } } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("an organisation's signatures come oldest signature first, the undated last in their agreements' order, and a page is the start of them all, compiled or level by level", async () => {
    // Written through the API, each with a quote from the corpus' APVF article; removed at the end.
    const editor = await tokenHeaders(server.db, 'editor', 'list-totals-signatures');
    const mark = await changeLogMark(server.db);
    const [source] = await server.db.read<{ id: string }>("MATCH (s:Source) WHERE s.file STARTS WITH '003_' RETURN s.id AS id");
    const quote = "c'est Bill Gates, Pdg de l'éditeur, qui avait signé un accord de partenariat";
    const evidence = [{ sourceId: source!.id, quote }];
    const org = 'org-signataires-d-essai';
    const people = ['per-signataire-a-essai', 'per-signataire-b-essai'];
    // The agreements' dates disagree with the signatures' own: the order is the signatures'.
    const agreements: Array<[string, string | null]> = [['agr-essai-un', '2001-05-01'], ['agr-essai-deux', '2003'], ['agr-essai-trois', null]];
    const made = [org, ...people, ...agreements.map(([id]) => id)];
    const write = async (query: string, input: Record<string, unknown>) => {
      const res = await server.gql(query, { input }, { authorization: editor.authorization });
      expect(res.errors).toBeUndefined();
    };
    const node = `mutation($input: CreateNodeInput!) { createNode(input: $input) { id } }`;
    const relationship = `mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }`;
    try {
      await write(node, { kind: 'Organisation', id: org, fields: { name: "Signataires d'Essai", type: 'local_authority' }, evidence });
      for (const [i, id] of people.entries()) await write(node, { kind: 'Person', id, fields: { name: `Signataire ${'AB'[i]} d'Essai` }, evidence });
      for (const [id, date] of agreements) await write(node, { kind: 'Agreement', id, fields: { title: `Accord ${id}`, type: 'convention', ...(date ? { date } : {}) }, evidence });
      const [a, b] = people as [string, string];
      const signatures: Array<[string, string, string | null]> = [
        [a, 'agr-essai-un', '2002-01-01'],
        [b, 'agr-essai-un', '2001-05-01'],
        [a, 'agr-essai-deux', '2001-06-01'],
        [b, 'agr-essai-deux', null],
        [b, 'agr-essai-trois', null],
        [a, 'agr-essai-trois', null],
      ];
      for (const [person, agreement, date] of signatures) {
        await write(relationship, { type: 'SIGNED', from: person, to: agreement, fields: { onBehalfOf: org, ...(date ? { date } : {}) }, evidence });
      }
      const expected = [
        [b, 'agr-essai-un', '2001-05-01'],
        [a, 'agr-essai-deux', '2001-06-01'],
        [a, 'agr-essai-un', '2002-01-01'],
        [b, 'agr-essai-deux', null],
        [a, 'agr-essai-trois', null],
        [b, 'agr-essai-trois', null],
      ];
      const fields = 'signatures(first: $first) { person { id } agreement { id } date } signaturesTotal';
      for (const first of [1, 2, 3, 4, 5, 6, 10]) {
        // node(id) with a kind's fields is one compiled query; nodes(ids) reads cypher/signatures-on-behalf.cypher.
        const compiled = await server.gql(`query ($id: ID!, $first: Int) { node(id: $id) { ... on Organisation { ${fields} } } }`, { id: org, first });
        const plain = await server.gql(`query ($id: ID!, $first: Int) { nodes(ids: [$id]) { ... on Organisation { ${fields} } } }`, { id: org, first });
        expect(compiled.errors).toBeUndefined();
        expect(plain.errors).toBeUndefined();
        expect(compiled.extensions!.cost.databaseRoundTrips).toBe(1);
        const page = compiled.data.node.signatures.map((s: any) => [s.person.id, s.agreement.id, s.date]);
        expect({ first, page }).toEqual({ first, page: expected.slice(0, first) });
        expect(compiled.data.node.signaturesTotal).toBe(6);
        expect(plain.data.nodes[0]).toEqual(compiled.data.node);
      }
    } finally {
      await undoWrites(server.db, mark, made);
      await removeTestTokens(server.db);
    }
  });

  it('the totals of every organisation cost one more round-trip, not one per organisation or per field', async () => {
    const plain = await server.gql(`{ organisations(first: 100) { nodes { id } } }`);
    const withTotals = await server.gql(`{ organisations(first: 100) { nodes { id agreementsTotal peopleTotal runsTotal childrenTotal relationshipsTotal } } }`);
    expect(withTotals.errors).toBeUndefined();
    expect(withTotals.data.organisations.nodes.length).toBeGreaterThan(20);
    // Signatures on behalf are counted by their own query (a property of SIGNED, not a link).
    expect(withTotals.extensions!.cost.databaseRoundTrips).toBe(plain.extensions!.cost.databaseRoundTrips + 1);
  });

  it('a bad relationship type in relationshipsTotal is refused with a code, and an empty type list is a mistake too', async () => {
    const bad = await server.gql(`{ organisation(id: "org-microsoft") { relationshipsTotal(types: [NOT_A_TYPE]) } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const empty = await server.gql(`{ organisation(id: "org-microsoft") { relationshipsTotal(types: []) } }`);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'types' });
  });
});
