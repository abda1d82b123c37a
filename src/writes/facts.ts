import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Principal } from '../auth/roles';
import { cypher } from '../cypher';
import type { Database } from '../db/database';
import { toNative } from '../db/values';
import { precisionProperty } from '../model/dates';
import { relationshipId, relationshipIdParts } from '../model/identity';
import { properties } from '../model/properties';
import { wrongKind } from '../model/check';
import { FieldSpec, NODE_KINDS, NodeKindName, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES, RelationshipTypeName } from '../model/model';
import { ChangeInput, ChangeRow, recordChanges } from './changeLog';
import {
  checkEvidenceShape,
  checkGivenFields,
  checkNewId,
  checkQuotes,
  checkedQuotes,
  checkRequired,
  checkUnset,
  EvidenceInput,
  Problems,
  Reference,
} from './validateWrite';

/**
 * Facts written through the API: create, correct, retract and restore nodes and relationships of any kind
 * and type of the model. Nothing here names a kind: the model says which fields each has, the shared
 * validator checks them, and the stored form (dates with their precision, evidence as two parallel lists)
 * is the importer's too (src/model/properties.ts). Each write is one transaction: lock the fact, check its version,
 * write it, log the change.
 */

type Props = Record<string, unknown>;

export interface EvidenceRef {
  sourceId: string;
  quote: string;
}

export interface FactRow {
  id: string;
  factType: 'NODE' | 'RELATIONSHIP';
  kind: string;
  from: string | null;
  to: string | null;
  fields: Props;
  evidence: EvidenceRef[];
  version: number;
  retracted: boolean;
  retractedReason: string | null;
}

export interface WriteRow {
  id: string;
  version: number;
  change: ChangeRow;
  fact: FactRow;
}

export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: 'CONFLICT', http: { status: 409 }, ...extra } });
const notFound = (id: string, extra = '') => new GraphQLError(`No node or relationship with id "${id}"${extra}`, { extensions: { code: 'NOT_FOUND', id } });

const specOf = (factType: FactRow['factType'], kind: string): Record<string, FieldSpec> =>
  factType === 'NODE' ? NODE_KINDS[kind as NodeKindName].fields : RELATIONSHIP_TYPES[kind as RelationshipTypeName].fields;

const versionOf = (props: Props) => (typeof props.version === 'number' ? props.version : 1);

/** The ends a relationship id names, or nulls for a node id (a relationship id holds `|`). */
export function endsOf(id: string): { from: string | null; to: string | null; type: string | null } {
  if (!id.includes('|')) return { from: null, to: null, type: null };
  const { fromId, type, toId } = relationshipIdParts(id);
  return { from: fromId, to: toId, type };
}

/** The API's view of stored properties: the model's fields, the evidence, the version. */
function factOf(id: string, factType: FactRow['factType'], kind: string, props: Props, retracted: { reason: string } | null = null): FactRow {
  const spec = specOf(factType, kind);
  const fields: Props = {};
  for (const name of Object.keys(spec)) if (props[name] !== undefined && props[name] !== null) fields[name] = props[name];
  const sources = (props.evidenceSources as string[] | undefined) ?? [];
  const quotes = (props.evidenceQuotes as string[] | undefined) ?? [];
  const ends = endsOf(id);
  return {
    id,
    factType,
    kind,
    from: ends.from,
    to: ends.to,
    fields,
    evidence: sources.map((sourceId, i) => ({ sourceId, quote: quotes[i] ?? '' })),
    version: versionOf(props),
    retracted: !!retracted,
    retractedReason: retracted?.reason ?? null,
  };
}

/** What the change log keeps of a fact: its fields, evidence and version. */
const logged = (f: FactRow) => ({ kind: f.kind, fields: f.fields, evidence: f.evidence, version: f.version, retracted: f.retracted });

/** Properties as stored: numbers back to Neo4j integers where the model (or the version) wants one. */
export function storable(props: Props, spec: Record<string, FieldSpec>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    out[k] = (k === 'version' || spec[k]?.type === 'integer') && typeof v === 'number' ? neo4j.int(v) : v;
  }
  return out;
}

