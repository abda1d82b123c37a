/**
 * Every GraphQL operation the explorer sends, written against the public contract (schema/*.graphql), and
 * the conversions from their answers to what the page draws. tests/web-queries.test.ts validates each one
 * against the schema, so a contract change fails a test rather than the page.
 */
import { gql, toGraphNode, type Evidence, type GraphEdge, type GraphNode } from './api';
import { formatDate } from './dates';
import { ID_PREFIXES } from './model.generated';
import type { DetailItem, DetailSection, NodeDetail } from './panel';

const EVIDENCE = `fragment Ev on Evidence { quote source { id title date publisher file type author } }`;
const SUMMARY = `fragment Summary on Entity {
  __typename id kind label
  ... on Agreement { date }
  ... on Event { date }
  ... on Programme { date }
  ... on Statement { date }
  ... on Figure { asOf }
}`;
const RELATIONSHIP = `fragment Rel on Relationship {
  id type from { id } to { id } role title onBehalfOf { id label } date dateInferred
  evidence { ...Ev }
}`;
const FRAGMENTS = `${EVIDENCE}\n${SUMMARY}\n${RELATIONSHIP}`;

/** A link list (OrganisationLink, ProgrammeLink …): the node, the relationship type and its evidence. */
const link = (extra = '') => `{ type direction node { ...Summary ${extra} } evidence { ...Ev } }`;

/** What a figure shows in a list: its number, unit and status. */
const FIGURE = 'value unit status qualifier';

/** How many items of each list the panel asks at first; "show all 38" asks the rest. */
export const LIST_PAGE = 10;
/** The most a list field gives in one answer (the API's `first` bound). */
export const LIST_MAX = 1000;

const PARTY = `{ id organisation { ...Summary } role evidence { ...Ev } }`;
const SIGNATORY = `{ id person { ...Summary } onBehalfOf { ...Summary } date dateInferred evidence { ...Ev } }`;
const ROLE = `{ id organisation { ...Summary } title asOf dateInferred evidence { ...Ev } }`;
const SIGNED = `{ id agreement { ...Summary } onBehalfOf { ...Summary } date dateInferred evidence { ...Ev } }`;
const AGREEMENT_ROLE = `{ id agreement { ...Summary } role evidence { ...Ev } }`;
const PERSON_ROLE = `{ id person { ...Summary } title asOf evidence { ...Ev } }`;
const SIGNATURE = `{ id person { ...Summary } agreement { ...Summary } date evidence { ...Ev } }`;
const COMMITMENT = link('type quantity unit period beneficiaries');

/**
 * What the panel shows of each kind: its own fields, and its lists, each asked `first: $first` with its total
 * (a hub's lists are thousands long: the details answer stays the size of a page whatever the node).
 */
const DETAILS: Record<string, { fields: string; lists: Record<string, string> }> = {
  Agreement: {
    fields: 'title type date dateInferred duration exclusive confidential description',
    lists: {
      parties: PARTY,
      signatories: SIGNATORY,
      programmes: link(),
      clauses: link('text'),
      commitments: COMMITMENT,
      renews: link(),
      renewedBy: link(),
      places: link(),
      statementsAbout: link('words'),
      figures: link(FIGURE),
    },
  },
  Person: {
    fields: 'name description',
    lists: { roles: ROLE, signed: SIGNED, takesPartIn: link(), authored: link(), affiliations: link(), statements: link('words'), statementsAbout: link('words') },
  },
  Organisation: {
    fields: 'name type description',
    lists: {
      agreements: AGREEMENT_ROLE,
      people: PERSON_ROLE,
      signatures: SIGNATURE,
      commitments: COMMITMENT,
      runs: link(),
      parents: link(),
      children: link(),
      places: link(),
      affiliates: link(),
      statements: link('words'),
      statementsAbout: link('words'),
      figures: link(FIGURE),
    },
  },
  Programme: {
    fields: 'name type date dateInferred targets offers duration description',
    lists: {
      agreements: link(),
      commitments: COMMITMENT,
      runBy: link(),
      partOf: link(),
      parts: link(),
      participants: link(),
      places: link(),
      statementsAbout: link('words'),
      figures: link(FIGURE),
    },
  },
  Clause: { fields: `title text description agreement ${link()}`, lists: {} },
  Commitment: {
    fields: 'title type quantity unit period beneficiaries description',
    lists: { committedBy: link(), includedIn: link(), figures: link(FIGURE) },
  },
  Place: { fields: 'name type', lists: { partOf: link(), contains: link() } },
  Event: { fields: 'name date dateInferred targets description', lists: { runBy: link(), participants: link(), places: link(), figures: link(FIGURE) } },
  Source: { fields: 'title type file date dateInferred publisher author description', lists: {} },
  Statement: { fields: 'title words mode medium date dateInferred', lists: { speakers: link(), subjects: link() } },
  Figure: { fields: 'title value unit measures status qualifier period asOf dateInferred', lists: { about: link() } },
};

