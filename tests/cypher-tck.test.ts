import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, GraphQLObjectType } from 'graphql';
import { ROOT } from '../src/config';
import {
  askedNodeProjection,
  buildListQuery,
  cypher,
  evidenceProjection,
  hubPage,
  importRelationshipsQuery,
  isStatic,
  LIST_KINDS,
  linkList,
  linksQuery,
  listOptions,
  lookUpQuery,
  neighbourhoodQuery,
  nodeList,
  nodeMap,
  nodesQuery,
  passagesQuery,
  pathsAllQuery,
  relationshipList,
  relationshipMap,
  relationshipTypeProperties,
  Scope,
  signaturesQuery,
  template,
  totalSpec,
  totalsQuery,
  type AskedFields,
  type Expansion,
  type LookUpShape,
  type TotalShape,
} from '../src/cypher';
import { Database } from '../src/db/database';
import { NODE_KIND_NAMES, NODE_KINDS, RELATIONSHIP_TYPE_NAMES, type NodeKindName, type RelationshipTypeName } from '../src/model/model';
import { resolvers } from '../src/graphql/resolvers';
import type { LinkFieldSpec } from '../src/graphql/resolvers/entity';

import { detailVariables, QUERIES } from '../web/src/queries';
import { startTestServer, TestServer } from './support/server';
import { testDatabase } from './support/db';

/**
 * The Cypher Accords writes, pinned in the style of @neo4j/graphql's TCK: for each example operation (and the
 * explorer's details operations) the query texts and parameters the server sends to Neo4j, and for each
 * builder of src/cypher the text it writes. A change to a generated query shows
 * here as a snapshot diff to review (`npx jest tests/cypher-tck.test.ts -u` accepts it). The sweep at the end
 * has Neo4j EXPLAIN every query the store can write for the model, so a text that does not parse or plan
 * fails here rather than on the first request that happens to build it.
 */

/** A list projection as the snapshots pin it: its text and its keys (its reader is checked against the database). */
const layout = (p: { text: string; keys: readonly string[] }) => ({ text: p.text, keys: p.keys });

/** The statements the server sent while `work` ran: the real queries, run against the real database. */
async function recorded(work: () => Promise<unknown>): Promise<Array<{ cypher: string; params: Record<string, unknown> }>> {
  const sent: Array<{ cypher: string; params: Record<string, unknown> }> = [];
  const read = Database.prototype.read;
  Database.prototype.read = function (this: Database, query: string, params: Record<string, unknown> = {}) {
    sent.push({ cypher: query, params });
    return read.call(this, query, params);
  } as typeof read;
  try {
    await work();
  } finally {
    Database.prototype.read = read;
  }
  // Batches of one level may reach the driver in either order: sort for a stable snapshot.
  return sent
    .map(({ cypher, params }) => ({ cypher, params: stable(params) }))
    .sort((a, b) => (a.cypher + JSON.stringify(a.params) < b.cypher + JSON.stringify(b.params) ? -1 : 1));
}

/**
 * Parameters as the snapshot pins them: the request's own values as they are, lists of ids sorted, and lists of
 * rows read from the database (a hub's first level, as the database gives it) by their shape only: other test
 * files write to the same database meanwhile, and a capped hub's picks are the database's order.
 */
function stable(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      if (!Array.isArray(v)) return [k, v];
      if (v.every((x) => typeof x === 'string')) return [k, [...v].sort()];
      return [k, v.length > 0 && typeof v[0] === 'object' ? `[rows with ${Object.keys(v[0] as object).sort().join(', ')}]` : v];
    }),
  );
}

describe('the Cypher of each example operation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  // The path search is pinned by its own tests (tests/api-path-search.test.ts): its parameters are the search's
  // frontiers, which depend on the degrees of nodes other test files write to meanwhile.
  const examples = fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.graphql') && !/\b(paths|pathSearch)\(/.test(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8')))
    .sort();

  it.each(examples)('%s', async (file) => {
    const query = fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8');
    let errors: unknown;
    const statements = await recorded(async () => {
      errors = (await server.gql(query)).errors;
    });
    expect(errors).toBeUndefined();
    expect(statements.length).toBeGreaterThan(0);
    expect(statements).toMatchSnapshot();
  });

  // The explorer's own operations, as web/src/queries.ts sends them, on the corpus' biggest hub and its neighbours.
  const explorer: Array<[string, Record<string, unknown>]> = [
    ['OrganisationDetail', detailVariables('org-microsoft', 'Organisation')],
    ['PersonDetail', detailVariables('per-martin-malvy', 'Person')],
    ['AgreementDetail', detailVariables('agr-apvf-microsoft-2007', 'Agreement')],
    ['Neighbourhood', { id: 'org-microsoft', perNode: 25, limit: 26 }],
  ];
  it.each(explorer)("the explorer's %s", async (name, variables) => {
    let errors: unknown;
    const statements = await recorded(async () => {
      errors = (await server.gql(QUERIES[name]!, variables)).errors;
    });
    expect(errors).toBeUndefined();
    expect(statements).toMatchSnapshot();
  });
});

