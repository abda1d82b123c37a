import { NODE_KINDS, NODE_KIND_NAMES, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES, FieldSpec } from './model';
import { renderModelSdl } from './sdl';

const snake = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

/** The database schema derived from the model: applied at every start, idempotently. */
export function renderSchemaCypher(): string {
  const lines: string[] = [
    '// Generated from src/model/model.ts by `npm run model`: edit the model, not this file.',
    '// Applied at every start (src/db/schema.ts); every statement is idempotent (IF NOT EXISTS).',
    '',
    '// Every node carries :Entity besides its kind, so that node(id) is one index look-up whatever the kind.',
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;',
  ];
  for (const kind of NODE_KIND_NAMES) {
    lines.push(`CREATE CONSTRAINT ${snake(kind)}_id IF NOT EXISTS FOR (n:${kind}) REQUIRE n.id IS UNIQUE;`);
  }
  lines.push('', '// Look-ups and sorts the API makes.');
  for (const kind of NODE_KIND_NAMES) {
    const spec = NODE_KINDS[kind];
    lines.push(`CREATE RANGE INDEX ${snake(kind)}_${spec.label} IF NOT EXISTS FOR (n:${kind}) ON (n.${spec.label});`);
    // Fields with fixed values, and those marked indexed, are what lists filter on (type, status, unit …).
    for (const [name, f] of Object.entries(spec.fields)) {
      if (f.values || f.indexed) lines.push(`CREATE RANGE INDEX ${snake(kind)}_${name} IF NOT EXISTS FOR (n:${kind}) ON (n.${name});`);
    }
    // Dates are what the timeline and lists range over (date, asOf …).
    for (const [name, f] of Object.entries(spec.fields)) {
      if (f.type === 'date') lines.push(`CREATE RANGE INDEX ${snake(kind)}_${snake(name)} IF NOT EXISTS FOR (n:${kind}) ON (n.${name});`);
    }
  }
  lines.push(
    '',
    "// Signatures made on an organisation's behalf (Organisation.signatures): without it, every signature is read.",
    'CREATE RANGE INDEX signed_on_behalf IF NOT EXISTS FOR ()-[r:SIGNED]-() ON (r.onBehalfOf);',
    "// A hub's first signatures in date order without sorting them all (a composite index holds only the dated).",
    'CREATE RANGE INDEX signed_on_behalf_date IF NOT EXISTS FOR ()-[r:SIGNED]-() ON (r.onBehalfOf, r.date);',
    '',
    '// Writes through the API (src/auth/, src/writes/): tokens by the hash of their secret, documents by the',
    '// hash of their text, the change log by number and by fact, retracted facts by id, idempotency keys once.',
    'CREATE CONSTRAINT token_hash IF NOT EXISTS FOR (t:Token) REQUIRE t.hash IS UNIQUE;',
    'CREATE CONSTRAINT token_id IF NOT EXISTS FOR (t:Token) REQUIRE t.id IS UNIQUE;',
    'CREATE RANGE INDEX source_content_hash IF NOT EXISTS FOR (n:Source) ON (n.contentHash);',
    'CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;',
    'CREATE RANGE INDEX change_fact IF NOT EXISTS FOR (c:Change) ON (c.factId);',
    'CREATE CONSTRAINT change_idempotency IF NOT EXISTS FOR (c:Change) REQUIRE c.idempotencyKey IS UNIQUE;',
    'CREATE CONSTRAINT change_counter IF NOT EXISTS FOR (k:ChangeCounter) REQUIRE k.name IS UNIQUE;',
    'CREATE CONSTRAINT retracted_id IF NOT EXISTS FOR (r:Retracted) REQUIRE r.id IS UNIQUE;',
    'CREATE RANGE INDEX retracted_with IF NOT EXISTS FOR (r:Retracted) ON (r.cascadeOf);',
    '',
    '// Duplicates (src/merges/): judgements by id and by pair, merged ids by id, by canonical node and by judgement.',
    'CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (j:Judgement) REQUIRE j.id IS UNIQUE;',
    'CREATE RANGE INDEX judgement_pair IF NOT EXISTS FOR (j:Judgement) ON (j.pair, j.active);',
    'CREATE CONSTRAINT merged_id IF NOT EXISTS FOR (m:Merged) REQUIRE m.id IS UNIQUE;',
    'CREATE RANGE INDEX merged_into IF NOT EXISTS FOR (m:Merged) ON (m.into);',
    'CREATE CONSTRAINT merged_judgement IF NOT EXISTS FOR (m:Merged) REQUIRE m.judgement IS UNIQUE;',
    '',
    '// What each corpus file stated at its last import (src/import/ledger.ts), by its source: re-imports reconcile.',
    'CREATE CONSTRAINT imported_file IF NOT EXISTS FOR (f:ImportedFile) REQUIRE f.source IS UNIQUE;',
  );
  const searchable = NODE_KIND_NAMES.join('|');
  lines.push(
    '',
    '// Search over names, titles and aliases; standard-folding folds accents and case ("Delanoe" finds "Delanoë").',
    `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:${searchable}) ON EACH [n.name, n.title, n.aliases]`,
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};",
    '',
    '// The sentences of the source documents (src/corpus/passages.ts): passages(text) searches their words.',
    'CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (p:Passage) REQUIRE p.id IS UNIQUE;',
    'CREATE FULLTEXT INDEX passage_search IF NOT EXISTS FOR (p:Passage) ON EACH [p.text]',
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};",
    '',
  );
  return lines.join('\n');
}

