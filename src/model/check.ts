import crypto from 'node:crypto';
import { partialDatePrecision } from './dates';
import { ID_PATTERN } from './identity';
import { FieldSpec, NODE_KINDS, NodeKindName } from './model';

/**
 * The model's checks on values, ids and quotes: the ONE validator that both the importer
 * (src/import/validate.ts, a file at a time) and the API's writes (src/writes/validateWrite.ts) call, so a
 * fact the API accepts is exactly one a data file could state, with the same messages.
 */

/** Receives one problem: the field (or `field[i]`) and what is wrong. */
export type FieldReport = (field: string | undefined, message: string) => void;
/** Receives each reference a value makes (a `ref` field), to be resolved by the caller. */
export type OnRef = (field: string, id: string, spec: FieldSpec) => void;

export const show = (v: unknown) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
};
/** "a Person", "an Organisation". */
export const a = (word: string) => `${/^[AEIOU]/i.test(word) ? 'an' : 'a'} ${word}`;
export const typeName = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;

/** Checks one value against its field's spec; reports and returns false when it is not valid. */
export function checkValue(name: string, spec: FieldSpec, value: unknown, report: FieldReport, onRef: OnRef): boolean {
  const wrong = (expected: string) => {
    report(name, `must be ${expected}, got ${typeName(value)} ${show(value)}`);
    return false;
  };
  switch (spec.type) {
    case 'string':
    case 'text':
      if (typeof value !== 'string') return wrong('a string');
      if (!value.trim()) {
        report(name, 'must not be empty');
        return false;
      }
      if (spec.values && !Object.hasOwn(spec.values, value)) {
        report(name, `${show(value)} is not one of ${Object.keys(spec.values).join(', ')}`);
        return false;
      }
      return true;
    case 'strings':
      if (!Array.isArray(value)) return wrong('a list of strings');
      for (const [i, item] of value.entries()) {
        if (typeof item !== 'string' || !item.trim()) {
          report(`${name}[${i}]`, `must be a non-empty string, got ${show(item)}`);
          return false;
        }
      }
      return true;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? true : wrong('a number');
    case 'integer':
      return Number.isSafeInteger(value) ? true : wrong('an integer');
    case 'boolean':
      return typeof value === 'boolean' ? true : wrong('true or false');
    case 'date':
      if (typeof value !== 'string') return wrong('a quoted partial date such as "2008", "2008-01" or "2008-01-29"');
      if (!partialDatePrecision(value)) {
        report(name, `${show(value)} is not a partial date: write "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real day)`);
        return false;
      }
      return true;
    case 'ref':
      if (typeof value !== 'string') return wrong('the id of an entity');
      onRef(name, value, spec);
      return true;
  }
}

/**
 * Checks a record's fields against the model: unknown fields, then each value given (required fields are
 * the caller's business: a file may leave one to another file). Returns the fingerprints of valid values.
 */
export function checkFields(
  fields: Record<string, FieldSpec>,
  record: Record<string, unknown>,
  reserved: ReadonlySet<string>,
  what: string,
  report: FieldReport,
  onRef: OnRef,
): Record<string, string> {
  const fingerprints: Record<string, string> = {};
  for (const key of Object.keys(record)) {
    if (reserved.has(key) || key in fields) continue;
    const known = Object.keys(fields).join(', ') || 'none';
    report(key, `unknown field for ${what} (its fields: ${known})`);
  }
  for (const [name, spec] of Object.entries(fields)) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    const valid = checkValue(name, spec, value, report, onRef);
    // Lists of names (aliases) are merged across files, so they never conflict.
    if (spec.type !== 'strings') fingerprints[name] = valid ? fingerprint(value) : '(invalid)';
  }
  return fingerprints;
}

/** Problems with an id's form: ASCII kebab-case with its kind's prefix. */
export function idProblems(id: string, kind: NodeKindName | undefined): string[] {
  const problems: string[] = [];
  if (!ID_PATTERN.test(id)) problems.push('must be a kind prefix plus ASCII kebab-case (lower-case letters, digits and single dashes)');
  if (kind && !id.startsWith(NODE_KINDS[kind].idPrefix)) problems.push(`${a(kind)} id must start with "${NODE_KINDS[kind].idPrefix}"`);
  return problems;
}

/** Folds the differences people cannot see, to hint why a quote that looks right is not found. */
const loosely = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The quote rule: the quote's UTF-8 bytes must occur in the document's bytes. Null when they do, else the
 * message (with a hint when only apostrophes, quotation marks or spaces differ).
 */
export function quoteProblem(document: Buffer, quote: string, documentName: string): string | null {
  if (containsQuote(document, quote)) return null;
  const hint = loosely(document.toString('utf8')).includes(loosely(quote))
    ? ' (it differs only in apostrophes, quotation marks or spaces: copy it from the document)'
    : '';
  return `quote not found byte for byte in ${documentName}: ${show(quote)}${hint}`;
}

/** The fields a required-field check finds missing on a record of this spec. */
export function missingRequired(fields: Record<string, FieldSpec>, has: (field: string) => boolean): string[] {
  return Object.entries(fields)
    .filter(([field, spec]) => spec.required && !has(field))
    .map(([field]) => field);
}

/** How a reference to a node of a kind the model does not allow there is told. */
export function wrongKind(id: string, kind: string, allowed: readonly string[], role: string): string {
  return `${id} is ${a(kind)}, but the model allows only ${allowed.join(' or ')} as ${role}`;
}

/** A property value reduced to a short comparable string; short values stay readable for messages. */
export function fingerprint(value: unknown): string {
  const json = JSON.stringify(value);
  return json.length <= 80 ? json : `#${crypto.createHash('sha1').update(json).digest('base64').slice(0, 20)}`;
}

/**
 * Whether a quote occurs in its source document, byte for byte: the quote's UTF-8 bytes must occur in the
 * file's bytes (no normalisation: `’` and `'` differ, as do composed and decomposed accents).
 */
export function containsQuote(document: Buffer, quote: string): boolean {
  return document.indexOf(Buffer.from(quote, 'utf8')) !== -1;
}