/** A list asked a page at a time, with how many there are in all. */
const paged = (field: string, selection: string) => `${field}(first: $first) ${selection} ${field}Total`;

function detailQuery(kind: string): string {
  const { fields, lists } = DETAILS[kind]!;
  const all = Object.entries(lists).map(([field, selection]) => paged(field, selection));
  // The node's own quotes are paged too: a hub is quoted by every document naming it.
  return `query ${kind}Detail($id: ID!, $first: Int!) {
  node(id: $id) { ...Summary ... on Entity { aliases evidence(first: $first) { ...Ev } evidenceTotal } ... on ${kind} { ${[fields, ...all].join('\n    ')} } }
}
${EVIDENCE}\n${SUMMARY}`;
}

/** The operation asking more of one list of a node (the panel's "show all"): `OrganisationAgreementsPage`. */
const pageName = (kind: string, field: string) => `${kind}${field[0]!.toUpperCase()}${field.slice(1)}Page`;

function pageQuery(kind: string, field: string): string {
  return `query ${pageName(kind, field)}($id: ID!, $first: Int!) {
  node(id: $id) { id ... on ${kind} { ${paged(field, DETAILS[kind]!.lists[field]!)} } }
}
${EVIDENCE}\n${SUMMARY}`;
}

/** Every operation, by name, for the contract test. */
export const QUERIES: Record<string, string> = {
  Search: `query Search($text: String!, $kinds: [NodeKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) { score node { ...Summary } }
}
${SUMMARY}`,
  NodeSummary: `query NodeSummary($id: ID!) { node(id: $id) { ...Summary } }
${SUMMARY}`,
  Neighbourhood: `query Neighbourhood($id: ID!, $perNode: Int, $limit: Int) {
  neighbourhood(id: $id, depth: 1, perNode: $perNode, limit: $limit) {
    center { ...Summary } nodes { ...Summary } edges { ...Rel } truncated omitted { id count }
  }
}
${FRAGMENTS}`,
  Paths: `query Paths($from: ID!, $to: ID!, $maxLength: Int, $shortestOnly: Boolean, $first: Int) {
  pathSearch(from: $from, to: $to, maxLength: $maxLength, shortestOnly: $shortestOnly, first: $first) {
    outcome message searchedLength paths { length nodes { ...Summary } relationships { ...Rel } }
  }
}
${FRAGMENTS}`,
  Timeline: `query Timeline($from: PartialDate, $to: PartialDate, $actor: ID) {
  timeline(from: $from, to: $to, actor: $actor, kinds: [Agreement, Event, Statement, Figure], first: 500) { date dateInferred node { ...Summary } }
}
${SUMMARY}`,
  Passages: `query Passages($text: String!, $first: Int) {
  passages(text: $text, first: $first) { score passage { id text index source { id title file date } facts { ...Summary } } }
}
${SUMMARY}`,
  ...Object.fromEntries(Object.keys(DETAILS).map((kind) => [`${kind}Detail`, detailQuery(kind)])),
  EvidencePage: `query EvidencePage($id: ID!, $first: Int!) { node(id: $id) { id ... on Entity { evidence(first: $first) { ...Ev } evidenceTotal } } }
${EVIDENCE}`,
  ...Object.fromEntries(
    Object.entries(DETAILS).flatMap(([kind, { lists }]) => Object.keys(lists).map((field) => [pageName(kind, field), pageQuery(kind, field)])),
  ),
  // The editor pane (web/src/editor.ts).
  Me: `query Me { me { id name role } }`,
  RelationshipTypes: `query RelationshipTypes { __type(name: "RelationshipType") { enumValues { name description } } }`,
  SourceText: `query SourceText($id: ID!) { source(id: $id) { id title text(length: 100000) { text totalLength nextOffset } } }`,
  CreateRelationship: `mutation CreateRelationship($input: CreateRelationshipInput!) {
  createRelationship(input: $input) { id version change { seq action at actorName } }
}`,
  History: `query History($id: ID!) { history(id: $id) { seq action at actorName reason } }`,
};