function fieldRow(name: string, f: FieldSpec): string {
  const type = f.type === 'ref' ? `ref → ${(f.refKinds ?? []).join(', ')}` : f.type;
  const values = f.values ? ` (${Object.keys(f.values).map((v) => `\`${v}\``).join(', ')})` : '';
  return `| \`${name}\` | ${type}${values} | ${f.required ? 'yes' : ''} | ${f.description} |`;
}

/** docs/model.md: a diagram and a table per kind, all from the model. */
export function renderModelDoc(): string {
  const out: string[] = [
    '# The Accords data model',
    '',
    'Generated from `src/model/model.ts` by `npm run model`: edit the model, not this file.',
    '',
    'Every node and every relationship also carries its **evidence**: `evidenceSources` (ids of `Source`',
    'nodes) and `evidenceQuotes` (the exact quote from each source, same order). The importer refuses any',
    'fact without evidence, and any quote not found byte for byte in its source document.',
    'Every node has the label `Entity` besides its kind, and a stable `id` whose prefix names the kind.',
    '',
    'Besides the facts, the import stores each sentence of each source document as a `Passage` node (not an',
    '`Entity`: it states nothing by itself) with the ids of the facts whose evidence quotes it, for',
    '`passages(text)` (src/corpus/passages.ts). What follows from this file: the database schema',
    '(cypher/schema.cypher), the API\'s kinds, enums, `…Link` types and `PathElement` (schema/model.graphql),',
    'codegen\'s mappers, the importer\'s validation and the explorer\'s kinds (web/src/kinds.ts).',
    '',
    '```mermaid',
    'flowchart LR',
  ];
  for (const kind of NODE_KIND_NAMES) out.push(`  ${kind}([${kind}])`);
  for (const type of RELATIONSHIP_TYPE_NAMES) {
    const spec = RELATIONSHIP_TYPES[type];
    for (const from of spec.from) for (const to of spec.to) out.push(`  ${from} -- ${type} --> ${to}`);
  }
  out.push('```', '', '## Node kinds', '');
  for (const kind of NODE_KIND_NAMES) {
    const spec = NODE_KINDS[kind];
    out.push(`### ${kind}`, '', `${spec.description} Ids start with \`${spec.idPrefix}\`.`, '');
    if (spec.rationale) out.push(`*Why a kind:* ${spec.rationale}`, '');
    out.push('| field | type | required | meaning |', '| --- | --- | --- | --- |');
    for (const [name, f] of Object.entries(spec.fields)) out.push(fieldRow(name, f));
    out.push('');
  }
  out.push('## Relationships', '', '| type | from | to | fields | meaning |', '| --- | --- | --- | --- | --- |');
  for (const type of RELATIONSHIP_TYPE_NAMES) {
    const spec = RELATIONSHIP_TYPES[type];
    const fields = Object.entries(spec.fields)
      .map(([n, f]) => `\`${n}\`${f.required ? ' (required)' : ''}`)
      .join(', ');
    out.push(`| \`${type}\` | ${spec.from.join(', ')} | ${spec.to.join(', ')} | ${fields} | ${spec.description} |`);
  }
  out.push('');
  return out.join('\n');
}

/**
 * web/src/model.generated.ts: the kinds and how each is drawn, without the rest of the model, so the page
 * (and prefetch.js, which must stay a few KiB to win its race with app.js) ships only what it draws.
 */
export function renderWebKinds(): string {
  const display = Object.fromEntries(NODE_KIND_NAMES.map((k) => [k, NODE_KINDS[k].display]));
  const prefixes = Object.fromEntries(NODE_KIND_NAMES.map((k) => [k, NODE_KINDS[k].idPrefix]));
  return [
    '// Generated from src/model/model.ts by `npm run model`: edit the model, not this file.',
    '',
    `export const NODE_KIND_NAMES = ${JSON.stringify(NODE_KIND_NAMES)} as const;`,
    'export type NodeKindName = (typeof NODE_KIND_NAMES)[number];',
    '',
    'export interface KindDisplay {',
    '  colour: string;',
    '  shape: string;',
    '  icon: string;',
    '}',
    '',
    `export const KIND_DISPLAY: Record<NodeKindName, KindDisplay> = ${JSON.stringify(display, null, 2)};`,
    '',
    '/** Each kind\'s id prefix: the page knows a shared view\'s selected node\'s kind before any answer. */',
    `export const ID_PREFIXES: Record<NodeKindName, string> = ${JSON.stringify(prefixes, null, 2)};`,
    '',
  ].join('\n');
}

/** Every file derived from the model, by path from the project's root: `npm run model` writes them, a test compares. */
export const MODEL_ARTIFACTS: Record<string, () => string> = {
  'cypher/schema.cypher': renderSchemaCypher,
  'docs/model.md': renderModelDoc,
  'schema/model.graphql': renderModelSdl,
  'web/src/model.generated.ts': renderWebKinds,
};
