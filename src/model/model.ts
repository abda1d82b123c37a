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
  /** Allowed values for a string field, each with what it means (the GraphQL enum's value descriptions). */
  values?: Readonly<Record<string, string>>;
  /** Whether lists filter on it (fields with fixed values always are): the database indexes it. */
  indexed?: boolean;
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
  /** Why it is a kind of its own rather than properties of another (docs/model.md prints it). */
  rationale?: string;
  /** How the explorer draws it: colour AND shape tell kinds apart (Okabe–Ito fills, readable in greyscale). */
  display: KindDisplay;
}

export interface KindDisplay {
  colour: string;
  /** A Cytoscape node shape. */
  shape: string;
  /** SVG points (in a 0..20 box) drawing the same shape in the legend and lists, or `circle`. */
  icon: string;
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
  'Statement',
  'Figure',
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
    display: { colour: '#0072B2', shape: 'round-rectangle', icon: '2,4 18,4 18,16 2,16' },
    description: 'A company, public body, local authority, association, school, media outlet, fund or club.',
    label: 'name',
    idPrefix: 'org-',
    fields: {
      name: { type: 'string', required: true, description: 'The name as the sources most often give it.' },
      aliases,
      type: {
        type: 'string',
        required: true,
        values: {
          company: 'A company.',
          public_body: 'A public body or institution.',
          local_authority: 'A city, an urban community or another local authority.',
          association: 'An association.',
          school: 'A school or university.',
          media: 'A media outlet.',
          fund: 'A fund or investor.',
          club: 'A club of members (e.g. of companies).',
          other: 'Any other sort.',
        },
        description: 'What sort of organisation it is.',
      },
      description,
    },
  },
  Person: {
    display: { colour: '#D55E00', shape: 'ellipse', icon: 'circle' },
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
    display: { colour: '#009E73', shape: 'diamond', icon: '10,1 19,10 10,19 1,10' },
    description: 'A convention, partnership, protocol, charter or accord between two or more parties.',
    label: 'title',
    idPrefix: 'agr-',
    fields: {
      title: { type: 'string', required: true, description: 'A descriptive title (the sources rarely give one).' },
      aliases,
      type: {
        type: 'string',
        required: true,
        values: {
          convention: 'A convention.',
          partnership: 'A partnership.',
          protocol: 'A protocol.',
          charter: 'A charter.',
          accord: 'An accord.',
          twinning: 'A twinning between cities.',
          other: 'Any other sort.',
        },
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
    display: { colour: '#CC79A7', shape: 'hexagon', icon: '5,2 15,2 19,10 15,18 5,18 1,10' },
    description: 'A programme, project, scheme or strand of action set up by an agreement or an organisation.',
    label: 'name',
    idPrefix: 'prg-',
    fields: {
      name: { type: 'string', required: true, description: 'Name of the programme or a descriptive name.' },
      aliases,
      type: {
        type: 'string',
        values: {
          programme: 'A programme or project.',
          action: 'One action or measure within a programme or a partnership.',
          training: 'A training scheme or course.',
          prize: 'A prize, sponsorship or competition award.',
          facility: 'A place it opens or equips (a centre, a space).',
          policy: 'A policy or line of conduct.',
          publication: 'A publication, white paper or case study.',
        },
        description: 'What sort of programme it is.',
      },
      date: { ...date, description: 'When it started or was signed (partial ISO date).' },
      dateInferred,
      targets: { type: 'text', description: 'Whom it is for, as stated.' },
      offers: { type: 'text', description: 'What it offers or does, as stated.' },
      duration: { type: 'string', description: 'How long it lasts or lasted, as stated (e.g. `20 days over 3 months`).' },
      description,
    },
  },
  Clause: {
    display: { colour: '#8C6D31', shape: 'rectangle', icon: '4,1 16,1 16,19 4,19' },
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
    display: { colour: '#E69F00', shape: 'triangle', icon: '10,1 19,18 1,18' },
    description: 'A quantified promise, objective or reported result.',
    label: 'title',
    idPrefix: 'com-',
    fields: {
      title: { type: 'string', required: true, description: 'A short statement of the promise or result.' },
      type: {
        type: 'string',
        required: true,
        values: { promise: 'A promise made.', objective: 'An objective set.', result: 'A result reported.' },
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
    display: { colour: '#56B4E9', shape: 'pentagon', icon: '10,1 19,8 15.5,19 4.5,19 1,8' },
    description: 'A city, district, building or country.',
    label: 'name',
    idPrefix: 'plc-',
    fields: {
      name: { type: 'string', required: true, description: 'Name of the place.' },
      aliases,
      type: {
        type: 'string',
        values: {
          city: 'A city.',
          district: 'A district or neighbourhood.',
          building: 'A building or site.',
          region: 'A region.',
          country: 'A country.',
        },
        description: 'What sort of place.',
      },
    },
  },
  Event: {
    display: { colour: '#F0E442', shape: 'star', icon: '10,1 12.4,7 19,7 13.7,11 15.6,18 10,14 4.4,18 6.3,11 1,7 7.6,7' },
    description: 'An event: a competition, a meeting, a launch.',
    label: 'name',
    idPrefix: 'evt-',
    fields: {
      name: { type: 'string', required: true, description: 'Name of the event.' },
      aliases,
      date,
      dateInferred,
      targets: { type: 'text', description: 'Whom it brings together or is for, as stated.' },
      description,
    },
  },
  Source: {
    display: { colour: '#999999', shape: 'rhomboid', icon: '5,3 19,3 15,17 1,17' },
    description: 'A source document of the corpus; every fact cites one or more.',
    label: 'title',
    idPrefix: 'src-',
    fields: {
      title: { type: 'string', required: true, description: 'The document title (its headline).' },
      type: {
        type: 'string',
        required: true,
        values: {
          press_kit: 'A press kit.',
          statement: 'A statement.',
          interview: 'An interview.',
          news_article: 'A news article.',
          press_release: 'A press release.',
          other: 'Any other sort.',
        },
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
  Statement: {
    display: { colour: '#000000', shape: 'tag', icon: '2,3 18,3 18,14 9,14 5,18 5,14 2,14' },
    description: 'Something a person or an organisation said or wrote, quoted word for word or reported by a source.',
    rationale:
      'A statement is a node, not a property of its speaker: one statement has a speaker (SAID), any number of ' +
      'subjects (ABOUT), its own date, medium and evidence, and is asked for from either end ("what did Marc ' +
      'Mossé say", "what was said about Microsoft").',
    label: 'title',
    idPrefix: 'stm-',
    fields: {
      title: { type: 'string', required: true, description: 'A short neutral summary of what was said.' },
      words: {
        type: 'text',
        required: true,
        description: 'The words exactly as the source gives them: the quotation, or the sentence reporting the speech.',
      },
      mode: {
        type: 'string',
        required: true,
        values: {
          quoted: 'Quoted word for word by the source (between quotation marks, or an interview answer).',
          reported: 'Reported in the source\'s own words (indirect speech).',
        },
        description: 'Whether the words are the speaker\'s own or the source\'s account of them.',
      },
      date: { ...date, description: 'When it was said or published (partial ISO date), when stated.' },
      dateInferred,
      medium: {
        type: 'string',
        description: 'Where it was said, as stated: an interview, a communiqué, a newspaper (e.g. `Le Parisien`).',
      },
    },
  },
  Figure: {
    display: { colour: '#0B3D91', shape: 'octagon', icon: '6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6' },
    description: 'A number a source states: a count, an amount, a share or a duration, with its unit and what it measures.',
    rationale:
      'A figure is a node, not a property of the relationship or entity it is about: one number may be about ' +
      'several nodes (105 000 members are about Peuplade and about Les Ingénieurs Sociaux), it has its own ' +
      'status, date and evidence, and as a node it can be listed, filtered by unit and status and summed across ' +
      'the graph (`figures(...)`), which a property scattered over relationships of many types could not. ' +
      'Commitments keep their quantity: the figure beside them gives the number its status and as-of date.',
    label: 'title',
    idPrefix: 'fig-',
    fields: {
      title: { type: 'string', required: true, description: 'What the number counts, in a few words.' },
      value: { type: 'number', required: true, description: 'The number as stated (a share in percent is 50 for 50 %).' },
      unit: {
        type: 'string',
        required: true,
        indexed: true,
        description: 'What one unit is, singular and in English (`person`, `start-up`, `percent`, `day`, `workstation`): equal units compare and sum.',
      },
      measures: { type: 'text', required: true, description: 'What the number measures, as the source puts it.' },
      status: {
        type: 'string',
        required: true,
        values: {
          TARGET: 'A target or promise: what is to be reached.',
          FACT: 'A fact or result the source states as reached.',
          ESTIMATE: 'An estimate or a rough number (about, some, on average).',
        },
        description: 'Whether the number is a target, a stated fact or an estimate.',
      },
      qualifier: {
        type: 'string',
        values: {
          exact: 'The number as given.',
          about: 'About this many (`environ`, `une centaine`).',
          more_than: 'More than this many (`plus de`).',
          less_than: 'Less than this many (`moins de`).',
          average: 'An average (`en moyenne`).',
        },
        description: 'How the source bounds the number, when it does.',
      },
      period: { type: 'string', description: 'Over what period, as stated (`per year`, `the first year` …).' },
      asOf: { ...date, description: 'When the number was true or stated (partial ISO date).' },
      dateInferred,
    },
  },
};

const roleDate: FieldSpec = { ...date, description: 'When this was true or happened (partial ISO date).' };

export const RELATIONSHIP_TYPE_NAMES = [
  'PARTY_TO',
  'SIGNED',
  'HOLDS_ROLE',
  'AFFILIATED_WITH',
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
  'SAID',
  'ABOUT',
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
  AFFILIATED_WITH: {
    description: 'A person belongs to an organisation in a capacity the sources do not state (« de la société »).',
    from: ['Person'],
    to: ['Organisation'],
    fields: {},
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
  SAID: {
    description: 'A person or an organisation said or wrote a statement.',
    from: actors,
    to: ['Statement'],
    fields: {},
  },
  ABOUT: {
    description: 'A statement or a figure is about an actor, agreement, programme, event, place or commitment.',
    from: ['Statement', 'Figure'],
    to: ['Organisation', 'Person', 'Agreement', 'Programme', 'Clause', 'Commitment', 'Place', 'Event'],
    fields: {},
  },
};