const q = (name: string): string => QUERIES[name]!;

// ---- answers → drawing ----

interface RawSummary {
  __typename: string;
  id: string;
  kind?: string;
  label: string;
  date?: string | null;
  asOf?: string | null;
}
interface RawRel {
  id: string;
  type: string;
  from: { id: string };
  to: { id: string };
  role?: string | null;
  title?: string | null;
  onBehalfOf?: { id: string; label: string } | null;
  date?: string | null;
  dateInferred?: string | null;
  evidence: Evidence[];
}

const node = (raw: RawSummary): GraphNode => toGraphNode({ ...raw, name: raw.label, date: raw.date ?? raw.asOf ?? null });

function edge(raw: RawRel): GraphEdge {
  return {
    id: raw.id,
    type: raw.type,
    from: raw.from.id,
    to: raw.to.id,
    properties: {
      role: raw.role ?? null,
      title: raw.title ?? null,
      'on behalf of': raw.onBehalfOf?.label ?? null,
      date: raw.date ?? null,
      'date inferred': raw.dateInferred ?? null,
    },
    evidence: raw.evidence,
  };
}

export async function searchNodes(text: string, kinds?: string[], first = 10): Promise<GraphNode[]> {
  const data = await gql<{ search: Array<{ score: number; node: RawSummary }> }>(q('Search'), { text, kinds: kinds ?? null, first });
  return data.search.map((hit) => node(hit.node));
}

export async function nodeSummary(id: string): Promise<GraphNode | null> {
  const data = await gql<{ node: RawSummary | null }>(q('NodeSummary'), { id });
  return data.node ? node(data.node) : null;
}

export interface Neighbourhood {
  center: GraphNode;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Relationships of the centre left out by the hub cap. */
  hidden: number;
}

/** Relationships shown per expanded node before an "N more" handle; each click on the handle shows this many more. */
export const PER_NODE = 30;

/** The variables of a neighbourhood request (prefetch.js sends the very same ones). */
export const neighbourhoodVariables = (id: string, perNode: number) => ({ id, perNode, limit: perNode + 1 });

export async function neighbourhood(id: string, perNode: number): Promise<Neighbourhood> {
  const data = await gql<{
    neighbourhood: { center: RawSummary; nodes: RawSummary[]; edges: RawRel[]; truncated: boolean; omitted: Array<{ id: string; count: number }> };
  }>(q('Neighbourhood'), neighbourhoodVariables(id, perNode));
  const n = data.neighbourhood;
  return {
    center: node(n.center),
    nodes: n.nodes.map(node),
    edges: n.edges.map(edge),
    hidden: n.omitted.find((o) => o.id === n.center.id)?.count ?? 0,
  };
}

export interface FoundPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The paths found, and how the search ended: no path within the bound, or stopped at its limit, is said so. */
export interface PathsFound {
  paths: FoundPath[];
  outcome: 'FOUND' | 'NO_PATH' | 'STOPPED_AT_LIMIT';
  /** The API's account of how the search ended (how long the paths are, or which bound stopped it). */
  message: string;
  maxLength: number;
}