describe('the Cypher of each builder', () => {
  it('nodeList, relationshipList, linkList and evidenceProjection', () => {
    expect(nodeList('m', ['id', 'name', 'label', 'degree']).text).toMatchSnapshot();
    expect(layout(nodeList('m', ['id', 'title', 'date'], null, 'Agreement'))).toMatchSnapshot();
    expect(layout(relationshipList('r', ['id', 'role', 'date']))).toMatchSnapshot();
    expect(linkList('r', 'm', ['SIGNED'], { kind: 'Agreement', properties: ['title'], degree: false }, { kind: 'Organisation', properties: ['name'], degree: false })).toMatchSnapshot();
    expect(evidenceProjection(Scope.of('n'), 'n', ['id', 'title'])).toMatchSnapshot();
  });

  it('a filtered list, an unfiltered one, a text search in a list', () => {
    const base = { skip: 0, first: 20, textQuery: null };
    expect(buildListQuery({ ...base, kind: 'Agreement', filter: { type: ['convention'], dateFrom: '2000', dateTo: '2003' }, order: 'DATE_DESC' })).toMatchSnapshot();
    expect(buildListQuery({ ...base, kind: 'Organisation', filter: {}, order: 'AGREEMENTS_DESC' })).toMatchSnapshot();
    expect(buildListQuery({ ...base, kind: 'Person', filter: { text: 'malvy' }, textQuery: 'malvy~', order: 'NAME_ASC' })).toMatchSnapshot();
  });

  it('links of a batch, a neighbourhood, a look-up compiled for its shape, nodes by id', () => {
    expect(linksQuery(['PARTY_TO>', 'SIGNED<'])).toMatchSnapshot();
    const hood = (name: 'neighbourhood-start' | 'neighbourhood-level', asked: AskedFields) => {
      const q = neighbourhoodQuery(name, ['PARTY_TO', 'SIGNED'], false, asked);
      return { text: q.text, nodeKeys: q.node.keys };
    };
    expect(hood('neighbourhood-start', { node: ['id', 'label'], relationship: ['id'] })).toMatchSnapshot();
    expect(hood('neighbourhood-level', { node: ['id', 'label'], relationship: ['id'] })).toMatchSnapshot();
    // As the explorer asks it: each edge's quotes with their sources, and the organisation a signature names.
    expect(hood('neighbourhood-start', { node: ['id', 'label'], relationship: ['id', 'onBehalfOf'], evidenceSource: ['id', 'title'], behalf: ['id', 'label'] })).toMatchSnapshot();
    const parties: LookUpShape = {
      expansions: ['PARTY_TO<'],
      children: [],
      node: { kind: 'Organisation', properties: ['id', 'name'], degree: false },
      behalf: false,
      kinds: false,
      first: true,
    };
    const { text, node, links, sourceKeys } = lookUpQuery([{ ...parties, expansions: ['PARTY_TO>'], node: { kind: 'Agreement', properties: ['title'], degree: false }, children: [parties] }], { properties: ['id', 'name'], degree: false, evidenceSource: ['id', 'title'] });
    expect({ text, node, links, sourceKeys }).toMatchSnapshot();
    const nodes = nodesQuery({ properties: ['id', 'title'], degree: true, evidenceSource: ['title'] });
    expect({ text: nodes.text, layout: nodes.layout }).toMatchSnapshot();
  });

  it('nodes by id as a map, and with a page of their evidence and its total', () => {
    expect(nodesQuery(null).text).toMatchSnapshot();
    const paged = askedNodeProjection('n', { properties: ['id', 'name'], degree: false, evidenceSource: ['id', 'title'], evidenceFirst: 10, evidenceTotal: true });
    expect({ node: paged.node, evidence: paged.evidence, layout: paged.layout }).toMatchSnapshot();
  });

  it('the totals of one field, and of several fields in one batch', () => {
    const fields: TotalShape[] = [
      { types: ['PARTY_TO'], direction: 'OUT' },
      { types: ['SIGNED', 'HOLDS_ROLE'], direction: 'IN', kinds: ['Person'] },
      { types: ['SUBSIDIARY_OF'], direction: 'BOTH' },
    ];
    expect(totalsQuery([totalSpec(fields[0]!)])).toMatchSnapshot();
    expect(totalsQuery(fields.map(totalSpec).sort())).toMatchSnapshot();
  });

  it("signatures on an organisation's behalf, passages, longer paths, an import batch of one type", () => {
    expect(signaturesQuery(false)).toMatchSnapshot();
    expect(signaturesQuery(true)).toMatchSnapshot();
    expect(layout(passagesQuery(['id', 'title']).source)).toMatchSnapshot();
    expect(passagesQuery(['id', 'title']).text).toMatchSnapshot();
    expect(pathsAllQuery(4, 10)).toMatchSnapshot();
    expect(importRelationshipsQuery('SIGNED')).toMatchSnapshot();
  });

  it('writes only the model\'s names and checked integers into a text', () => {
    expect(() => pathsAllQuery(0, 10)).toThrow(RangeError);
    expect(() => pathsAllQuery(4, 101)).toThrow(RangeError);
    expect(() => pathsAllQuery(4.5, 10)).toThrow(RangeError);
    expect(() => importRelationshipsQuery('SIGNED]->() DETACH DELETE r //' as RelationshipTypeName)).toThrow(/relationship type/);
    expect(() => linksQuery(['KNOWS>' as Expansion])).toThrow(/relationship type/);
    expect(() => neighbourhoodQuery('neighbourhood-start', ['signed' as RelationshipTypeName], false, { node: ['id'], relationship: ['id'] })).toThrow(/relationship type/);
    expect(() => totalsQuery([totalSpec({ types: ['PARTY_TO`' as RelationshipTypeName], direction: 'OUT' })])).toThrow(/relationship type/);
    expect(() => buildListQuery({ kind: 'Source' as 'Person', filter: {}, order: 'NAME_ASC', textQuery: null, skip: 0, first: 1 })).toThrow(/No list/);
    expect(() => buildListQuery({ kind: 'Person', filter: {}, order: 'constructor', textQuery: null, skip: 0, first: 1 })).toThrow(/No order/);
    expect(() => buildListQuery({ kind: 'Person', filter: { toString: 'x' }, order: 'NAME_ASC', textQuery: null, skip: 0, first: 1 })).toThrow(/No filter/);
  });

  it('fills every placeholder of a file in one pass, and refuses a file with one nothing fills', () => {
    expect(() => template('links')).toThrow(/nothing fills \{\{expansions\}\}/);
    expect(() => cypher('list')).toThrow(/nothing fills \{\{match\}\}/);
    expect(isStatic('search')).toBe(true);
    expect(isStatic('neighbourhood-start')).toBe(false);
    expect(cypher('search')).not.toContain('{{');
    expect(cypher('search')).toContain(nodeMap('n'));
  });
});

