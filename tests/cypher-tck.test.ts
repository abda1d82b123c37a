import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, GraphQLObjectType } from 'graphql';
import { ROOT } from '../src/config';
import { cypher, evidenceProjection, linkList, nodeList, relationshipList } from '../src/db/cypher';
import { Database } from '../src/db/database';
import { NODE_KIND_NAMES, RELATIONSHIP_TYPE_NAMES, type NodeKindName, type RelationshipTypeName } from '../src/model/model';
import { resolvers } from '../src/graphql/resolvers';
import type { LinkFieldSpec } from '../src/graphql/resolvers/entity';
import { signaturesQuery } from '../src/store/links';
import { nodesQuery } from '../src/store/nodes';
import { passagesQuery } from '../src/store/passages';
import {
  buildListQuery,
  LIST_KINDS,
  listOptions,
  linksQuery,
  lookUpQuery,
  neighbourhoodQuery,
  type AskedFields,
  type Expansion,
  type LookUpShape,
} from '../src/store/shape';
import { detailVariables, QUERIES } from '../web/src/queries';
import { startTestServer, TestServer } from './support/server';
import { testDatabase } from './support/db';

/**
 * The Cypher Accords writes, pinned in the style of @neo4j/graphql's TCK: for each example operation (and the
 * explorer's details operations) the query texts and parameters the server sends to Neo4j, and for each
 * builder of src/store/shape.ts and src/db/cypher.ts the text it writes. A change to a generated query shows
 * here as a snapshot diff to review (`npx jest tests/cypher-tck.test.ts -u` accepts it). The sweep at the end
 * has Neo4j EXPLAIN every query the store can write for the model, so a text that does not parse or plan
 * fails here rather than on the first request that happens to build it.
 */

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
    expect(nodeList('m', ['id', 'title', 'date'], null, 'Agreement')).toMatchSnapshot();
    expect(relationshipList('r', ['id', 'role', 'date'])).toMatchSnapshot();
    expect(linkList('r', 'm', ['SIGNED'], { kind: 'Agreement', properties: ['title'], degree: false }, { kind: 'Organisation', properties: ['name'], degree: false })).toMatchSnapshot();
    expect(evidenceProjection('n', ['id', 'title'])).toMatchSnapshot();
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
      const { text, nodeKeys } = neighbourhoodQuery(name, ['PARTY_TO', 'SIGNED'], false, asked);
      return { text, nodeKeys };
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
    expect(lookUpQuery([{ ...parties, expansions: ['PARTY_TO>'], node: { kind: 'Agreement', properties: ['title'], degree: false }, children: [parties] }], { properties: ['id', 'name'], degree: false, evidenceSource: ['id', 'title'] })).toMatchSnapshot();
    expect(nodesQuery({ properties: ['id', 'title'], degree: true, evidenceSource: ['title'] })).toMatchSnapshot();
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
      if (name === 'schema' || name.startsWith('paths-')) continue;
      const text = cypher(name);
      if (!text.includes('{{')) texts.push([`cypher/${file}`, text]);
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
    // One branch is written alike for every type: one each way stands for them all.
    texts.push(['links PARTY_TO>', linksQuery(['PARTY_TO>'])], ['links SIGNED<', linksQuery(['SIGNED<'])]);
    const asked = { node: ['id', 'label', 'degree', 'name', 'title', 'date'], relationship: ['id', 'role', 'date'] };
    for (const name of ['neighbourhood-start', 'neighbourhood-level'] as const) {
      texts.push([`${name} every type`, neighbourhoodQuery(name, RELATIONSHIP_TYPE_NAMES as readonly RelationshipTypeName[], true, asked).text]);
      texts.push([`${name} PARTY_TO, SIGNED`, neighbourhoodQuery(name, ['PARTY_TO', 'SIGNED'], false, asked).text]);
      const withEvidence = { ...asked, relationship: [...asked.relationship, 'onBehalfOf'], evidenceSource: ['id', 'title', 'degree'], behalf: ['id', 'label', 'degree'] };
      texts.push([`${name} every type, evidence and onBehalfOf`, neighbourhoodQuery(name, RELATIONSHIP_TYPE_NAMES as readonly RelationshipTypeName[], true, withEvidence).text]);
    }
    texts.push(['passages (source id, title)', passagesQuery(['id', 'title']).text], ['passages (every source field, degree)', passagesQuery(['id', 'title', 'type', 'file', 'date', 'publisher', 'degree']).text]);
    texts.push(['signatures on behalf', signaturesQuery(false)], ['signatures on behalf with evidence', signaturesQuery(true)]);
    texts.push(['nodes by id (every property)', nodesQuery(null).text]);
    texts.push(['nodes by id (asked)', nodesQuery({ properties: ['id', 'name', 'title'], degree: true, evidenceSource: ['title'] }).text]);
    // A look-up compiled for each relationship field, with every relationship field of the nodes it reaches.
    const fields = linkFields();
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
    }
    return texts;
  }

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
    expect(texts.length).toBeGreaterThan(80);
  }, 600_000);
});
