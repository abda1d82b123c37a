import {
  FieldSpec,
  NODE_KINDS,
  NODE_KIND_NAMES,
  NodeKindName,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_NAMES,
  RelationshipTypeName,
} from '../model/model';
import { a, checkFields as checkModelFields, containsQuote, idProblems, OnRef, quoteProblem, show, typeName, wrongKind } from '../model/check';
import { CorpusIndex, readableFingerprint } from './corpusIndex';
import { relationshipId, relationshipLabel } from '../model/identity';
import type { ProblemList } from './problems';
import type { SourceDocuments } from './sources';

/**
 * Checks one corpus file against the model (src/model/model.ts, read here, never restated) and records its
 * entities in the index, so that references and conflicts across files can be checked once all are read.
 */

export interface ValidationContext {
  index: CorpusIndex;
  sources: SourceDocuments;
  problems: ProblemList;
}

const TOP_LEVEL = ['source', 'nodes', 'relationships', 'notFacts'];
const NODE_RESERVED = new Set(['id', 'kind', 'evidence']);
const SOURCE_RESERVED = new Set(['id', 'evidence']);
const RELATIONSHIP_RESERVED = new Set(['type', 'from', 'to', 'key', 'evidence']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKind = (v: unknown): v is NodeKindName => typeof v === 'string' && (NODE_KIND_NAMES as readonly string[]).includes(v);
const isType = (v: unknown): v is RelationshipTypeName =>
  typeof v === 'string' && (RELATIONSHIP_TYPE_NAMES as readonly string[]).includes(v);

type Report = (entity: string | undefined, field: string | undefined, message: string) => void;

export function validateFile(file: string, doc: unknown, ctx: ValidationContext): void {
  const { index, sources } = ctx;
  const fileNo = index.addFile(file);
  const report: Report = (entity, field, message) => ctx.problems.add(file, entity, field, message);

  if (!isRecord(doc)) {
    report(undefined, undefined, 'must be a mapping with `source`, `nodes` and `relationships`');
    return;
  }
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL.includes(key)) report(undefined, key, `unknown top-level key (a file has ${TOP_LEVEL.join(', ')})`);
  }

  /** Ids described in this file: a second description of one id in one file is a mistake. */
  const idsHere = new Set<string>();
  let sourceId: string | undefined;
  let document: Buffer | null = null;
  let documentName = '';

  const checkEvidence = (entity: string, value: unknown) => {
    if (value === undefined || value === null) {
      report(entity, 'evidence', 'missing: every fact needs at least one exact quote from the source document');
      return;
    }
    if (!Array.isArray(value) || value.length === 0) {
      report(entity, 'evidence', `must be a non-empty list of quotes, got ${typeName(value)}${Array.isArray(value) ? ' (empty)' : ''}`);
      return;
    }
    value.forEach((quote, i) => {
      if (typeof quote !== 'string' || !quote.trim()) {
        report(entity, `evidence[${i}]`, `must be a non-empty string, got ${show(quote)}`);
        return;
      }
      index.quotes++;
      if (!document) return; // the missing document is reported once, on the source's `file`
      const problem = quoteProblem(document, quote, documentName);
      if (problem) report(entity, `evidence[${i}]`, problem);
    });
  };

  /** Checks an id: a string, ASCII kebab-case, with its kind's prefix, once per file. */
  const checkId = (value: unknown, kind: NodeKindName | undefined, where: string): string | undefined => {
    if (value === undefined || value === null) {
      report(where, 'id', 'missing');
      return undefined;
    }
    if (typeof value !== 'string') {
      report(where, 'id', `must be a string, got ${typeName(value)}`);
      return undefined;
    }
    const problems = idProblems(value, kind);
    for (const message of problems) report(value, 'id', message);
    const ok = problems.length === 0;
    if (idsHere.has(value)) {
      report(value, 'id', 'described twice in this file (describe each entity once per file)');
      return undefined;
    }
    idsHere.add(value);
    return ok ? value : undefined;
  };

  /** The model's field checks (src/model/check.ts), reported on this entity. */
  const checkFields = (
    entity: string,
    fields: Record<string, FieldSpec>,
    record: Record<string, unknown>,
    reserved: Set<string>,
    what: string,
    onRef: OnRef,
  ): Record<string, string> => checkModelFields(fields, record, reserved, what, (field, message) => report(entity, field, message), onRef);

  const noRefs = (field: string) => report(undefined, field, 'internal: unexpected reference field');

  const define = (id: string, kind: NodeKindName, props: Record<string, string>) => {
    const { kindConflict, conflicts } = index.defineEntity(id, kind, fileNo, props);
    if (kindConflict) {
      report(id, 'kind', `${kind} here, but ${kindConflict.earlier} in ${kindConflict.earlierFile} (one id, one kind)`);
    }
    for (const c of conflicts) {
      if (c.given === '(invalid)' || c.earlier === '(invalid)') continue;
      report(id, c.field, `${readableFingerprint(c.given)} here, but ${readableFingerprint(c.earlier)} in ${c.earlierFile} (one entity, one value)`);
    }
  };

  // --- the source document this file describes
  const source = doc.source;
  if (source === undefined || source === null) {
    report(undefined, 'source', 'missing: every file describes one source document (id, file, title, type, evidence)');
  } else if (!isRecord(source)) {
    report(undefined, 'source', `must be a mapping, got ${typeName(source)}`);
  } else {
    sourceId = checkId(source.id, 'Source', 'source');
    const entity = sourceId ?? 'source';
    // The model lets a source have no file (one added through the API holds its text); a data file's must.
    if (source.file === undefined || source.file === null) report(entity, 'file', 'missing: required for a Source, and no file describing it gives it');
    if (typeof source.file === 'string' && source.file) {
      documentName = source.file;
      document = sources.load(source.file);
      if (!document) report(entity, 'file', `${show(source.file)} is not a file in the sources folder ${sources.dir}`);
    }
    const props = checkFields(entity, NODE_KINDS.Source.fields, source, SOURCE_RESERVED, 'a Source', noRefs);
    checkEvidence(entity, source.evidence);
    if (sourceId) define(sourceId, 'Source', props);
  }

  // --- nodes
  const nodes = doc.nodes ?? [];
  if (!Array.isArray(nodes)) report(undefined, 'nodes', `must be a list, got ${typeName(nodes)}`);
  else {
    nodes.forEach((node, i) => {
      const where = `nodes[${i}]`;
      if (!isRecord(node)) {
        report(where, undefined, `must be a mapping, got ${typeName(node)}`);
        return;
      }
      index.nodeStatements++;
      const label = typeof node.id === 'string' ? node.id : where;
      let kind: NodeKindName | undefined;
      if (node.kind === undefined || node.kind === null) report(label, 'kind', `missing (one of ${NODE_KIND_NAMES.join(', ')})`);
      else if (!isKind(node.kind)) report(label, 'kind', `unknown kind ${show(node.kind)} (one of ${NODE_KIND_NAMES.join(', ')})`);
      else if (node.kind === 'Source') report(label, 'kind', "a Source is described by a file's `source:` block, not in `nodes`");
      else kind = node.kind;
      const id = checkId(node.id, kind, where);
      if (!kind) {
        checkEvidence(label, node.evidence);
        return;
      }
      const props = checkFields(label, NODE_KINDS[kind].fields, node, NODE_RESERVED, a(kind), noRefs);
      checkEvidence(label, node.evidence);
      if (id) define(id, kind, props);
    });
  }

  // --- relationships
  const relsHere = new Set<string>();
  const rels = doc.relationships ?? [];
  if (!Array.isArray(rels)) report(undefined, 'relationships', `must be a list, got ${typeName(rels)}`);
  else {
    rels.forEach((rel, i) => {
      const where = `relationships[${i}]`;
      if (!isRecord(rel)) {
        report(where, undefined, `must be a mapping, got ${typeName(rel)}`);
        return;
      }
      index.relationshipStatements++;
      const ends: Record<'from' | 'to', string | undefined> = { from: undefined, to: undefined };
      for (const end of ['from', 'to'] as const) {
        const v = rel[end];
        if (typeof v === 'string' && v) ends[end] = v;
      }
      let key = '';
      let keyOk = true;
      if (rel.key !== undefined && rel.key !== null) {
        if (typeof rel.key !== 'string' || !rel.key.trim() || /[|\n]/.test(rel.key)) keyOk = false;
        else key = rel.key;
      }
      const type = isType(rel.type) ? rel.type : undefined;
      const label =
        ends.from && ends.to && typeof rel.type === 'string' ? relationshipLabel(ends.from, rel.type, ends.to, key) : where;
      if (!keyOk) report(label, 'key', `must be a non-empty string without "|", got ${show(rel.key)}`);
      if (rel.type === undefined || rel.type === null) report(label, 'type', `missing (one of ${RELATIONSHIP_TYPE_NAMES.join(', ')})`);
      else if (!type) report(label, 'type', `unknown relationship type ${show(rel.type)} (one of ${RELATIONSHIP_TYPE_NAMES.join(', ')})`);
      for (const end of ['from', 'to'] as const) {
        const v = rel[end];
        if (v === undefined || v === null) report(label, end, 'missing: the id of an entity');
        else if (typeof v !== 'string' || !v) report(label, end, `must be the id of an entity, got ${typeName(v)} ${show(v)}`);
      }
      if (!type) {
        checkEvidence(label, rel.evidence);
        return;
      }
      const spec = RELATIONSHIP_TYPES[type];
      const refs: Array<{ field: string; id: string; kinds: readonly NodeKindName[]; role: string }> = [];
      const props = checkFields(label, spec.fields, rel, RELATIONSHIP_RESERVED, `a ${type} relationship`, (field, id, f) =>
        refs.push({ field, id, kinds: f.refKinds ?? NODE_KIND_NAMES, role: `${field} of ${type}` }),
      );
      checkEvidence(label, rel.evidence);
      if (ends.from) refs.push({ field: 'from', id: ends.from, kinds: spec.from, role: `start of ${type}` });
      if (ends.to) refs.push({ field: 'to', id: ends.to, kinds: spec.to, role: `end of ${type}` });
      for (const ref of refs) {
        const kind = index.kindOf(ref.id);
        if (kind === undefined) index.pending.push({ file: fileNo, entity: label, ...ref });
        else if (!ref.kinds.includes(kind)) report(label, ref.field, wrongKind(ref.id, kind, ref.kinds, ref.role));
      }
      if (!ends.from || !ends.to || !keyOk) return;
      const id = relationshipId(ends.from, type, ends.to, key);
      if (relsHere.has(id)) {
        report(label, 'key', 'this relationship is listed twice in this file (give each a distinct `key` if both are meant)');
        return;
      }
      relsHere.add(id);
      if (Object.keys(props).length === 0 && !Object.values(spec.fields).some((f) => f.required)) return;
      for (const c of index.defineRelationship(id, fileNo, props)) {
        if (c.given === '(invalid)' || c.earlier === '(invalid)') continue;
        report(label, c.field, `${readableFingerprint(c.given)} here, but ${readableFingerprint(c.earlier)} in ${c.earlierFile} (one relationship, one value)`);
      }
    });
  }

  // --- sentences of the document that state no fact, each with why (the coverage report, npm run coverage)
  const notFacts = doc.notFacts ?? [];
  if (!Array.isArray(notFacts)) report(undefined, 'notFacts', `must be a list, got ${typeName(notFacts)}`);
  else {
    notFacts.forEach((entry, i) => {
      const where = `notFacts[${i}]`;
      if (!isRecord(entry)) return report(where, undefined, `must be a mapping with text and reason, got ${typeName(entry)}`);
      for (const key of Object.keys(entry)) if (key !== 'text' && key !== 'reason') report(where, key, 'unknown field (a notFacts entry has text and reason)');
      if (typeof entry.reason !== 'string' || !entry.reason.trim()) report(where, 'reason', `must say in one line why it is not a fact, got ${show(entry.reason)}`);
      if (typeof entry.text !== 'string' || !entry.text.trim()) report(where, 'text', `must be the sentence as the document gives it, got ${show(entry.text)}`);
      else if (document && !containsQuote(document, entry.text)) report(where, 'text', `not found byte for byte in ${documentName}: ${show(entry.text)}`);
    });
  }
}

