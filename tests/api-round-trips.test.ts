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

  it("Microsoft's agreements with their parties and signatories: 3 levels, 2 round-trips", async () => {
    const { trips, data } = await roundTrips(`{ organisation(id: "org-microsoft") {
      agreements { agreement { title
        parties { organisation { name } }
        signatories { person { name } onBehalfOf { name } } } } } }`);
    const agreements = data.organisation.agreements;
    expect(agreements.length).toBeGreaterThanOrEqual(7);
    // A query per item would make 1 + 1 + 2 per agreement, plus one per signatory's organisation.
    // Levels 1 and 2: the organisation with its agreements (a root look-up fetches the relationship fields
    // selected on it); level 3: all parties and signatories at once, each signature with the organisation
    // it was made for.
    expect(trips).toBe(2);
    const behalf = agreements.flatMap((a: any) => a.agreement.signatories).filter((s: any) => s.onBehalfOf);
    expect(behalf.length).toBeGreaterThan(0);
    const withoutOnBehalf = await roundTrips(`{ organisation(id: "org-microsoft") {
      agreements { agreement { parties { organisation { name } } signatories { person { name } } } } } }`);
    expect(withoutOnBehalf.trips).toBe(2);
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
});