export async function findPaths(from: string, to: string, shortestOnly: boolean, maxLength: number): Promise<PathsFound> {
  type Raw = { outcome: PathsFound['outcome']; message: string; paths: Array<{ length: number; nodes: RawSummary[]; relationships: RawRel[] }> };
  const data = await gql<{ pathSearch: Raw }>(q('Paths'), { from, to, maxLength, shortestOnly, first: 10 });
  const { outcome, message, paths } = data.pathSearch;
  return { outcome, message, maxLength, paths: paths.map((p) => ({ nodes: p.nodes.map(node), edges: p.relationships.map(edge) })) };
}

export interface TimelineItem {
  date: string;
  dateInferred?: string | null;
  node: GraphNode;
}

export async function timeline(from?: string, to?: string, actor?: string): Promise<TimelineItem[]> {
  const data = await gql<{ timeline: Array<{ date: string; dateInferred: string | null; node: RawSummary }> }>(q('Timeline'), {
    from: from || null,
    to: to || null,
    actor: actor || null,
  });
  return data.timeline.map((t) => ({ date: t.date, dateInferred: t.dateInferred, node: node(t.node) }));
}

export interface PassageHit {
  text: string;
  source: { id: string; title: string; file: string; date?: string | null };
  facts: GraphNode[];
}

/** Sentences of the documents with the words typed, each with its document and the facts quoting it. */
export async function searchPassages(text: string, first = 8): Promise<PassageHit[]> {
  const data = await gql<{ passages: Array<{ passage: { text: string; source: PassageHit['source']; facts: RawSummary[] } }> }>(q('Passages'), { text, first });
  return data.passages.map((h) => ({ text: h.passage.text, source: h.passage.source, facts: h.passage.facts.map(node) }));
}

// ---- details for the panel ----

type Raw = Record<string, any>;

const linkItems = (links: Raw[] | undefined, meta?: (n: Raw) => string | undefined): DetailItem[] =>
  (links ?? []).map((l) => ({ node: node(l.node), text: l.type ? `(${l.type.toLowerCase().replace(/_/g, ' ')})` : undefined, meta: meta?.(l.node), evidence: l.evidence }));

const dated = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(', ') || undefined;

function commitmentMeta(c: Raw): string | undefined {
  const amount = c.quantity !== null && c.quantity !== undefined ? `${c.quantity}${c.unit ? ` ${c.unit}` : ''}` : undefined;
  return dated(c.type, amount, c.period, c.beneficiaries && `for ${c.beneficiaries}`);
}

/** A figure as a reader says it: `about 50 person (target)`. */
function figureMeta(f: Raw): string | undefined {
  const bound: Record<string, string> = { about: 'about ', more_than: 'more than ', less_than: 'less than ', average: 'on average ' };
  return dated(`${bound[f.qualifier] ?? ''}${f.value} ${f.unit}`, f.status?.toLowerCase());
}

const wordsOf = (s: Raw): string | undefined => (s.words ? `« ${s.words} »` : undefined);

/** How a list's raw items become the panel's lines. */
type Items = (raws: Raw[]) => DetailItem[];
const links = (meta?: (n: Raw) => string | undefined): Items => (raws) => linkItems(raws, meta);

const ITEMS: Record<string, Items> = {
  parties: (ps) => ps.map((p) => ({ node: node(p.organisation), meta: p.role ?? undefined, evidence: p.evidence })),
  signatories: (ss) =>
    ss.map((s) => ({
      node: node(s.person),
      text: s.onBehalfOf ? `for ${s.onBehalfOf.label}` : undefined,
      meta: dated(formatDate(s.date), s.dateInferred && `date inferred: ${s.dateInferred}`),
      evidence: s.evidence,
    })),
  clauses: (ls) => ls.map((l) => ({ node: node(l.node), quote: l.node.text ?? undefined, evidence: l.evidence })),
  roles: (rs) => rs.map((r) => ({ node: node(r.organisation), text: r.title, meta: formatDate(r.asOf) || undefined, evidence: r.evidence })),
  signed: (ss) =>
    ss.map((s) => ({ node: node(s.agreement), text: s.onBehalfOf ? `for ${s.onBehalfOf.label}` : undefined, meta: formatDate(s.date) || undefined, evidence: s.evidence })),
  people: (rs) => rs.map((r) => ({ node: node(r.person), text: r.title, meta: formatDate(r.asOf) || undefined, evidence: r.evidence })),
  signatures: (ss) => ss.map((s) => ({ node: node(s.person), text: `signed ${s.agreement.label}`, meta: formatDate(s.date) || undefined, evidence: s.evidence })),
  commitments: links(commitmentMeta),
  statements: links(wordsOf),
  statementsAbout: links(wordsOf),
  figures: links(figureMeta),
};
/** Organisation.agreements are PartyRoles (Programme.agreements are links). */
const ORGANISATION_AGREEMENTS: Items = (ps) => ps.map((p) => ({ node: node(p.agreement), meta: p.role ?? undefined, evidence: p.evidence }));
const itemsOf = (kind: string, field: string): Items => (kind === 'Organisation' && field === 'agreements' ? ORGANISATION_AGREEMENTS : ITEMS[field] ?? links());

