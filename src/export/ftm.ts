import type { ExportGraph, ExportNode, ExportRelationship, SourceInfo, Value } from './graph';
import { distinctSources, evidenceOf, str, type Evidence } from './evidence';

/**
 * FollowTheMoney entities as JSON lines (Aleph, OpenSanctions, `ftm` tools): one entity per node, and one per
 * relationship (two for a signature on someone's behalf: the signature, and the representation it implies).
 * Ids are the graph's own ids, so two exports of the same graph agree. Property names are FtM's (checked by
 * tests/export-ftm.test.ts against tests/fixtures/ftm/schema.json, derived from FtM's model); the mapping is
 * the README's table. Evidence: a node lists its source documents in `proof` (FtM Document entities) and its
 * quotes in `notes`; a relationship (an FtM Interval, which has neither) its quotes in `description`; both
 * name the documents' publishers in `publisher`. A quote is written `src-id: quote`.
 */

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

type Props = Record<string, string[]>;

/** Adds the values that are set, once each (FtM values are sets). */
function put(props: Props, name: string, ...values: Array<Value | undefined | null>): void {
  const flat = values.flatMap((v) => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]));
  if (!flat.length) return;
  const list = props[name] ?? (props[name] = []);
  for (const v of flat) {
    const s = String(v);
    if (!list.includes(s)) list.push(s);
  }
}

const quoteLine = (e: Evidence) => `${e.source}: ${e.quote}`;

function publishers(evidence: Evidence[], sources: Map<string, SourceInfo>): string[] {
  return distinctSources(evidence)
    .map((s) => sources.get(s)?.publisher)
    .filter((p): p is string => !!p);
}

const ORGANISATION_SCHEMA: Record<string, string> = {
  company: 'Company',
  public_body: 'PublicBody',
  local_authority: 'PublicBody',
};

/** The FtM schema of an Accords node (its kind, and for an organisation its sort). */
export function ftmSchemaOf(kind: string, type?: string): string {
  switch (kind) {
    case 'Organisation':
      return ORGANISATION_SCHEMA[type ?? ''] ?? 'Organization';
    case 'Person':
      return 'Person';
    case 'Agreement':
      return 'Contract';
    case 'Programme':
      return 'Project';
    case 'Clause':
    case 'Commitment':
    case 'Statement':
    case 'Figure':
      return 'Note';
    case 'Place':
      return 'Address';
    case 'Event':
      return 'Event';
    case 'Source':
      return 'Document';
    default:
      return 'Thing';
  }
}

export function ftmNode(node: ExportNode, sources: Map<string, SourceInfo>): FtmEntity {
  const p = node.props;
  const props: Props = {};
  const schema = ftmSchemaOf(node.kind, str(p.type));
  const notes: string[] = [];
  const inferred = str(p.dateInferred);
  switch (node.kind) {
    case 'Organisation':
      put(props, 'name', p.name);
      put(props, 'classification', p.type);
      break;
    case 'Person':
      put(props, 'name', p.name);
      break;
    case 'Agreement':
      put(props, 'name', p.title);
      put(props, 'title', p.title);
      put(props, 'classification', p.type);
      put(props, 'contractDate', p.date);
      if (p.duration !== undefined) notes.push(`duration: ${String(p.duration)}`);
      if (p.exclusive !== undefined) notes.push(`exclusive: ${p.exclusive ? 'yes' : 'no'}`);
      if (p.confidential !== undefined) notes.push(`confidential: ${p.confidential ? 'yes' : 'no'}`);
      break;
    case 'Programme':
      put(props, 'name', p.name);
      put(props, 'startDate', p.date);
      break;
    case 'Clause':
      // The clause's words are the note itself; a description of them, its summary.
      put(props, 'name', p.title);
      put(props, 'description', p.text);
      put(props, 'summary', p.description);
      break;
    case 'Commitment': {
      put(props, 'name', p.title);
      put(props, 'keywords', p.type);
      const parts = (['quantity', 'unit', 'period', 'beneficiaries'] as const)
        .filter((f) => p[f] !== undefined)
        .map((f) => `${f}: ${String(p[f])}`);
      if (parts.length) put(props, 'summary', parts.join('; '));
      break;
    }
    case 'Place':
      put(props, 'name', p.name);
      put(props, 'full', p.name);
      if (p.type === 'city') put(props, 'city', p.name);
      if (p.type === 'region') put(props, 'region', p.name);
      put(props, 'remarks', p.type);
      break;
    case 'Event':
      put(props, 'name', p.name);
      put(props, 'date', p.date);
      break;
    case 'Statement':
      // The words are the note; who said it and what about are the SAID and ABOUT links.
      put(props, 'name', p.title);
      put(props, 'description', p.words);
      put(props, 'keywords', p.mode);
      put(props, 'summary', p.medium === undefined ? undefined : `medium: ${String(p.medium)}`);
      if (p.date !== undefined) notes.push(`date: ${String(p.date)}`);
      break;
    case 'Figure': {
      // FtM has no number-with-unit entity: the figure is a Note whose summary carries value, unit and status.
      put(props, 'name', p.title);
      put(props, 'keywords', p.status, p.unit);
      const parts = (['value', 'unit', 'status', 'qualifier', 'asOf'] as const)
        .filter((f) => p[f] !== undefined)
        .map((f) => `${f}: ${String(p[f])}`);
      put(props, 'summary', parts.join('; '));
      notes.push(`measures: ${String(p.measures)}`);
      break;
    }
    case 'Source':
      put(props, 'name', p.title);
      put(props, 'title', p.title);
      put(props, 'fileName', p.file);
      put(props, 'date', p.date);
      put(props, 'author', p.author);
      put(props, 'keywords', p.type);
      break;
  }
  if (node.kind !== 'Clause' && node.kind !== 'Statement') put(props, 'description', p.description);
  if (node.kind !== 'Clause' && node.kind !== 'Commitment') put(props, 'alias', p.aliases);
  if (inferred) notes.push(`date inferred: ${inferred}`);
  const evidence = evidenceOf(p);
  put(props, 'proof', distinctSources(evidence));
  put(props, 'publisher', node.kind === 'Source' ? p.publisher : undefined, publishers(evidence, sources));
  put(props, 'notes', notes, evidence.map(quoteLine));
  return { id: node.id, schema, properties: props };
}

