import { NODE_KINDS, RELATIONSHIP_TYPES, type FieldSpec } from '../model/model';
import { precisionProperty } from '../model/dates';

/**
 * The stored properties of nodes and relationships, with their Neo4j types, derived from the model: what
 * the CSV headers declare. Besides the model's fields, the importer stores `id`, a relationship's `key`, a
 * date's precision (`datePrecision`) and the evidence lists.
 */

export type StoredType = 'string' | 'string[]' | 'double' | 'long' | 'boolean';

export interface Column {
  name: string;
  type: StoredType;
}

function storedType(spec: FieldSpec): StoredType {
  switch (spec.type) {
    case 'strings':
      return 'string[]';
    case 'number':
      return 'double';
    case 'integer':
      return 'long';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

function columns(fieldSets: Array<Record<string, FieldSpec>>): Column[] {
  const out = new Map<string, Column>();
  for (const fields of fieldSets) {
    for (const [name, spec] of Object.entries(fields)) {
      if (!out.has(name)) out.set(name, { name, type: storedType(spec) });
      if (spec.type === 'date') out.set(precisionProperty(name), { name: precisionProperty(name), type: 'string' });
    }
  }
  return [...out.values()];
}

const EVIDENCE: Column[] = [
  { name: 'evidenceSources', type: 'string[]' },
  { name: 'evidenceQuotes', type: 'string[]' },
];

/** What writes add (src/writes/): a fact's version once the API made or changed it, a source's text and hash. */
const VERSION: Column = { name: 'version', type: 'long' };
const SOURCE_TEXT: Column[] = [
  { name: 'documentText', type: 'string' },
  { name: 'contentHash', type: 'string' },
];

export const NODE_COLUMNS: Column[] = [...columns(Object.values(NODE_KINDS).map((k) => k.fields)), ...EVIDENCE, VERSION, ...SOURCE_TEXT];
export const RELATIONSHIP_COLUMNS: Column[] = [
  { name: 'key', type: 'string' },
  ...columns(Object.values(RELATIONSHIP_TYPES).map((t) => t.fields)),
  ...EVIDENCE,
  VERSION,
];