/** Each kind's sections: its list fields' titles, in order; `optional` ones are left out when empty. */
const SECTIONS: Record<string, Array<[field: string, title: string, options?: { optional?: boolean; empty?: string }]>> = {
  Agreement: [
    ['parties', 'Parties'],
    ['signatories', 'Signatories', { empty: 'Not stated in the sources.' }],
    ['programmes', 'Programmes'],
    ['clauses', 'Clauses'],
    ['commitments', 'Commitments'],
    ['renews', 'Renews', { optional: true }],
    ['renewedBy', 'Renewed by', { optional: true }],
    ['places', 'Places', { optional: true }],
  ],
  Person: [
    ['roles', 'Roles'],
    ['signed', 'Signed'],
    ['takesPartIn', 'Takes part in', { optional: true }],
    ['affiliations', 'Belongs to', { optional: true }],
    ['authored', 'Wrote', { optional: true }],
  ],
  Organisation: [
    ['agreements', 'Agreements'],
    ['people', 'People'],
    ['signatures', 'Signatures on its behalf', { optional: true }],
    ['commitments', 'Commitments', { optional: true }],
    ['runs', 'Runs', { optional: true }],
    ['parents', 'Part of', { optional: true }],
    ['children', 'Parts and members', { optional: true }],
    ['places', 'Places', { optional: true }],
    ['affiliates', 'People (capacity not stated)', { optional: true }],
  ],
  Programme: [
    ['agreements', 'Agreements'],
    ['commitments', 'Commitments', { optional: true }],
    ['runBy', 'Run by', { optional: true }],
    ['partOf', 'Part of', { optional: true }],
    ['parts', 'Strands', { optional: true }],
    ['participants', 'Participants', { optional: true }],
    ['places', 'Places', { optional: true }],
  ],
  Commitment: [
    ['committedBy', 'Committed by', { optional: true }],
    ['includedIn', 'Included in', { optional: true }],
  ],
  Place: [
    ['partOf', 'Part of', { optional: true }],
    ['contains', 'What is there', { optional: true }],
  ],
  Event: [
    ['runBy', 'Run by', { optional: true }],
    ['participants', 'Participants', { optional: true }],
    ['places', 'Places', { optional: true }],
  ],
  Statement: [
    ['speakers', 'Said by'],
    ['subjects', 'About', { optional: true }],
  ],
  Figure: [['about', 'About']],
};

/** What was said by or about a node, and the numbers about it (after its own sections). */
const SPEECH: Array<[string, string]> = [
  ['statements', 'Said'],
  ['statementsAbout', 'Said about it'],
  ['figures', 'Figures'],
];

/** The rest of a list: the first `first` items, asked again (the API's lists take `first`, not a cursor). */
export async function listPage(kind: string, field: string, id: string, first: number): Promise<{ items: DetailItem[]; total: number }> {
  const data = await gql<{ node: Raw | null }>(q(pageName(kind, field)), { id, first: Math.min(first, LIST_MAX) });
  const d = data.node ?? {};
  return { items: itemsOf(kind, field)(d[field] ?? []), total: d[`${field}Total`] ?? 0 };
}