describe('variables that cannot collide', () => {
  it('gives each fragment a name no variable around it holds', () => {
    const scope = Scope.of('n', 'r');
    expect([scope.fresh('m'), scope.fresh('n'), scope.fresh('n'), scope.fresh('r')]).toEqual(['m', 'n2', 'n3', 'r2']);
    const inner = scope.inner();
    expect(inner.fresh('m')).toBe('m2');
    // Names taken inside a subquery stay there: a sibling subquery may take them again.
    expect(inner.fresh('x')).toBe('x');
    expect(scope.inner().fresh('x')).toBe('x');
    expect(() => scope.fresh('n) DETACH DELETE (n')).toThrow(/variable name/);
  });

  it("writes an evidence subquery whose variables never shadow the fact's own", () => {
    const text = evidenceProjection(Scope.of('evidenceIndex'), 'evidenceIndex', ['title']);
    expect(text).toContain('AS evidenceIndex2 ');
    expect(text).toContain('coalesce(evidenceIndex.evidenceQuotes');
    expect(text).toContain('OPTIONAL MATCH (evidenceSource:Source {id: evidenceIndex.evidenceSources[evidenceIndex2]})');
  });
});

/** Every relationship field of the model's kinds, as declared on its resolver (resolvers/entity.ts). */
function linkFields(): Array<{ kind: NodeKindName; field: string; spec: LinkFieldSpec; farKind: NodeKindName | null }> {
  const sdl = fs
    .readdirSync(path.join(ROOT, 'schema'))
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => fs.readFileSync(path.join(ROOT, 'schema', f), 'utf8'))
    .join('\n');
  const schema = buildSchema(sdl);
  const out: Array<{ kind: NodeKindName; field: string; spec: LinkFieldSpec; farKind: NodeKindName | null }> = [];
  for (const kind of NODE_KIND_NAMES) {
    const fields = (resolvers as unknown as Record<string, Record<string, { extensions?: { links?: LinkFieldSpec } }>>)[kind] ?? {};
    const type = schema.getType(kind) as GraphQLObjectType;
    for (const [field, def] of Object.entries(fields)) {
      const spec = def?.extensions?.links;
      if (!spec) continue;
      const item = getNamedType(type.getFields()[field]!.type) as GraphQLObjectType;
      const far = getNamedType(item.getFields()[spec.farEnd]!.type).name;
      out.push({ kind, field, spec, farKind: NODE_KIND_NAMES.find((k) => k === far) ?? null });
    }
  }
  return out;
}

