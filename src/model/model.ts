/**
 * The Accords data model, described once.
 *
 * The importer's validation, the database constraints (cypher/schema.cypher), the GraphQL enums and
 * docs/model.md all derive from this file; change a kind or a relationship here and regenerate
 * (`npm run model`), never restate it elsewhere.
 */

export type FieldType = 'string' | 'text' | 'strings' | 'number' | 'integer' | 'boolean' | 'date' | 'ref';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** Allowed values for a string field. */
  values?: readonly string[];
  /** For `ref` fields: the node kinds the referenced id may have. */
  refKinds?: readonly NodeKindName[];
  description: string;
}

export interface NodeKindSpec {
  description: string;
  /** The property that names the node in lists and search (`name` or `title`). */
  label: 'name' | 'title';
  /** Prefix every id of this kind starts with, e.g. `org-`. */
  idPrefix: string;
  fields: Record<string, FieldSpec>;
}

export interface RelationshipSpec {
  description: string;
  from: readonly NodeKindName[];
  to: readonly NodeKindName[];
  fields: Record<string, FieldSpec>;
}

export const NODE_KIND_NAMES = [
  'Organisation',
  'Person',
  'Agreement',
  'Programme',
  'Clause',
  'Commitment',
  'Place',
  'Event',
  'Source',
] as const;
export type NodeKindName = (typeof NODE_KIND_NAMES)[number];

const aliases: FieldSpec = { type: 'strings', description: 'Other names the sources use (spellings, acronyms, short forms).' };
const description: FieldSpec = { type: 'text', description: 'A short neutral description, from the sources only.' };
const date: FieldSpec = {
  type: 'date',
  description: 'Partial ISO date: `2008`, `2008-01` or `2008-01-29`; its precision is the number of parts given.',
};
const dateInferred: FieldSpec = {
  type: 'text',
  description: 'Set when the source gives no year (or no date): how the date was inferred from the context.',
};

export const NODE_KINDS: Record<NodeKindName, NodeKindSpec> = {
  Organisation: {
    description: 'A company, public body, local authority, association, school, media outlet, fund or club.',
    label: 'name',
    idPrefix: 'org-',
    fields: {
      name: { type: 'string', required: true, description: 'The name as the sources most often give it.' },
      aliases,
      type: {
        type: 'string',
        required: true,
        values: ['company', 'public_body', 'local_authority', 'association', 'school', 'media', 'fund', 'club', 'other'],
        description: 'What sort of organisation it is.',
      },
      description,
    },
  },
  Person: {
    description: 'A named person.',
    label: 'name',
    idPrefix: 'per-',
    fields: {
      name: { type: 'string', required: true, description: 'Full name in its usual spelling.' },
      aliases,
      description,
    },
  },
  Agreement: {
    description: 'A convention, partnership, protocol, charter or accord between two or more parties.',
    label: 'title',
    idPrefix: 'agr-',
    fields: {
      title: { type: 'string', required: true, description: 'A descriptive title (the sources rarely give one).' },
      aliases,
      type: {
        type: 'string',
        required: true,
        values: ['convention', 'partnership', 'protocol', 'charter', 'accord', 'twinning', 'other'],
        description: 'The kind of agreement, as the sources call it.',
      },
      date,
      dateInferred,
      duration: { type: 'string', description: 'Duration as stated, e.g. `2 years`.' },
      exclusive: { type: 'boolean', description: 'Whether the agreement is exclusive, when a source says so.' },
      confidential: { type: 'boolean', description: 'Whether the content is confidential, when a source says so.' },
      description,
    },
  },
  Programme: {
    description: 'A programme, project, scheme or strand of action set up by an agreement or an organisation.',
    label: 'name',
    idPrefix: 'prg-',
    fields: {
      name: { type: 'string', required: true, description: 'Name of the programme or a descriptive name.' },
      aliases,
      date: { ...date, description: 'When it started or was signed (partial ISO date).' },
      dateInferred,
      description,
    },
  },
  Clause: {
    description: 'A clause or article of an agreement, with its text where a source quotes it.',
    label: 'title',
    idPrefix: 'cla-',
    fields: {
      title: { type: 'string', required: true, description: 'E.g. `Article 3`, or a descriptive title.' },
      text: { type: 'text', description: 'The clause text exactly as quoted by a source.' },
      description,
    },
  },
  Commitment: {
    description: 'A quantified promise, objective or reported result.',
    label: 'title',
    idPrefix: 'com-',
    fields: {
      title: { type: 'string', required: true, description: 'A short statement of the promise or result.' },
      type: {
        type: 'string',
        required: true,
        values: ['promise', 'objective', 'result'],
        description: 'A promise made, an objective set, or a result reported.',
      },
      quantity: { type: 'number', description: 'The number promised or reported.' },
      unit: { type: 'string', description: 'What the quantity counts (people, start-ups, days …).' },
      period: { type: 'string', description: 'Over what period (per year, first year, 3 months …).' },
      beneficiaries: { type: 'string', description: 'Who benefits.' },
      description,
    },
  },
  Place: {
    description: 'A city, district, building or country.',
    label: 'name',
    idPrefix: 'plc-',
    fields: {
      name: { type: 'string', required: true, description: 'Name of the place.' },
      aliases,
      type: {
        type: 'string',
        values: ['city', 'district', 'building', 'region', 'country'],
        description: 'What sort of place.',
      },
    },
  },
  Event: {
    description: 'An event: a competition, a meeting, a launch.',
    label: 'name',
    idPrefix: 'evt-',
    fields: {
      name: { type: 'string', required: true, description: 'Name of the event.' },
      aliases,
      date,
      dateInferred,
      description,
    },
  },
  Source: {
    description: 'A source document of the corpus; every fact cites one or more.',
    label: 'title',
    idPrefix: 'src-',
    fields: {
      title: { type: 'string', required: true, description: 'The document title (its headline).' },
      type: {
        type: 'string',
        required: true,
        values: ['press_kit', 'statement', 'interview', 'news_article', 'press_release', 'other'],
        description: 'The kind of document.',
      },
      file: {
        type: 'string',
        description: 'File name of the document in the corpus (data files must give it; sources added through the API have none).',
      },
      date,
      dateInferred,
      publisher: { type: 'string', description: 'Who published it.' },
      author: { type: 'string', description: 'Who wrote it, when stated.' },
      url: { type: 'string', description: 'Where the document can be read.' },
      language: { type: 'string', description: 'Its language (BCP 47, e.g. `fr`).' },
      description,
    },
  },
};

