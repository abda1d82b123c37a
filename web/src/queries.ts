/**
 * Every GraphQL operation the explorer sends, written against the public contract (schema/*.graphql), and
 * the conversions from their answers to what the page draws. tests/web-queries.test.ts validates each one
 * against the schema, so a contract change fails a test rather than the page.
 */
import { gql, toGraphNode, type Evidence, type GraphEdge, type GraphNode } from './api';
import { formatDate } from './dates';
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

const DETAIL_FIELDS: Record<string, string> = {
  Agreement: `title type date dateInferred duration exclusive confidential description
    parties { id organisation { ...Summary } role evidence { ...Ev } }
    signatories { id person { ...Summary } onBehalfOf { ...Summary } date dateInferred evidence { ...Ev } }
    programmes ${link()}
    clauses ${link('text')}
    commitments ${link('type quantity unit period beneficiaries')}
    renews ${link()} renewedBy ${link()} places ${link()}
    statementsAbout ${link('words')} figures ${link(FIGURE)}`,
  Person: `name description
    roles { id organisation { ...Summary } title asOf dateInferred evidence { ...Ev } }
    signed { id agreement { ...Summary } onBehalfOf { ...Summary } date dateInferred evidence { ...Ev } }
    takesPartIn ${link()} authored ${link()} affiliations ${link()}
    statements ${link('words')} statementsAbout ${link('words')}`,
  Organisation: `name type description
    agreements { id agreement { ...Summary } role evidence { ...Ev } }
    people { id person { ...Summary } title asOf evidence { ...Ev } }
    signatures { id person { ...Summary } agreement { ...Summary } date evidence { ...Ev } }
    commitments ${link('type quantity unit period beneficiaries')}
    runs ${link()} parents ${link()} children ${link()} places ${link()} affiliates ${link()}
    statements ${link('words')} statementsAbout ${link('words')} figures ${link(FIGURE)}`,
  Programme: `name type date dateInferred targets offers duration description
    agreements ${link()} commitments ${link('type quantity unit period beneficiaries')}
    runBy ${link()} partOf ${link()} parts ${link()} participants ${link()} places ${link()}
    statementsAbout ${link('words')} figures ${link(FIGURE)}`,
  Clause: `title text description agreement ${link()}`,
  Commitment: `title type quantity unit period beneficiaries description committedBy ${link()} includedIn ${link()} figures ${link(FIGURE)}`,
  Place: `name type partOf ${link()} contains ${link()}`,
  Event: `name date dateInferred targets description runBy ${link()} participants ${link()} places ${link()} figures ${link(FIGURE)}`,
  Source: `title type file date dateInferred publisher author description`,
  Statement: `title words mode medium date dateInferred speakers ${link()} subjects ${link()}`,
  Figure: `title value unit measures status qualifier period asOf dateInferred about ${link()}`,
};