const expansionsOf = (spec: LinkFieldSpec): Expansion[] => spec.types.map((t) => `${t}${spec.direction === 'OUT' ? '>' : '<'}` as Expansion);

describe('every query the store can write for the model plans in Neo4j (EXPLAIN)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  /** Every text, named: the static files, then each builder over the model's kinds, types, filters and orders. */
  function everyQuery(): Array<[string, string]> {
    const texts: Array<[string, string]> = [];
    for (const file of fs.readdirSync(path.join(ROOT, 'cypher')).sort()) {
      const name = file.replace(/\.cypher$/, '');
      // schema.cypher is DDL (applied at start by every test run); paths-* belong to the path search's builder.
      if (name === 'schema' || !isStatic(name)) continue;
      texts.push([`cypher/${file}`, cypher(name)]);
    }
    for (const kind of LIST_KINDS) {
      const { filters, orders } = listOptions(kind);
      const value = (f: string) => (f === 'type' ? ['x'] : 'x');
      for (const order of orders) {
        texts.push([`list ${kind} ${order}`, buildListQuery({ kind, filter: {}, order, textQuery: null, skip: 0, first: 1 }).text]);
      }
      texts.push([`list ${kind} text`, buildListQuery({ kind, filter: {}, order: orders[0]!, textQuery: 'x', skip: 0, first: 1 }).text]);
      for (const f of filters) {
        texts.push([`list ${kind} ${f}`, buildListQuery({ kind, filter: { [f]: value(f) }, order: orders[0]!, textQuery: null, skip: 0, first: 1 }).text]);
      }
      const all = Object.fromEntries(filters.map((f) => [f, value(f)]));
      texts.push([`list ${kind} every filter`, buildListQuery({ kind, filter: all, order: orders[0]!, textQuery: null, skip: 0, first: 1 }).text]);
    }
    const every: Expansion[] = RELATIONSHIP_TYPE_NAMES.flatMap((t) => [`${t}>`, `${t}<`] as Expansion[]);
    texts.push(['links (every type, both ways)', linksQuery(every)]);
    // A builder writes every type's branch alike, and the texts over every type hold each type's name: one
    // text of a single type each way stands for the others (planning each costs a second or two).
    texts.push(['links (none asked)', linksQuery([])], ['links PARTY_TO>', linksQuery(['PARTY_TO>'])], ['links SIGNED<', linksQuery(['SIGNED<'])]);
    const asked = { node: ['id', 'label', 'degree', 'name', 'title', 'date'], relationship: ['id', 'role', 'date'] };
    const bare = { node: ['id'], relationship: ['id'] };
    for (const name of ['neighbourhood-start', 'neighbourhood-level'] as const) {
      texts.push([`${name} every type`, neighbourhoodQuery(name, RELATIONSHIP_TYPE_NAMES as readonly RelationshipTypeName[], true, asked).text]);
      texts.push([`${name} PARTY_TO, SIGNED`, neighbourhoodQuery(name, ['PARTY_TO', 'SIGNED'], false, asked).text]);
      const withEvidence = { ...asked, relationship: [...asked.relationship, 'onBehalfOf'], evidenceSource: ['id', 'title', 'degree'], behalf: ['id', 'label', 'degree'] };
      texts.push([`${name} every type, evidence and onBehalfOf`, neighbourhoodQuery(name, RELATIONSHIP_TYPE_NAMES as readonly RelationshipTypeName[], true, withEvidence).text]);
      texts.push([`${name} LOCATED_IN (ids only)`, neighbourhoodQuery(name, ['LOCATED_IN'], false, bare).text]);
    }
    // Totals: every field definition of the model (with and without a kind filter) in one batch, and one
    // count alone for each direction, with and without a kind filter.
    const totalShapes = linkFields().flatMap(({ spec }): TotalShape[] => [
      { types: spec.types, direction: spec.direction, kinds: null },
      { types: spec.types, direction: spec.direction, kinds: ['Organisation'] },
    ]);
    const specs = [...new Set([...totalShapes, { types: null, direction: 'BOTH' } as TotalShape].map(totalSpec))].sort();
    texts.push(['totals (every field definition in one batch)', totalsQuery(specs)]);
    for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
      for (const kinds of [null, ['Person' as const]]) texts.push([`totals PARTY_TO|SIGNED ${direction} ${kinds ? 'by kind' : ''}`, totalsQuery([totalSpec({ types: ['PARTY_TO', 'SIGNED'], direction, kinds })])]);
    }
    texts.push(['nodes by id (a page of evidence and its total)', nodesQuery({ properties: ['id', 'name'], degree: false, evidenceSource: ['id', 'title'], evidenceFirst: 10, evidenceTotal: true }).text]);
    for (const [maxLength, first] of [[1, 1], [4, 10], [100, 100]] as const) texts.push([`paths-all ${maxLength} ${first}`, pathsAllQuery(maxLength, first)]);
    texts.push(['import-relationships SIGNED', importRelationshipsQuery('SIGNED')]);
    for (const kind of NODE_KIND_NAMES) {
      const fields = Object.keys(NODE_KINDS[kind].fields);
      texts.push([`nodes by id (${kind}'s fields)`, nodesQuery({ properties: ['id', ...fields], degree: true, evidenceSource: null }).text]);
    }
    texts.push(['passages (source id, title)', passagesQuery(['id', 'title']).text], ['passages (every source field, degree)', passagesQuery(['id', 'title', 'type', 'file', 'date', 'publisher', 'degree']).text]);
    texts.push(['signatures on behalf', signaturesQuery(false)], ['signatures on behalf with evidence', signaturesQuery(true)]);
    texts.push(['nodes by id (every property)', nodesQuery(null).text]);
    texts.push(['nodes by id (asked)', nodesQuery({ properties: ['id', 'name', 'title'], degree: true, evidenceSource: ['title'] }).text]);
    // A look-up compiled for each relationship field, with every relationship field of the nodes it reaches.
    const fields = linkFields();
    const signs = (spec: LinkFieldSpec) => spec.types.includes('SIGNED');
    for (const { kind, field, spec, farKind } of fields) {
      const shapeOf = (s: LinkFieldSpec, far: NodeKindName | null): LookUpShape => ({
        expansions: expansionsOf(s),
        children: [],
        node: far ? { kind: far, properties: ['id', 'name', 'title', 'date'], degree: true } : null,
        behalf: s.types.includes('SIGNED') ? { kind: 'Organisation', properties: ['id', 'name'], degree: false } : false,
        kinds: s.kinds !== null,
        first: s.paged,
      });
      const children = fields.filter((f) => f.kind === farKind).map((f) => shapeOf(f.spec, f.farKind));
      const root = { properties: ['id', 'name', 'title'], degree: true, evidenceSource: ['title'] };
      texts.push([`look-up ${kind}.${field}`, lookUpQuery([{ ...shapeOf(spec, farKind), children }], root).text]);
      // A hub's page of the field from its far kinds' indexes, when one can find it (sent only for a hub).
      const hubShape = { ...shapeOf(spec, farKind), children, total: false };
      if (hubPage(hubShape)) texts.push([`hub look-up ${kind}.${field}`, lookUpQuery([hubShape], { properties: ['id'], degree: false, evidenceSource: null }, null, 'hub').text]);
      // With every property of the far nodes and of a signature's organisation (maps), its evidence and total:
      // for each signature field, and the first field of each kind.
      if (signs(spec) || fields.find((f) => f.kind === kind) === fields.find((f) => f.field === field && f.kind === kind)) {
        const full: LookUpShape = { ...shapeOf(spec, null), evidence: ['id', 'title'], total: true, behalf: signs(spec) };
        texts.push([`look-up ${kind}.${field} (evidence, total, maps)`, lookUpQuery([full], { ...root, evidenceFirst: 10, evidenceTotal: true }).text]);
      }
    }
    // Each kind's relationship fields all at once, for `node(id) { ... on Kind { … } }` (guarded by the kind),
    // as the explorer's details ask them; organisations with the signatures made on their behalf.
    const signatures = (evidence: boolean, total: boolean): LookUpShape => ({
      expansions: ['SIGNED<'],
      children: [],
      node: { kind: 'Person', properties: ['id', 'name'], degree: false },
      behalf: false,
      kinds: false,
      first: true,
      evidence: evidence ? ['title'] : null,
      total,
      signatures: { agreement: { kind: 'Agreement', properties: ['id', 'title', 'date'], degree: true } },
    });
    for (const kind of NODE_KIND_NAMES) {
      const own = fields.filter((f) => f.kind === kind);
      if (own.length === 0) continue;
      const shapes: LookUpShape[] = own.map(({ spec, farKind }) => ({
        expansions: expansionsOf(spec),
        children: [],
        node: farKind ? { kind: farKind, properties: ['id', 'label'], degree: true } : { kind: null, properties: ['id', 'label'], degree: false },
        behalf: false,
        kinds: spec.kinds !== null,
        first: spec.paged,
        evidence: ['title'],
        total: spec.paged,
      }));
      if (kind === 'Organisation') shapes.push(signatures(true, true), signatures(false, false));
      texts.push([`look-up node(id) on ${kind} (every field)`, lookUpQuery(shapes, { properties: ['id', 'label'], degree: true, evidenceSource: ['title'], evidenceFirst: 5, evidenceTotal: true }, kind).text]);
    }
    return texts;
  }

  it('reads back, from lists, the values the maps of the same nodes and relationships hold', async () => {
    // Every property the model names, for one node of each kind and one relationship of each type the corpus
    // holds: a list's reader must give back what the map projection of the same fact says, key by key.
    const properties = [...new Set(NODE_KIND_NAMES.flatMap((k) => Object.keys(NODE_KINDS[k].fields)))];
    const node = nodeList('n', [...properties, 'label']);
    const nodes = await db.read<{ list: unknown[]; map: Record<string, unknown> }>(
      `MATCH (n:Entity) WITH n ORDER BY n.id WITH ${nodeMap('n')} AS map, n WITH map.kind AS kind, collect([n, map])[0] AS first ` +
        `WITH first[0] AS n, first[1] AS map RETURN ${node.text} AS list, map`,
    );
    expect(new Set(nodes.map((n) => n.map.kind)).size).toBeGreaterThanOrEqual(8);
    for (const { list, map } of nodes) {
      const read = node.read(list) as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(map)) expect([key, read[key] ?? null]).toEqual([key, value ?? null]);
      expect(read.label).toBe(map.title ?? map.name);
      expect(read.partial).toBe(true);
    }
    const relationship = relationshipList('r', relationshipTypeProperties(RELATIONSHIP_TYPE_NAMES));
    const relationships = await db.read<{ list: unknown[]; map: Record<string, unknown> }>(
      `MATCH ()-[r]->() WITH type(r) AS type, collect(r)[0] AS r RETURN ${relationship.text} AS list, ${relationshipMap('r')} AS map`,
    );
    expect(relationships.length).toBeGreaterThanOrEqual(8);
    for (const { list, map } of relationships) {
      const read = relationship.read(list) as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(map)) expect([key, read[key] ?? null]).toEqual([key, value ?? null]);
    }
  });

  it('EXPLAINs every one of them', async () => {
    const texts = everyQuery();
    // Every relationship field of every kind reaches the sweep (a new field cannot be left out).
    expect(texts.filter(([name]) => name.startsWith('look-up ')).length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    const todo = [...texts];
    // Two at a time: planning is Neo4j's CPU, and the machine has two cores.
    const lane = async () => {
      for (let next = todo.shift(); next; next = todo.shift()) {
        const [name, text] = next;
        try {
          await db.read(`EXPLAIN ${text}`);
        } catch (err) {
          failures.push(`${name}: ${(err as Error).message.split('\n')[0]}`);
        }
      }
    };
    await Promise.all([lane(), lane()]);
    expect(failures).toEqual([]);
    expect(texts.length).toBeGreaterThan(200);
  }, 600_000);
});