/** Titles that make a role a directorship rather than an employment (French and English). */
const DIRECTOR = /\b(pr[ée]sident|president|directeur|directrice|director|chair(man|woman)?|PDG|CEO|g[ée]rant|administrat(eur|rice))\b/i;

/** How each relationship type reads as an FtM role, when it becomes an UnknownLink. */
const PHRASE: Record<string, string> = {
  PARTY_TO: 'party to',
  SIGNED: 'signed',
  HOLDS_ROLE: 'holds a role in',
  PART_OF: 'part of',
  SUBSIDIARY_OF: 'subsidiary of',
  MEMBER_OF: 'member of',
  RUNS: 'runs',
  ESTABLISHES: 'establishes',
  CONTAINS: 'contains',
  COMMITS_TO: 'commits to',
  INCLUDES: 'includes',
  RENEWS: 'renews',
  LOCATED_IN: 'located in',
  TAKES_PART_IN: 'takes part in',
  AUTHORED: 'authored',
};

export function ftmRelationship(rel: ExportRelationship, sources: Map<string, SourceInfo>): FtmEntity[] {
  const p = rel.props;
  const props: Props = {};
  let schema = 'UnknownLink';
  const phrase = PHRASE[rel.type] ?? rel.type.toLowerCase();
  const link = () => {
    schema = 'UnknownLink';
    put(props, 'subject', rel.from);
    put(props, 'object', rel.to);
    put(props, 'role', p.role === undefined ? phrase : `${phrase}: ${String(p.role)}`);
  };
  switch (rel.type) {
    case 'HOLDS_ROLE':
      schema = DIRECTOR.test(String(p.title ?? '')) ? 'Directorship' : 'Employment';
      put(props, schema === 'Directorship' ? 'director' : 'employee', rel.from);
      put(props, schema === 'Directorship' ? 'organization' : 'employer', rel.to);
      put(props, 'role', p.title);
      put(props, 'date', p.asOf);
      break;
    case 'MEMBER_OF':
      schema = 'Membership';
      put(props, 'member', rel.from);
      put(props, 'organization', rel.to);
      put(props, 'role', 'member');
      break;
    case 'SUBSIDIARY_OF':
      // FtM owns only assets: a company can be owned, a public body or an association cannot.
      if (rel.fromType === 'company') {
        schema = 'Ownership';
        put(props, 'owner', rel.to);
        put(props, 'asset', rel.from);
        put(props, 'role', 'parent company');
      } else link();
      break;
    case 'RUNS':
    case 'TAKES_PART_IN':
      if (rel.toKind === 'Programme') {
        schema = 'ProjectParticipant';
        put(props, 'participant', rel.from);
        put(props, 'project', rel.to);
        put(props, 'role', p.role ?? phrase);
      } else link();
      break;
    default:
      link();
      put(props, 'date', p.date);
  }
  const inferred = str(p.dateInferred);
  if (inferred) put(props, 'summary', `date inferred: ${inferred}`);
  const evidence = evidenceOf(p);
  put(props, 'publisher', publishers(evidence, sources));
  put(props, 'description', evidence.map(quoteLine));
  const entities: FtmEntity[] = [{ id: rel.id, schema, properties: props }];
  if (rel.type === 'SIGNED' && p.onBehalfOf !== undefined) {
    // Signing for an organisation is acting on its behalf: FtM's Representation (agent → client).
    const rep: Props = {};
    put(rep, 'agent', rel.from);
    put(rep, 'client', p.onBehalfOf);
    put(rep, 'role', `signed ${rel.to}`);
    put(rep, 'date', p.date);
    put(rep, 'publisher', props.publisher);
    put(rep, 'description', props.description);
    entities.push({ id: `${rel.id}|onBehalfOf`, schema: 'Representation', properties: rep });
  }
  return entities;
}

export async function* writeFtm(graph: ExportGraph): AsyncIterable<string> {
  for await (const node of graph.nodes()) yield JSON.stringify(ftmNode(node, graph.sources)) + '\n';
  for await (const rel of graph.relationships()) {
    for (const entity of ftmRelationship(rel, graph.sources)) yield JSON.stringify(entity) + '\n';
  }
}
