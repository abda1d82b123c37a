/**
 * The benchmark's workload: the same questions asked of Accords and of the peer, with the same parameters
 * in the same order. Each row says what it measures, the two operations, and how to reduce both answers to
 * one canonical form so their equivalence can be checked.
 */
import type { CorpusManifest } from './synthetic/corpus';
import { Rng } from './synthetic/random';
import { explorerRows } from './explorer-rows';

export type Variables = Record<string, unknown>;
type Data = Record<string, any>;

export interface Row {
  key: string;
  /** One line for the table. */
  title: string;
  /** What the row measures, for the README and the JSON. */
  measures: string;
  accords: string;
  /** null when the peer's generated API cannot express the question. */
  peer: string | null;
  peerNote?: string;
  /** Variables for request i (shared by both sides; `peerVariables` adapts them where the APIs differ). */
  variables(i: number): Variables;
  peerVariables?(v: Variables): Variables;
  /**
   * The answer reduced to what both servers should agree on, or `undefined` when the two answers are not
   * comparable beyond being non-empty. `size` counts what came back (0 = empty answer).
   */
  canonAccords(data: Data, v: Variables): { canon?: unknown; size: number };
  canonPeer?(data: Data, v: Variables): { canon?: unknown; size: number };
  /**
   * A write: every request must be new (variables(i) makes distinct ids for distinct i, and warm-up and
   * throughput take indices of their own), Accords is sent an editor's token, and what the row made is
   * removed after it (`cleanUp`, Cypher run by the benchmark).
   */
  write?: { cleanUp: string[] };
}

/** A quote of a source document of the corpus, for the write row. */
export interface WriteSample {
  sourceId: string;
  quote: string;
}