/** Adds (source, quote) pairs not held yet, as the importer merges evidence. */
function withEvidence(props: Props, evidence: readonly EvidenceInput[]): Props {
  const sources = [...((props.evidenceSources as string[] | undefined) ?? [])];
  const quotes = [...((props.evidenceQuotes as string[] | undefined) ?? [])];
  const have = new Set(sources.map((s, i) => `${s} ${quotes[i]}`));
  for (const e of evidence) {
    if (have.has(`${e.sourceId} ${e.quote}`)) continue;
    have.add(`${e.sourceId} ${e.quote}`);
    sources.push(e.sourceId);
    quotes.push(e.quote);
  }
  return { ...props, evidenceSources: sources, evidenceQuotes: quotes };
}

/** Model fields in their stored form (dates gain their precision, lists deduplicated). */
function storedFields(spec: Record<string, FieldSpec>, fields: Props): Props {
  const { props, lists } = properties(spec, fields);
  return { ...props, ...lists };
}

type Tx = ManagedTransaction;
const one = async (tx: Tx, name: string, params: Props): Promise<Props | undefined> =>
  (await tx.run(cypher(name), params)).records.map((r) => toNative(r.toObject()) as Props)[0];

/** The stored texts of the sources evidence cites. */
/** A fact as stored now, live or retracted; null when nothing has that id. */
export async function readFact(db: Database | Tx, id: string): Promise<FactRow | null> {
  const { from, to } = endsOf(id);
  const row =
    'read' in db && typeof (db as Database).read === 'function'
      ? (await (db as Database).read<Props>(cypher('fact-read'), { id, from, to }))[0]
      : await one(db as Tx, 'fact-read', { id, from, to });
  if (!row) return null;
  if (row.node) return factOf(id, 'NODE', row.kind as string, row.node as Props);
  if (row.relationship) return factOf(id, 'RELATIONSHIP', row.type as string, row.relationship as Props);
  if (row.retracted) return retractedFact(row.retracted as Props);
  return null;
}

function retractedFact(record: Props): FactRow {
  const snapshot = JSON.parse(record.snapshot as string) as Props;
  return factOf(record.id as string, record.factType as FactRow['factType'], record.kind as string, snapshot, { reason: record.reason as string });
}

/** The author of a change, from the request's principal. */
export interface Author {
  principal: Principal;
  reason: string | null;
  idempotencyKey: string | null;
}

const change = (author: Author, action: ChangeInput['action'], factId: string, before: FactRow | null, after: FactRow | null): ChangeInput => ({
  actor: author.principal.id,
  actorName: author.principal.name,
  action,
  factId,
  before: before && logged(before),
  after: after && logged(after),
  reason: author.reason,
  idempotencyKey: author.idempotencyKey,
});

/** Checks references (ends, `ref` fields) against live nodes and the kinds the model allows there. */
function checkReferences(refs: readonly Reference[], kinds: ReadonlyMap<string, string | null>, problems: Problems, role: string) {
  for (const ref of refs) {
    const kind = kinds.get(ref.id);
    if (!kind) problems.add(ref.field, `${ref.id} is not a node of the graph (dangling reference)`);
    else if (!(ref.kinds as readonly string[]).includes(kind)) problems.add(ref.field, wrongKind(ref.id, kind, ref.kinds, `${ref.field} of ${role}`));
  }
}

