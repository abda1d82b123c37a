import {
  FieldSpec,
  NODE_KINDS,
  NODE_KIND_NAMES,
  NodeKindName,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_NAMES,
} from './model';

/**
 * schema/model.graphql: the part of the API that only restates the model. Each kind's type with its own
 * fields, its `…Link`, the enums (`NodeKind`, `RelationshipType`, every field with fixed values) and the
 * `PathElement` union; schema/entities.graphql extends the kinds with the relationship fields resolvers serve.
 * A kind added to the model thus appears in the API without anyone restating it.
 */

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const quoted = (s: string) => JSON.stringify(s);

/** The GraphQL enum of a field with fixed values: `OrganisationType`, `FigureStatus` … */
export function enumName(kind: NodeKindName, field: string): string {
  return `${kind}${cap(field)}`;
}

/** The field a partial date's precision is served in: `datePrecision`, `asOfPrecision` … */
export function precisionField(field: string): string {
  return field === 'date' ? 'datePrecision' : `${field}Precision`;
}

function graphqlType(kind: NodeKindName, name: string, f: FieldSpec): string {
  const base = (() => {
    if (f.values) return enumName(kind, name);
    switch (f.type) {
      case 'string':
      case 'text':
        return 'String';
      case 'strings':
        return '[String!]';
      case 'number':
        return 'Float';
      case 'integer':
        return 'Int';
      case 'boolean':
        return 'Boolean';
      case 'date':
        return 'PartialDate';
      case 'ref':
        return 'ID';
    }
  })();
  // Lists are never null: a node without aliases has `[]`.
  return f.required || f.type === 'strings' ? `${base}!` : base;
}

function field(out: string[], description: string, definition: string): void {
  out.push(`  ${quoted(description)}`, `  ${definition}`);
}

export function renderModelSdl(): string {
  const out: string[] = [
    '# Generated from src/model/model.ts by `npm run model`: edit the model, not this file.',
    '# Relationship fields of each kind are added in schema/entities.graphql (`extend type`).',
    '',
    '"The kinds of node in the graph."',
    'enum NodeKind {',
  ];
  for (const kind of NODE_KIND_NAMES) out.push(`  ${quoted(NODE_KINDS[kind].description)}`, `  ${kind}`);
  out.push('}', '', '"The types of relationship between nodes."', 'enum RelationshipType {');
  for (const type of RELATIONSHIP_TYPE_NAMES) out.push(`  ${quoted(RELATIONSHIP_TYPES[type].description)}`, `  ${type}`);
  out.push('}', '');

  for (const kind of NODE_KIND_NAMES) {
    for (const [name, f] of Object.entries(NODE_KINDS[kind].fields)) {
      if (!f.values) continue;
      out.push(quoted(f.description), `enum ${enumName(kind, name)} {`);
      for (const [value, meaning] of Object.entries(f.values)) out.push(`  ${quoted(meaning)}`, `  ${value}`);
      out.push('}', '');
    }
  }

  for (const kind of NODE_KIND_NAMES) {
    const spec = NODE_KINDS[kind];
    out.push(quoted(`${spec.description} Ids start with \`${spec.idPrefix}\`.`), `type ${kind} implements Node & Entity {`);
    field(out, 'Stable id: kind prefix plus ASCII kebab-case, e.g. `org-ville-de-paris`.', 'id: ID!');
    field(out, "The node's kind.", 'kind: NodeKind!');
    field(out, 'Its name or title: what to call it in lists and graphs.', 'label: String!');
    for (const [name, f] of Object.entries(spec.fields)) {
      field(out, f.description, `${name}: ${graphqlType(kind, name, f)}`);
      if (f.type === 'date') field(out, `How precise \`${name}\` is.`, `${precisionField(name)}: DatePrecision`);
    }
    if (!('aliases' in spec.fields)) field(out, 'Other names the sources use for it (none for this kind).', 'aliases: [String!]!');
    field(out, 'How many relationships it has (of any type): large numbers mark hubs.', 'degree: Int!');
    field(
      out,
      'Where this is stated: each quote with its source document, in the order stored (a hub is quoted by every document naming it).',
      'evidence("At most this many (1 to 1000); all when omitted." first: Int): [Evidence!]!',
    );
    field(out, 'How many quotes state it in all, whatever `first` says of `evidence`.', 'evidenceTotal: Int!');
    field(
      out,
      'Its relationships of the given types and direction (all when omitted), each with its evidence.',
      'relationships(types: [RelationshipType!], direction: Direction = BOTH, first: Int = 50): [Relationship!]!',
    );
    field(
      out,
      'How many relationships of the given types and direction it has in all, whatever `first` says of `relationships`.',
      'relationshipsTotal(types: [RelationshipType!], direction: Direction = BOTH): Int!',
    );
    out.push('}', '');
  }

  for (const kind of NODE_KIND_NAMES) {
    out.push(quoted(`A linked ${kind}, with the relationship's type and evidence.`), `type ${kind}Link {`);
    field(out, 'The node at the other end of the relationship.', `node: ${kind}!`);
    field(out, "The relationship's type.", 'type: RelationshipType!');
    field(out, 'OUT when the relationship points from the node asked about to this one, IN otherwise.', 'direction: Direction!');
    field(out, 'The relationship itself, with both of its ends.', 'relationship: Relationship!');
    field(out, 'Where the relationship is stated: each quote with its source document.', 'evidence: [Evidence!]!');
    out.push('}', '');
  }

  out.push(
    '"Anything a path is made of: nodes and the relationships between them."',
    `union PathElement = ${[...NODE_KIND_NAMES, 'Relationship'].join(' | ')}`,
    '',
  );
  return out.join('\n');
}

/** Codegen's mappers for what the model defines: each kind is a node row, each `…Link` a link row. */
export function modelMappers(rows: string): Record<string, string> {
  const mappers: Record<string, string> = {};
  for (const kind of NODE_KIND_NAMES) {
    mappers[kind] = `${rows}#NodeRow`;
    mappers[`${kind}Link`] = `${rows}#LinkRow`;
  }
  return mappers;
}