const roleDate: FieldSpec = { ...date, description: 'When this was true or happened (partial ISO date).' };

export const RELATIONSHIP_TYPE_NAMES = [
  'PARTY_TO',
  'SIGNED',
  'HOLDS_ROLE',
  'PART_OF',
  'SUBSIDIARY_OF',
  'MEMBER_OF',
  'RUNS',
  'ESTABLISHES',
  'CONTAINS',
  'COMMITS_TO',
  'INCLUDES',
  'RENEWS',
  'LOCATED_IN',
  'TAKES_PART_IN',
  'AUTHORED',
] as const;
export type RelationshipTypeName = (typeof RELATIONSHIP_TYPE_NAMES)[number];

const actors = ['Organisation', 'Person'] as const;

export const RELATIONSHIP_TYPES: Record<RelationshipTypeName, RelationshipSpec> = {
  PARTY_TO: {
    description: 'An organisation is a party to an agreement.',
    from: ['Organisation'],
    to: ['Agreement'],
    fields: {
      role: { type: 'string', description: 'Its role in the agreement (partner, signatory party, beneficiary …).' },
    },
  },
  SIGNED: {
    description: 'A person signed an agreement, on behalf of an organisation.',
    from: ['Person'],
    to: ['Agreement'],
    fields: {
      onBehalfOf: { type: 'ref', refKinds: ['Organisation'], description: 'The organisation the person signed for.' },
      date: roleDate,
      dateInferred,
    },
  },
  HOLDS_ROLE: {
    description: 'A person holds a role (a title) in an organisation.',
    from: ['Person'],
    to: ['Organisation'],
    fields: {
      title: { type: 'string', required: true, description: 'The title as the source gives it.' },
      asOf: roleDate,
      dateInferred,
    },
  },
  PART_OF: {
    description: 'Something is a part, branch, offshoot or component of another of the same sort.',
    from: ['Organisation', 'Programme', 'Place', 'Event'],
    to: ['Organisation', 'Programme', 'Place', 'Event', 'Agreement'],
    fields: {},
  },
  SUBSIDIARY_OF: {
    description: 'An organisation is a subsidiary of another.',
    from: ['Organisation'],
    to: ['Organisation'],
    fields: {},
  },
  MEMBER_OF: {
    description: 'An organisation is a member of an association, club or grouping.',
    from: ['Organisation'],
    to: ['Organisation'],
    fields: {},
  },
  RUNS: {
    description: 'An organisation runs, organises or funds a programme or an event.',
    from: ['Organisation'],
    to: ['Programme', 'Event'],
    fields: {},
  },
  ESTABLISHES: {
    description: 'An agreement establishes, extends or frames a programme.',
    from: ['Agreement'],
    to: ['Programme', 'Event'],
    fields: {},
  },
  CONTAINS: {
    description: 'An agreement contains a clause.',
    from: ['Agreement'],
    to: ['Clause'],
    fields: {},
  },
  COMMITS_TO: {
    description: 'An organisation commits to (or is credited with) a commitment.',
    from: ['Organisation'],
    to: ['Commitment'],
    fields: {},
  },
  INCLUDES: {
    description: 'An agreement or programme includes a commitment.',
    from: ['Agreement', 'Programme'],
    to: ['Commitment'],
    fields: {},
  },
  RENEWS: {
    description: 'An agreement renews or follows an earlier one.',
    from: ['Agreement'],
    to: ['Agreement'],
    fields: {},
  },
  LOCATED_IN: {
    description: 'Something is located in, or takes place in, a place.',
    from: ['Organisation', 'Agreement', 'Programme', 'Event', 'Place'],
    to: ['Place'],
    fields: {},
  },
  TAKES_PART_IN: {
    description: 'An actor takes part in an event or programme.',
    from: actors,
    to: ['Event', 'Programme'],
    fields: {
      role: { type: 'string', description: 'In what capacity.' },
    },
  },
  AUTHORED: {
    description: 'A person wrote a source document.',
    from: ['Person'],
    to: ['Source'],
    fields: {},
  },
};
