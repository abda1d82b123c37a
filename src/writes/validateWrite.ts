import { GraphQLError } from 'graphql';
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../cypher';
import { checkFields, idProblems, missingRequired, OnRef, quoteProblem, show } from '../model/check';
import { FieldSpec, NODE_KINDS, NodeKindName, RELATIONSHIP_TYPES, RelationshipTypeName } from '../model/model';

/**
 * A write's input checked by the model's validator (src/model/check.ts, the importer's too): the same
 * fields, types, enumerations, dates, ids and quote rule as a data file. Problems are collected, then
 * reported together in one BAD_USER_INPUT, each with the field it concerns.
 */

export interface Problem {
  field?: string;
  message: string;
}

export interface EvidenceInput {
  sourceId: string;
  quote: string;
}

export class Problems {
  readonly items: Problem[] = [];
  add = (field: string | undefined, message: string) => {
    this.items.push({ field, message });
  };
  prefixed(prefix: string) {
    return (field: string | undefined, message: string) => this.add(field ? `${prefix}.${field}` : prefix, message);
  }
  throwIfAny(what: string): void {
    if (!this.items.length) return;
    const lines = this.items.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message));
    throw new GraphQLError(`${what} was refused, nothing was written: ${lines.join('; ')}`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'input', problems: this.items },
    });
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const NONE = new Set<string>();

/** A reference a value makes, to be checked against the database inside the write's transaction. */
export interface Reference {
  field: string;
  id: string;
  kinds: readonly NodeKindName[];
}

/** Checks fields given for a new fact (all required ones present) or a correction (`set`). */
export function checkGivenFields(
  spec: Record<string, FieldSpec>,
  given: unknown,
  what: string,
  problems: Problems,
  prefix: string,
): { fields: Record<string, unknown>; refs: Reference[] } {
  const refs: Reference[] = [];
  if (!isRecord(given)) {
    problems.add(prefix, `must be an object of fields, got ${show(given)}`);
    return { fields: {}, refs };
  }
  const onRef: OnRef = (field, id, f) => refs.push({ field: `${prefix}.${field}`, id, kinds: f.refKinds ?? [] });
  checkFields(spec, given, NONE, what, problems.prefixed(prefix), onRef);
  return { fields: given, refs };
}

export function checkRequired(spec: Record<string, FieldSpec>, fields: Record<string, unknown>, what: string, problems: Problems, prefix: string) {
  for (const field of missingRequired(spec, (f) => fields[f] !== undefined && fields[f] !== null)) {
    problems.add(`${prefix}.${field}`, `missing: required for ${what}`);
  }
}

export function checkUnset(spec: Record<string, FieldSpec>, unset: readonly string[], what: string, problems: Problems) {
  unset.forEach((field, i) => {
    if (!(field in spec)) problems.add(`unset[${i}]`, `unknown field for ${what} (its fields: ${Object.keys(spec).join(', ') || 'none'})`);
    else if (spec[field]!.required) problems.add(`unset[${i}]`, `${field} is required for ${what} and cannot be removed`);
  });
}

export function checkNewId(id: string, kind: NodeKindName, problems: Problems) {
  for (const message of idProblems(id, kind)) problems.add('id', message);
}

/** Every fact needs at least one quote; each must be a non-empty string naming a source. */
export function checkEvidenceShape(evidence: readonly EvidenceInput[], problems: Problems) {
  if (!evidence.length) problems.add('evidence', 'missing: every fact needs at least one exact quote from a source document');
  evidence.forEach((e, i) => {
    if (!e.quote.trim()) problems.add(`evidence[${i}].quote`, 'must be a non-empty string');
    if (!e.sourceId.startsWith(NODE_KINDS.Source.idPrefix)) problems.add(`evidence[${i}].sourceId`, `must be the id of a Source (src-…), got ${show(e.sourceId)}`);
  });
}

/** The quote rule against the sources' stored texts (`texts`: id → text, absent when no such source). */
/** How each quote of some evidence fared against its source's stored text (see cypher/source-quotes.cypher). */
export interface QuoteCheck {
  /** The quote's source exists and has a stored text. */
  hasText: boolean;
  found: boolean;
  /** The source's text, when the quote was not found in it (for the message). */
  text: string | null;
}

/** Each quote checked against its source's stored text, in the database; indexed like `evidence`. */
export async function checkedQuotes(tx: Pick<ManagedTransaction, 'run'>, evidence: readonly EvidenceInput[]): Promise<Map<number, QuoteCheck>> {
  if (!evidence.length) return new Map();
  const result = await tx.run(cypher('source-quotes'), { evidence: evidence.map((e) => ({ sourceId: e.sourceId, quote: e.quote })) });
  return new Map(result.records.map((r) => [Number(r.get('i')), { hasText: r.get('hasText') as boolean, found: r.get('found') as boolean, text: r.get('text') as string | null }]));
}

export function checkQuotes(evidence: readonly EvidenceInput[], checks: ReadonlyMap<number, QuoteCheck>, problems: Problems) {
  evidence.forEach((e, i) => {
    const check = checks.get(i);
    if (!e.quote.trim() || !check) {
      if (e.quote.trim()) problems.add(`evidence[${i}].sourceId`, `no source document with id ${show(e.sourceId)}`);
      return;
    }
    if (!check.hasText) {
      problems.add(`evidence[${i}].sourceId`, `${e.sourceId} has no stored text to check the quote against (add it with addSource)`);
      return;
    }
    const problem = check.found ? null : quoteProblem(Buffer.from(check.text ?? '', 'utf8'), e.quote, e.sourceId);
    if (problem) problems.add(`evidence[${i}].quote`, problem);
  });
}

export const nodeFields = (kind: NodeKindName) => NODE_KINDS[kind].fields;
export const relationshipFields = (type: RelationshipTypeName) => RELATIONSHIP_TYPES[type].fields;