function detailQuery(kind: string): string {
  return `query ${kind}Detail($id: ID!) {
  node(id: $id) { ...Summary ... on Entity { aliases evidence { ...Ev } } ... on ${kind} { ${DETAIL_FIELDS[kind]} } }
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
  paths(from: $from, to: $to, maxLength: $maxLength, shortestOnly: $shortestOnly, first: $first) {
    length nodes { ...Summary } relationships { ...Rel }
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
  ...Object.fromEntries(Object.keys(DETAIL_FIELDS).map((kind) => [`${kind}Detail`, detailQuery(kind)])),
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

export async function findPaths(from: string, to: string, shortestOnly: boolean, maxLength: number): Promise<FoundPath[]> {
  const data = await gql<{ paths: Array<{ length: number; nodes: RawSummary[]; relationships: RawRel[] }> }>(q('Paths'), {
    from,
    to,
    maxLength,
    shortestOnly,
    first: 10,
  });
  return data.paths.map((p) => ({ nodes: p.nodes.map(node), edges: p.relationships.map(edge) }));
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

/** What was said by or about a node, and the numbers about it. */
function speechAndFigures(d: Raw): DetailSection[] {
  return [
    ...optional('Said', linkItems(d.statements, wordsOf)),
    ...optional('Said about it', linkItems(d.statementsAbout, wordsOf)),
    ...optional('Figures', linkItems(d.figures, figureMeta)),
  ];
}

function sectionsFor(kind: string, d: Raw): DetailSection[] {
  return [...kindSections(kind, d), ...speechAndFigures(d)];
}

function kindSections(kind: string, d: Raw): DetailSection[] {
  switch (kind) {
    case 'Agreement':
      return [
        { title: 'Parties', items: d.parties.map((p: Raw) => ({ node: node(p.organisation), meta: p.role ?? undefined, evidence: p.evidence })) },
        {
          title: 'Signatories',
          empty: 'Not stated in the sources.',
          items: d.signatories.map((s: Raw) => ({
            node: node(s.person),
            text: s.onBehalfOf ? `for ${s.onBehalfOf.label}` : undefined,
            meta: dated(formatDate(s.date), s.dateInferred && `date inferred: ${s.dateInferred}`),
            evidence: s.evidence,
          })),
        },
        { title: 'Programmes', items: linkItems(d.programmes) },
        {
          title: 'Clauses',
          items: d.clauses.map((l: Raw) => ({ node: node(l.node), quote: l.node.text ?? undefined, evidence: l.evidence })),
        },
        { title: 'Commitments', items: linkItems(d.commitments, commitmentMeta) },
        ...(d.renews.length ? [{ title: 'Renews', items: linkItems(d.renews) }] : []),
        ...(d.renewedBy.length ? [{ title: 'Renewed by', items: linkItems(d.renewedBy) }] : []),
        ...(d.places.length ? [{ title: 'Places', items: linkItems(d.places) }] : []),
      ];
    case 'Person':
      return [
        {
          title: 'Roles',
          items: d.roles.map((r: Raw) => ({ node: node(r.organisation), text: r.title, meta: formatDate(r.asOf) || undefined, evidence: r.evidence })),
        },
        {
          title: 'Signed',
          items: d.signed.map((s: Raw) => ({
            node: node(s.agreement),
            text: s.onBehalfOf ? `for ${s.onBehalfOf.label}` : undefined,
            meta: formatDate(s.date) || undefined,
            evidence: s.evidence,
          })),
        },
        ...optional('Takes part in', linkItems(d.takesPartIn)),
        ...optional('Belongs to', linkItems(d.affiliations)),
        ...optional('Wrote', linkItems(d.authored)),
      ];
    case 'Organisation':
      return [
        { title: 'Agreements', items: d.agreements.map((p: Raw) => ({ node: node(p.agreement), meta: p.role ?? undefined, evidence: p.evidence })) },
        { title: 'People', items: d.people.map((r: Raw) => ({ node: node(r.person), text: r.title, meta: formatDate(r.asOf) || undefined, evidence: r.evidence })) },
        ...optional(
          'Signatures on its behalf',
          d.signatures.map((s: Raw) => ({ node: node(s.person), text: `signed ${s.agreement.label}`, meta: formatDate(s.date) || undefined, evidence: s.evidence })),
        ),
        ...optional('Commitments', linkItems(d.commitments, commitmentMeta)),
        ...optional('Runs', linkItems(d.runs)),
        ...optional('Part of', linkItems(d.parents)),
        ...optional('Parts and members', linkItems(d.children)),
        ...optional('Places', linkItems(d.places)),
        ...optional('People (capacity not stated)', linkItems(d.affiliates)),
      ];
    case 'Programme':
      return [
        { title: 'Agreements', items: linkItems(d.agreements) },
        ...optional('Commitments', linkItems(d.commitments, commitmentMeta)),
        ...optional('Run by', linkItems(d.runBy)),
        ...optional('Part of', linkItems(d.partOf)),
        ...optional('Strands', linkItems(d.parts)),
        ...optional('Participants', linkItems(d.participants)),
        ...optional('Places', linkItems(d.places)),
      ];
    case 'Clause':
      return [...(d.text ? [{ title: 'Text', items: [{ quote: d.text, evidence: [] }] }] : []), { title: 'Agreement', items: d.agreement ? linkItems([d.agreement]) : [] }];
    case 'Commitment':
      return [...optional('Committed by', linkItems(d.committedBy)), ...optional('Included in', linkItems(d.includedIn))];
    case 'Place':
      return [...optional('Part of', linkItems(d.partOf)), ...optional('What is there', linkItems(d.contains))];
    case 'Event':
      return [...optional('Run by', linkItems(d.runBy)), ...optional('Participants', linkItems(d.participants)), ...optional('Places', linkItems(d.places))];
    case 'Statement':
      return [
        { title: 'Words', items: [{ quote: d.words, evidence: [] }] },
        { title: 'Said by', items: linkItems(d.speakers) },
        ...optional('About', linkItems(d.subjects)),
      ];
    case 'Figure':
      return [{ title: 'About', items: linkItems(d.about) }];
    default:
      return [];
  }
}

const optional = (title: string, items: DetailItem[]): DetailSection[] => (items.length ? [{ title, items }] : []);

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

export async function nodeDetail(id: string, kind: string): Promise<NodeDetail | null> {
  if (!DETAIL_FIELDS[kind]) {
    const summary = await nodeSummary(id);
    if (!summary || !DETAIL_FIELDS[summary.kind]) return null;
    kind = summary.kind;
  }
  const data = await gql<{ node: Raw | null }>(q(`${kind}Detail`), { id });
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
    sections: sectionsFor(kind, d),
  };
}