/** An id for a new node, from its label: `org-` + the label in ASCII kebab-case, plus a random suffix. */
function newNodeId(kind: NodeKindName, fields: Props): string {
  const label = String(fields[NODE_KINDS[kind].label] ?? kind);
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${NODE_KINDS[kind].idPrefix}${slug || 'x'}-${crypto.randomBytes(3).toString('hex')}`;
}

export interface CreateNodeInput {
  kind: NodeKindName;
  id?: string | null;
  fields: unknown;
  evidence: EvidenceInput[];
}

export async function createNode(tx: Tx, input: CreateNodeInput, author: Author): Promise<{ fact: FactRow; changes: ChangeRow[] }> {
  const problems = new Problems();
  const what = `${/^[AEIOU]/.test(input.kind) ? 'an' : 'a'} ${input.kind}`;
  if (input.kind === 'Source') problems.add('kind', 'a Source is added with addSource, which stores its text');
  const spec = NODE_KINDS[input.kind].fields;
  const { fields, refs } = checkGivenFields(spec, input.fields, what, problems, 'fields');
  checkRequired(spec, fields, what, problems, 'fields');
  const id = input.id ?? newNodeId(input.kind, fields);
  checkNewId(id, input.kind, problems);
  checkEvidenceShape(input.evidence, problems);
  problems.throwIfAny('createNode');
  // The three checks are reads sent together: one round-trip instead of three (see `written`).
  const [quotes, ends, existing] = await Promise.all([
    checkedQuotes(tx, input.evidence),
    refs.length ? one(tx, 'fact-ends', { from: null, to: null, id, ids: refs.map((r) => r.id) }) : undefined,
    one(tx, 'fact-read', { id, from: null, to: null }),
  ]);
  checkQuotes(input.evidence, quotes, problems);
  if (ends) checkReferences(refs, new Map(ends.kinds as Array<[string, string | null]>), problems, input.kind);
  problems.throwIfAny('createNode');
  if (existing?.node) throw conflict(`A node with id "${id}" exists already: correct it with updateNode`, { id });
  if (existing?.retracted) throw conflict(`"${id}" was retracted: bring it back with restore`, { id });
  const props = withEvidence({ id, ...storedFields(spec, fields), version: 1 }, input.evidence);
  const fact = factOf(id, 'NODE', input.kind, props);
  return written(tx, tx.run(cypher('node-create'), { kind: input.kind, props: storable(props, spec) }), fact, [change(author, 'create', id, null, fact)]);
}

/**
 * The write's statement and its change-log entry, sent together (pipelined in one round-trip; the log's
 * counter is still the last lock taken). Should the write fail, the server ignores the log's statement and
 * the write's own error is the one answered.
 */
async function written(tx: Tx, write: Promise<unknown>, fact: FactRow, changes: ChangeInput[]): Promise<{ fact: FactRow; changes: ChangeRow[] }> {
  const [, logged] = await Promise.all([write, recordChanges(tx, changes)]);
  return { fact, changes: logged };
}

export interface CreateRelationshipInput {
  type: RelationshipTypeName;
  from: string;
  to: string;
  key?: string | null;
  fields?: unknown;
  evidence: EvidenceInput[];
}

export async function createRelationship(tx: Tx, input: CreateRelationshipInput, author: Author): Promise<{ fact: FactRow; changes: ChangeRow[] }> {
  const problems = new Problems();
  const what = `a ${input.type} relationship`;
  const spec = RELATIONSHIP_TYPES[input.type].fields;
  const { fields, refs } = checkGivenFields(spec, input.fields ?? {}, what, problems, 'fields');
  checkRequired(spec, fields, what, problems, 'fields');
  const key = input.key ?? '';
  if (input.key !== undefined && input.key !== null && (!input.key.trim() || /[|\n]/.test(input.key))) {
    problems.add('key', 'must be a non-empty string without "|"');
  }
  checkEvidenceShape(input.evidence, problems);
  problems.throwIfAny('createRelationship');
  const id = relationshipId(input.from, input.type, input.to, key);
  const allRefs: Reference[] = [
    { field: 'from', id: input.from, kinds: RELATIONSHIP_TYPES[input.type].from },
    { field: 'to', id: input.to, kinds: RELATIONSHIP_TYPES[input.type].to },
    ...refs,
  ];
  const [quotes, ends] = await Promise.all([
    checkedQuotes(tx, input.evidence),
    one(tx, 'fact-ends', { from: input.from, to: input.to, id, ids: allRefs.map((r) => r.id) }),
  ]);
  checkQuotes(input.evidence, quotes, problems);
  checkReferences(allRefs, new Map(ends!.kinds as Array<[string, string | null]>), problems, input.type);
  problems.throwIfAny('createRelationship');
  if (ends!.exists) throw conflict(`The relationship ${id} exists already: correct it with updateRelationship, or give a distinct key`, { id });
  if (ends!.retracted) throw conflict(`${id} was retracted: bring it back with restore`, { id });
  const props = withEvidence({ id, key, ...storedFields(spec, fields), version: 1 }, input.evidence);
  const fact = factOf(id, 'RELATIONSHIP', input.type, props);
  const create = tx.run(cypher('relationship-create'), { from: input.from, to: input.to, type: input.type, props: storable(props, spec) });
  return written(tx, create, fact, [change(author, 'create', id, null, fact)]);
}

export interface UpdateInput {
  id: string;
  version: number;
  set?: unknown;
  unset?: readonly string[] | null;
  evidence: EvidenceInput[];
}

/** Locks a live fact and checks the version the caller saw; NOT_FOUND, or CONFLICT when stale or retracted. */
async function lockCurrent(tx: Tx, id: string, version: number | null, factType?: FactRow['factType']) {
  const { from, to } = endsOf(id);
  const row = await one(tx, 'fact-lock', { id, from, to });
  const props = (row?.node ?? row?.relationship) as Props | null;
  if (!props || (factType && (factType === 'NODE') !== !!row?.node)) {
    if (row?.retracted) throw conflict(`"${id}" is retracted: restore it first`, { id });
    throw notFound(id, factType ? ` (a ${factType === 'NODE' ? 'node' : 'relationship'} was expected)` : '');
  }
  const current = row!.node ? factOf(id, 'NODE', row!.kind as string, props) : factOf(id, 'RELATIONSHIP', row!.type as string, props);
  if (version !== null && current.version !== version) {
    throw conflict(`"${id}" was changed since version ${version} (it is at version ${current.version}): read it again and redo the change`, {
      id,
      expectedVersion: version,
      currentVersion: current.version,
    });
  }
  return { current, props };
}

export async function updateFact(tx: Tx, factType: FactRow['factType'], input: UpdateInput, author: Author): Promise<{ fact: FactRow; changes: ChangeRow[] }> {
  const name = factType === 'NODE' ? 'updateNode' : 'updateRelationship';
  const { current, props } = await lockCurrent(tx, input.id, input.version, factType);
  const spec = specOf(factType, current.kind);
  const what = factType === 'NODE' ? `${/^[AEIOU]/.test(current.kind) ? 'an' : 'a'} ${current.kind}` : `a ${current.kind} relationship`;
  const problems = new Problems();
  const { fields, refs } = checkGivenFields(spec, input.set ?? {}, what, problems, 'set');
  const unset = input.unset ?? [];
  checkUnset(spec, unset, what, problems);
  checkEvidenceShape(input.evidence, problems);
  if (!Object.keys(fields).length && !unset.length) problems.add('set', 'nothing to change: give `set` or `unset`');
  problems.throwIfAny(name);
  const [quotes, ends] = await Promise.all([
    checkedQuotes(tx, input.evidence),
    refs.length ? one(tx, 'fact-ends', { from: null, to: null, id: input.id, ids: refs.map((r) => r.id) }) : undefined,
  ]);
  checkQuotes(input.evidence, quotes, problems);
  if (ends) checkReferences(refs, new Map(ends.kinds as Array<[string, string | null]>), problems, current.kind);
  problems.throwIfAny(name);
  const next: Props = { ...props };
  for (const field of [...Object.keys(fields), ...unset]) {
    delete next[field];
    delete next[precisionProperty(field)];
  }
  Object.assign(next, storedFields(spec, fields), { version: current.version + 1 });
  const stored = withEvidence(next, input.evidence);
  const { from, to } = endsOf(input.id);
  const fact = factOf(input.id, factType, current.kind, stored);
  const replace = tx.run(cypher(factType === 'NODE' ? 'node-replace' : 'relationship-replace'), { id: input.id, from, to, props: storable(stored, spec) });
  return written(tx, replace, fact, [change(author, 'update', input.id, current, fact)]);
}

/** Hides a fact (a node with its relationships), keeping each as a :Retracted record. */
export async function retract(tx: Tx, id: string, version: number | null, author: Author): Promise<{ fact: FactRow; changes: ChangeRow[] }> {
  const { current, props } = await lockCurrent(tx, id, version);
  if (current.factType === 'NODE' && current.kind === 'Source') {
    const cited = Number((await one(tx, 'source-cited', { id }))?.cited ?? 0);
    if (cited > 0) throw conflict(`${id} is the evidence of ${cited} fact${cited === 1 ? '' : 's'}: retract or correct them first`, { id, cited });
  }
  const records: Props[] = [];
  const changes: ChangeInput[] = [];
  const record = (factId: string, factType: FactRow['factType'], kind: string, p: Props, cascadeOf: string | null) => {
    const before = factOf(factId, factType, kind, p);
    const snapshot = { ...p, version: before.version + 1 };
    const after = factOf(factId, factType, kind, snapshot, { reason: author.reason ?? '' });
    const ends = endsOf(factId);
    records.push({ id: factId, factType, kind, from: ends.from, to: ends.to, snapshot: JSON.stringify(snapshot), reason: author.reason, by: author.principal.id, cascadeOf });
    changes.push(change(author, 'retract', factId, before, after));
    return after;
  };
  const fact = record(id, current.factType, current.kind, props, null);
  if (current.factType === 'NODE') {
    const row = await one(tx, 'retract-read', { id });
    for (const rel of (row?.relationships ?? []) as Array<{ type: string; props: Props }>) {
      record(rel.props.id as string, 'RELATIONSHIP', rel.type, rel.props, id);
    }
  }
  const ends = endsOf(id);
  await tx.run(cypher('retract-write'), {
    records,
    nodeId: current.factType === 'NODE' ? id : null,
    relationship: current.factType === 'RELATIONSHIP' ? { id, from: ends.from, to: ends.to } : { id: null, from: null, to: null },
  });
  return { fact, changes: await recordChanges(tx, changes) };
}

/** Brings a retracted fact back (a node with the relationships retracted with it whose other end is live). */
export async function restore(tx: Tx, id: string, author: Author): Promise<{ fact: FactRow; changes: ChangeRow[] }> {
  const row = await one(tx, 'restore-read', { id });
  if (!row) {
    const live = await one(tx, 'fact-read', { id, ...endsOf(id) });
    if (live?.node || live?.relationship) throw conflict(`"${id}" is not retracted`, { id });
    throw notFound(id);
  }
  const record = row.record as Props;
  const changes: ChangeInput[] = [];
  const back = (rec: Props) => {
    const before = retractedFact(rec);
    const snapshot = JSON.parse(rec.snapshot as string) as Props;
    const props = { ...snapshot, version: before.version + 1 };
    const after = factOf(rec.id as string, before.factType, before.kind, props);
    changes.push(change(author, 'restore', rec.id as string, before, after));
    return { after, props: storable(props, specOf(before.factType, before.kind)) };
  };
  const main = back(record);
  const relationships: Props[] = [];
  const restored = [id];
  if (record.factType === 'RELATIONSHIP') {
    const ends = await one(tx, 'fact-ends', { from: record.from, to: record.to, id, ids: [record.from, record.to] });
    const kinds = ends!.kinds as Array<[string, string | null]>;
    const missing = kinds.filter(([, k]) => !k).map(([i]) => i);
    if (missing.length) throw conflict(`${id} joins ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} retracted: restore ${missing.length > 1 ? 'them' : 'it'} first`, { id });
    relationships.push({ id, type: record.kind, from: record.from, to: record.to, props: main.props });
  } else {
    for (const rel of (row.cascaded ?? []) as Props[]) {
      if (!rel.endsLive) continue;
      relationships.push({ id: rel.id, type: rel.kind, from: rel.from, to: rel.to, props: back(rel).props });
      restored.push(rel.id as string);
    }
  }
  if (!(RELATIONSHIP_TYPE_NAMES as readonly string[]).includes(String(record.kind)) && record.factType === 'RELATIONSHIP') {
    throw new Error(`not a relationship type of the model: ${String(record.kind)}`);
  }
  await tx.run(cypher('restore-write'), {
    node: record.factType === 'NODE' ? { kind: record.kind, props: main.props } : null,
    relationships,
    restored,
  });
  return { fact: main.after, changes: await recordChanges(tx, changes) };
}