/** A section of list `field` of node `d`: its first page, its total, and how to ask for more. */
function listSection(kind: string, d: Raw, field: string, title: string, options: { optional?: boolean; empty?: string } = {}): DetailSection[] {
  if (!(field in d)) return [];
  const raws: Raw[] = d[field] ?? [];
  const total: number = d[`${field}Total`] ?? raws.length;
  if (options.optional && total === 0) return [];
  return [
    {
      title,
      field,
      items: itemsOf(kind, field)(raws),
      total,
      empty: options.empty,
      more: total > raws.length ? (first) => listPage(kind, field, d.id, first) : undefined,
    },
  ];
}

function sectionsFor(kind: string, d: Raw): DetailSection[] {
  const own: DetailSection[] = [];
  if (kind === 'Clause') {
    if (d.text) own.push({ title: 'Text', items: [{ quote: d.text, evidence: [] }] });
    own.push({ title: 'Agreement', items: d.agreement ? linkItems([d.agreement]) : [] });
  }
  if (kind === 'Statement') own.push({ title: 'Words', items: [{ quote: d.words, evidence: [] }] });
  const lists = [...(SECTIONS[kind] ?? []), ...SPEECH.map(([f, t]) => [f, t, { optional: true }] as const)];
  return [...own, ...lists.flatMap(([field, title, options]) => listSection(kind, d, field, title, options))];
}

const FIELD_LABELS: Array<[string, string]> = [
  ['type', 'Type'],
  ['value', 'Value'],
  ['unit', 'Unit'],
  ['status', 'Status'],
  ['qualifier', 'Qualifier'],
  ['measures', 'Measures'],
  ['asOf', 'As of'],
  ['mode', 'Mode'],
  ['medium', 'Medium'],
  ['date', 'Date'],
  ['dateInferred', 'Date inferred'],
  ['duration', 'Duration'],
  ['exclusive', 'Exclusive'],
  ['confidential', 'Confidential'],
  ['quantity', 'Quantity'],
  ['period', 'Period'],
  ['targets', 'For whom'],
  ['offers', 'What it offers'],
  ['beneficiaries', 'Beneficiaries'],
  ['publisher', 'Publisher'],
  ['author', 'Author'],
  ['file', 'File'],
];

/** The variables of a details request (prefetch.js sends the very same ones). */
export const detailVariables = (id: string, _kind: string) => ({ id, first: LIST_PAGE });

/** A node's first `first` quotes (the panel's "show all" under its evidence). */
async function evidencePage(id: string, first: number): Promise<Evidence[]> {
  const data = await gql<{ node: { evidence: Evidence[] } | null }>(q('EvidencePage'), { id, first: Math.min(first, LIST_MAX) });
  return data.node?.evidence ?? [];
}

/** The kind a node's id names (its prefix), when it names one. */
export function kindOfId(id: string): string | undefined {
  return Object.entries(ID_PREFIXES).find(([, prefix]) => id.startsWith(prefix))?.[0];
}

export async function nodeDetail(id: string, kind: string): Promise<NodeDetail | null> {
  if (!DETAILS[kind]) {
    const summary = await nodeSummary(id);
    if (!summary || !DETAILS[summary.kind]) return null;
    kind = summary.kind;
  }
  const data = await gql<{ node: Raw | null }>(q(`${kind}Detail`), detailVariables(id, kind));
  const d = data.node;
  if (!d) return null;
  const fields: Array<[string, string]> = [];
  for (const [key, label] of FIELD_LABELS) {
    const v = d[key];
    if (v === null || v === undefined || v === '') continue;
    fields.push([label, key === 'date' || key === 'asOf' ? formatDate(v) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v).replace(/_/g, ' ')]);
  }
  return {
    node: node(d as RawSummary),
    description: d.description ?? null,
    aliases: d.aliases ?? [],
    fields,
    evidence: d.evidence ?? [],
    evidenceTotal: d.evidenceTotal ?? d.evidence?.length ?? 0,
    moreEvidence: (first) => evidencePage(id, first),
    sections: sectionsFor(kind, d),
  };
}
