import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { loadTypeDefs } from '../src/graphql/schema';
import { startTestServer, TestServer } from './support/server';

/**
 * Every string argument of every query (ids, texts, cursors, dates, and the string fields of filters) is
 * sent Cypher and Lucene injection attempts. None may change the graph, and every error must be a clean
 * client error.
 */
const ATTEMPTS = [
  `"}) MATCH (n) DETACH DELETE n //`,
  `' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //`,
  `x"}) RETURN 1 UNION MATCH (n) SET n.pwned = true RETURN 1 //`,
  '`) CREATE (:Entity:Person {id: "per-injected"}) //',
  `\\") } CALL db.index.fulltext.drop('entity_search') //`,
  `*:* OR id:* OR name:/.*/ AND NOT x~ \\`,
  `{{maxLength}}]-() DETACH DELETE n //`,
  `$(rm -rf /) \${7*7} <script>alert(1)</script>`,
  `2007"}) DETACH DELETE n`,
  `org-apvf\u0000' OR '1'='1`,
];

const schema = buildSchema(loadTypeDefs());
const query = schema.getQueryType()!;

/** A valid value for a required argument, so that only the argument under test is hostile. */
function validValue(arg: GraphQLArgument): unknown {
  const named = getNamedType(arg.type);
  if (named.name === 'ID') return arg.name === 'b' || arg.name === 'to' ? 'per-bertrand-delanoe' : 'per-martin-malvy';
  if (named.name === 'String') return 'Paris';
  if (isEnumType(named)) return named.getValues()[0]!.value;
  return undefined;
}

/** ID, String and PartialDate arguments, and lists of them. */
function isStringLike(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return isScalarType(named) && ['ID', 'String', 'PartialDate'].includes(named.name);
}

interface Target {
  field: string;
  /** How the argument is written: `id` or `filter.text`. */
  path: string;
  variables: (payload: string) => Record<string, unknown>;
  signature: string;
  call: string;
}

/** Every (query field, string argument or string filter field) pair of the schema. */
function targets(): Target[] {
  const out: Target[] = [];
  for (const field of Object.values(query.getFields())) {
    const required = field.args.filter((a) => isNonNullType(a.type));
    const vars = (args: GraphQLArgument[]) => args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
    for (const arg of field.args) {
      const used = [...new Set([...required, arg])];
      const signature = vars(used);
      const call = `${field.name}(${used.map((a) => `${a.name}: $${a.name}`).join(', ')}) ${selection}`;
      const base = Object.fromEntries(required.map((a) => [a.name, validValue(a)]));
      if (isStringLike(arg.type)) {
        out.push({ field: field.name, path: arg.name, signature, call, variables: (p) => ({ ...base, [arg.name]: p }) });
      } else {
        const input = getNamedType(arg.type);
        if (!isInputObjectType(input)) continue;
        for (const inner of Object.values(input.getFields())) {
          if (!isStringLike(inner.type)) continue;
          out.push({ field: field.name, path: `${arg.name}.${inner.name}`, signature, call, variables: (p) => ({ ...base, [arg.name]: { [inner.name]: p } }) });
        }
      }
    }
  }
  return out;
}

describe('injection attempts through every string argument', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const snapshot = async () => {
    const res = await server.gql('{ stats { nodes { name count } relationships { name count } factsWithoutEvidence } }');
    const [marks] = await server.db.read<{ marked: number }>(
      "MATCH (n) WHERE n.pwned IS NOT NULL OR n.id = 'per-injected' RETURN count(n) AS marked",
    );
    const indexes = await server.db.read("SHOW INDEXES YIELD name WHERE name = 'entity_search' RETURN name");
    return { stats: res.data.stats, probe: { marked: marks!.marked, indexes: indexes.length } };
  };

  it('covers the string arguments users reach (ids, search text, filters, cursors, dates)', () => {
    const paths = targets().map((t) => `${t.field}(${t.path})`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'node(id)', 'agreement(id)', 'search(text)', 'agreements(filter.text)', 'agreements(filter.party)', 'agreements(after)',
        'agreements(filter.dateFrom)', 'organisations(filter.partnerOf)', 'paths(from)', 'paths(to)', 'neighbourhood(id)',
        'commonPartners(a)', 'timeline(actor)', 'timeline(from)', 'nodes(ids)',
      ]),
    );
  });

  it('leaves the graph exactly as it was and answers each attempt with data or a clean client error', async () => {
    const before = await snapshot();
    expect(before.probe).toEqual({ marked: 0, indexes: 1 });
    const seenCodes = new Set<string>();
    for (const target of targets()) {
      // The attempts on one argument go together: the suite stays short on a small machine.
      const responses = await Promise.all(
        ATTEMPTS.map((payload) => server.gql(`query (${target.signature}) { ${target.call} }`, target.variables(payload))),
      );
      for (const [i, res] of responses.entries()) {
        const payload = ATTEMPTS[i]!;
        const where = `${target.field}(${target.path}) <- ${JSON.stringify(payload)}`;
        expect({ where, status: res.status < 500 }).toEqual({ where, status: true });
        for (const error of res.errors ?? []) {
          const code = String(error.extensions?.code);
          seenCodes.add(code);
          expect({ where, code }).toEqual({ where, code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/) });
          expect(JSON.stringify(error)).not.toMatch(/stacktrace|Neo\.|Cypher|Lucene|\.ts:\d+/);
        }
      }
    }
    expect(await snapshot()).toEqual(before);
    expect(seenCodes).toEqual(new Set(['NOT_FOUND', 'BAD_USER_INPUT']));
  });
});