/**
 * Resolves the references that named an entity not yet seen when they were read: against the whole corpus,
 * then against what the database already holds (re-importing one file of a loaded corpus), else dangling.
 */
export async function resolvePendingReferences(
  ctx: ValidationContext,
  lookupKinds: (ids: string[]) => Promise<Map<string, string>>,
): Promise<void> {
  const { index, problems } = ctx;
  const unresolved = index.pending.filter((ref) => !index.kindOf(ref.id));
  const inDatabase = unresolved.length ? await lookupKinds([...new Set(unresolved.map((r) => r.id))]) : new Map<string, string>();
  for (const ref of index.pending) {
    const file = index.files[ref.file]!;
    const kind = index.kindOf(ref.id) ?? inDatabase.get(ref.id);
    if (kind === undefined) {
      problems.add(file, ref.entity, ref.field, `${ref.id} is not described in any file of the corpus nor in the database (dangling reference)`);
    } else if (!(ref.kinds as readonly string[]).includes(kind)) {
      problems.add(file, ref.entity, ref.field, wrongKind(ref.id, kind, ref.kinds, ref.role));
    }
  }
}

/**
 * Required fields, checked on each entity and relationship as all its files describe it together (one file
 * may give the name, another repeat only the evidence). Entities the database already holds were complete
 * when imported and are skipped.
 */
export function checkRequiredFields(ctx: ValidationContext, inDatabase: ReadonlySet<string>): void {
  const { index, problems } = ctx;
  for (const [id, entry] of index.entities) {
    if (inDatabase.has(id)) continue;
    for (const [field, spec] of Object.entries(NODE_KINDS[entry.kind].fields)) {
      if (spec.required && !(field in entry.props)) {
        problems.add(index.files[entry.file]!, id, field, `missing: required for ${a(entry.kind)}, and no file describing ${id} gives it`);
      }
    }
  }
  for (const { id, file, props } of index.relationshipEntries()) {
    const [from, type, to, key] = id.split('|') as [string, RelationshipTypeName, string, string | undefined];
    for (const [field, spec] of Object.entries(RELATIONSHIP_TYPES[type].fields)) {
      if (spec.required && !(field in props)) {
        problems.add(index.files[file]!, relationshipLabel(from, type, to, key), field, `missing: required for a ${type} relationship`);
      }
    }
  }
}