const sortBy = <T>(items: T[], key: (t: T) => string) => [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const tuple = (...parts: unknown[]) => parts.map((p) => (p === null || p === undefined ? '' : String(p))).join('|');

/** An agreement's parties and signatories in one canonical form (sorted tuples). */
function agreementCanon(id: string, parties: string[], signatories: string[]) {
  return { id, parties: [...parties].sort(), signatories: [...signatories].sort() };
}

const ACCORDS_AGREEMENT_2 = `
  id title
  parties { role organisation { id name } }
  signatories { date person { id name } onBehalfOf { id } }`;
const PEER_AGREEMENT_2 = `
  id title
  partiesConnection { edges { properties { role } node { id name } } }
  signatoriesConnection { edges { properties { date onBehalfOf } node { id name } } }`;

function accordsAgreement(a: Data) {
  return agreementCanon(
    a.id,
    a.parties.map((p: Data) => tuple(p.organisation.id, p.organisation.name, p.role)),
    a.signatories.map((s: Data) => tuple(s.person.id, s.person.name, s.onBehalfOf?.id, s.date)),
  );
}
function peerAgreement(a: Data) {
  return agreementCanon(
    a.id,
    a.partiesConnection.edges.map((e: Data) => tuple(e.node.id, e.node.name, e.properties.role)),
    a.signatoriesConnection.edges.map((e: Data) => tuple(e.node.id, e.node.name, e.properties.onBehalfOf, e.properties.date)),
  );
}

const AGREEMENT_TYPES = ['convention', 'partnership', 'protocol'] as const;

export function workload(manifest: CorpusManifest, seed = 7, writeSample?: WriteSample): Row[] {
  const { agreements, organisations, signatories, names } = manifest.sample;
  // One shuffled order per list, fixed for the seed: both servers get the same sequence.
  const shuffled = <T>(items: readonly T[], salt: number): T[] => {
    const rng = new Rng(seed * 31 + salt);
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const at = <T>(items: T[], i: number): T => items[i % items.length]!;
  const agr1 = shuffled(agreements, 1);
  const agr2 = shuffled(agreements, 2);
  const orgs = shuffled(organisations, 3);
  const people = shuffled(signatories, 4);
  const people2 = shuffled(signatories, 5);
  const named = shuffled(names, 6);
  const listRng = new Rng(seed * 31 + 7);
  const lists = Array.from({ length: 64 }, () => {
    const from = listRng.int(1996, 2009);
    return { type: listRng.pick(AGREEMENT_TYPES), from: String(from), to: String(from + listRng.int(1, 4)) };
  });

  return [
    {
      key: 'floor',
      title: 'the floor: an empty request ({ __typename })',
      measures: 'HTTP, the GraphQL server and the answer, without the database: what every other row pays before its query.',
      accords: `query Floor { __typename }`,
      peer: `query Floor { __typename }`,
      variables: () => ({}),
      canonAccords: (d) => ({ canon: d.__typename, size: 1 }),
      canonPeer: (d) => ({ canon: d.__typename, size: 1 }),
    },
    {
      key: 'lookup',
      title: 'look-up by id (agreement + evidence)',
      measures: 'One agreement by id with its fields and its evidence (quote and source document).',
      accords: `query Lookup($id: ID!) { node(id: $id) { id ... on Agreement { title type date evidence { quote source { id title } } } } }`,
      peer: `query Lookup($id: ID!) { agreements(where: { id: { eq: $id } }) { id title type date evidence { quote source { id title } } } }`,
      variables: (i) => ({ id: at(agr1, i) }),
      canonAccords: (d) => lookupCanon(d.node),
      canonPeer: (d) => lookupCanon(d.agreements?.[0]),
    },
    {
      key: 'agreement2',
      title: "agreement's parties + signatories (2 levels)",
      measures: "One agreement with its parties (organisation, role) and its signatories (person, on behalf of, date).",
      accords: `query Agreement($id: ID!) { agreement(id: $id) { ${ACCORDS_AGREEMENT_2} } }`,
      peer: `query Agreement($id: ID!) { agreements(where: { id: { eq: $id } }) { ${PEER_AGREEMENT_2} } }`,
      variables: (i) => ({ id: at(agr2, i) }),
      canonAccords: (d) => (d.agreement ? { canon: accordsAgreement(d.agreement), size: d.agreement.parties.length } : { size: 0 }),
      canonPeer: (d) => (d.agreements?.[0] ? { canon: peerAgreement(d.agreements[0]), size: d.agreements[0].partiesConnection.edges.length } : { size: 0 }),
    },
    {
      key: 'actor3',
      title: "actor's agreements + parties + signatories (3 levels)",
      measures: 'One organisation (not a hub) with every agreement it is party to, and each agreement\'s parties and signatories.',
      accords: `query Actor($id: ID!) { organisation(id: $id) { id name agreements { role agreement { ${ACCORDS_AGREEMENT_2} } } } }`,
      peer: `query Actor($id: ID!) { organisations(where: { id: { eq: $id } }) { id name agreementsConnection { edges { properties { role } node { ${PEER_AGREEMENT_2} } } } } }`,
      variables: (i) => ({ id: at(orgs, i) }),
      canonAccords: (d) => {
        const o = d.organisation;
        if (!o) return { size: 0 };
        const items = sortBy(o.agreements.map((l: Data) => ({ role: l.role ?? '', ...accordsAgreement(l.agreement) })), (a: Data) => a.id);
        return { canon: { id: o.id, agreements: items }, size: items.length };
      },
      canonPeer: (d) => {
        const o = d.organisations?.[0];
        if (!o) return { size: 0 };
        const items = sortBy(o.agreementsConnection.edges.map((e: Data) => ({ role: e.properties.role ?? '', ...peerAgreement(e.node) })), (a: Data) => a.id);
        return { canon: { id: o.id, agreements: items }, size: items.length };
      },
    },
    {
      key: 'list',
      title: 'filtered, paginated list + totalCount',
      measures: 'Agreements of one type dated within a span of years, newest first, first page of 20, with totalCount.',
      accords: `query List($type: AgreementType!, $from: PartialDate!, $to: PartialDate!) {
        agreements(filter: { type: [$type], dateFrom: $from, dateTo: $to }, orderBy: DATE_DESC, first: 20) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id title date } } } }`,
      peer: `query List($type: String!, $from: String!, $toExclusive: String!) {
        agreementsConnection(where: { type: { eq: $type }, date: { gte: $from, lt: $toExclusive } }, sort: [{ date: DESC }], first: 20) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id title date } } } }`,
      peerNote: 'inclusive year bounds expressed as date >= from AND date < to+1',
      variables: (i) => at(lists, i),
      peerVariables: (v) => ({ type: v.type, from: v.from, toExclusive: String(Number(v.to) + 1) }),
      // Same count and the same dates in the same order (ties between equal dates may differ in id).
      canonAccords: (d) => listCanon(d.agreements),
      canonPeer: (d) => listCanon(d.agreementsConnection),
    },
    {
      key: 'search',
      title: 'search (name, one kind, top 10)',
      measures: 'Full-text search for an organisation or person name (accent-insensitive index), top 10 hits; the expected entity must rank first.',
      accords: `query Search($text: String!, $kinds: [NodeKind!]) { search(text: $text, kinds: $kinds, first: 10) { score node { id label } } }`,
      peer: `query Search($text: String!, $org: Boolean!) {
        organisationsSearch(phrase: $text, first: 10) @include(if: $org) { edges { score node { id name } } }
        peopleSearch(phrase: $text, first: 10) @skip(if: $org) { edges { score node { id name } } } }`,
      peerNote: 'one generated search query per type (organisationsSearch / peopleSearch over the same index)',
      variables: (i) => {
        const n = at(named, i);
        return { text: n.name, kinds: [n.kind], _expected: n.id };
      },
      peerVariables: (v) => ({ text: v.text, org: (v.kinds as string[])[0] === 'Organisation' }),
      canonAccords: (d, v) => ({ canon: d.search?.[0]?.node?.id === v._expected ? v._expected : d.search?.[0]?.node?.id, size: d.search?.length ?? 0 }),
      canonPeer: (d, v) => {
        const edges = (d.organisationsSearch ?? d.peopleSearch)?.edges ?? [];
        return { canon: edges[0]?.node?.id === v._expected ? v._expected : edges[0]?.node?.id, size: edges.length };
      },
    },
    {
      key: 'neighbourhood',
      title: 'depth-2 neighbourhood of a hub',
      measures:
        'A hub organisation (thousands of agreements), 25 of its agreements (PARTY_TO) and up to 25 parties and signatories of each: about 100 nodes.',
      accords: `query Hood($id: ID!) { neighbourhood(id: $id, depth: 2, types: [PARTY_TO, SIGNED], limit: 500, perNode: 25) {
        truncated nodes { id label } edges { id type from { id } to { id } } } }`,
      peer: `query Hood($id: ID!) { organisations(where: { id: { eq: $id } }) { id name
        agreements(limit: 25) { id title parties(limit: 25) { id name } signatories(limit: 25) { id name } } } }`,
      peerNote: 'hand-written 2-level query (no generic neighbourhood); which 25 agreements each side picks differs, so only sizes are compared',
      variables: (i) => ({ id: manifest.hubs[i % manifest.hubs.length] }),
      canonAccords: (d) => ({ size: d.neighbourhood?.nodes?.length ?? 0 }),
      canonPeer: (d) => {
        const o = d.organisations?.[0];
        if (!o) return { size: 0 };
        const ids = new Set<string>([o.id]);
        for (const a of o.agreements) {
          ids.add(a.id);
          for (const p of [...a.parties, ...a.signatories]) ids.add(p.id);
        }
        return { size: ids.size };
      },
    },
    {
      key: 'path',
      title: 'shortest path between two actors',
      measures: 'The shortest path (up to 6 relationships) between two people who signed agreements, with each step\'s type.',
      accords: `query Path($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 6, shortestOnly: true, first: 1) {
        length nodes { id label } relationships { type } } }`,
      peer: null,
      peerNote: 'not expressible: the generated API has no path query (it would need a hand-written @cypher field)',
      variables: (i) => ({ from: at(people, i), to: at(people2, i + 1) }),
      canonAccords: (d) => ({ size: d.paths?.length ?? 0 }),
    },
    // What the explorer sends on opening a hub (bench/explorer-rows.ts).
    {
      key: 'passages',
      title: 'passage search (sentences of the documents, top 10)',
      measures: "Full-text search of the documents' sentences for an actor's name, top 10, each with its document.",
      accords: `query Passages($text: String!) { passages(text: $text, first: 10) { score passage { id text index source { id title } } } }`,
      peer: `query Passages($text: String!) { passagesSearch(phrase: $text, first: 10) { edges { score node { id text index source { id title } } } } }`,
      peerNote: 'the generated full-text query over the same passage_search index; the source through a @cypher field',
      variables: (i) => ({ text: at(named, i + 11).name }),
      // Each side builds its own Lucene query (Accords: accents folded, small typos tolerated): sizes only.
      canonAccords: (d) => ({ size: d.passages?.length ?? 0 }),
      canonPeer: (d) => ({ size: d.passagesSearch?.edges?.length ?? 0 }),
    },
    ...(writeSample ? [writeRow(writeSample)] : []),
    ...explorerRows(manifest),
  ];
}

/**
 * One event recorded with one quote of a source document: Accords' createNode (an editor's token checked,
 * the quote checked byte for byte against the stored text, a version and a change-log entry written) against
 * the peer's generated createEvents (no authentication, the same properties and evidence lists stored as
 * given). Each side writes its own ids (`evt-bench-a-…`, `evt-bench-p-…`, with a tag of this process), so
 * neither collides with the other or with an earlier run.
 */
function writeRow({ sourceId, quote }: WriteSample): Row {
  const tag = Date.now().toString(36);
  const peerId = (id: string) => id.replace('evt-bench-a-', 'evt-bench-p-');
  const canon = (id: string | undefined) => (id ? { canon: id.replace(/^evt-bench-[ap]-/, ''), size: 1 } : { size: 0 });
  return {
    key: 'write',
    title: 'a write with evidence (an event and its quote)',
    measures: "An editor records an event with one quote of a source document; the answer is the new node's id.",
    accords: `mutation Write($input: CreateNodeInput!) { createNode(input: $input) { id version } }`,
    peer: `mutation Write($input: [EventCreateInput!]!) { createEvents(input: $input) { events { id } } }`,
    peerNote: "the generated create mutation of one type (Event); it checks nothing (no token, no quote against the source's text) and logs nothing",
    variables: (i) => ({
      input: { kind: 'Event', id: `evt-bench-a-${tag}-${i}`, fields: { name: `Bench event ${i}`, date: '2008-03-12' }, evidence: [{ sourceId, quote }] },
    }),
    peerVariables: (v) => {
      const input = v.input as { id: string; fields: { name: string; date: string } };
      return { input: [{ id: peerId(input.id), name: input.fields.name, date: input.fields.date, evidenceSources: [sourceId], evidenceQuotes: [quote] }] };
    },
    canonAccords: (d) => canon(d.createNode?.id),
    canonPeer: (d) => canon(d.createEvents?.events?.[0]?.id),
    write: {
      cleanUp: [
        `MATCH (n:Event) WHERE n.id STARTS WITH 'evt-bench-' DETACH DELETE n`,
        `MATCH (c:Change) WHERE c.factId STARTS WITH 'evt-bench-' DELETE c`,
      ],
    },
  };
}

function lookupCanon(n: Data | undefined | null) {
  if (!n) return { size: 0 };
  const evidence = (n.evidence as Data[]).map((e) => tuple(e.source?.id, e.quote)).sort();
  return { canon: { id: n.id, title: n.title, type: n.type, date: n.date ?? null, evidence }, size: 1 };
}

function listCanon(c: Data | undefined) {
  if (!c) return { size: 0 };
  const dates = c.edges.map((e: Data) => e.node.date);
  return { canon: { totalCount: c.totalCount, hasNextPage: c.pageInfo.hasNextPage, dates }, size: c.edges.length };
}
