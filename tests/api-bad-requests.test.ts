import { MAX_BODY_BYTES, MAX_NESTING, MAX_TOKENS } from '../src/server/requests';
import { startTestServer, TestServer } from './support/server';

/**
 * What a fuzzer found: a 1 MB body answered by a dropped connection, a query nested thousands of levels deep
 * answered "Maximum call stack size exceeded". Every malformed request now gets a status and a JSON error with a
 * code, and nothing a client receives shows the runtime, a stack or Neo4j's internals.
 */
interface Answer {
  status: number;
  text: string;
  body: { errors?: Array<{ message: string; extensions?: { code?: string } }>; data?: unknown };
  headers: Headers;
}

function expectClean(answer: Answer) {
  expect(answer.text).not.toMatch(/stacktrace|\.ts:\d+|node_modules|Neo\.ClientError|at async|Maximum call stack|RangeError|TypeError/);
}

describe('malformed and abusive requests get clean, coded answers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function send(init: RequestInit & { path?: string } = {}): Promise<Answer> {
    const res = await fetch(`${server.url}${init.path ?? '/graphql'}`, { method: 'POST', ...init });
    const text = await res.text();
    let body: Answer['body'] = {};
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`not JSON (status ${res.status}): ${text.slice(0, 200)}`);
    }
    return { status: res.status, text, body, headers: res.headers };
  }
  const json = (body: string, headers: Record<string, string> = {}) => send({ headers: { 'content-type': 'application/json', ...headers }, body });
  const query = (q: string) => json(JSON.stringify({ query: q }));
  const codeOf = (a: Answer) => a.body.errors?.[0]?.extensions?.code;

  it('a 1 MiB body: 413 PAYLOAD_TOO_LARGE, not a dropped connection', async () => {
    const answer = await json(JSON.stringify({ query: `{ stats { factsWithoutEvidence } } # ${'x'.repeat(1 << 20)}` }));
    expect([answer.status, codeOf(answer)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(answer.body.errors?.[0]?.message).toContain(String(MAX_BODY_BYTES));
    expectClean(answer);
  });

  it('a 20 MB body is refused the same way', async () => {
    const answer = await json('['.repeat(20_000_000));
    expect([answer.status, codeOf(answer)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('the server still answers normally after oversized bodies', async () => {
    const answer = await query('{ stats { factsWithoutEvidence } }');
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ stats: { factsWithoutEvidence: 0 } });
  });

  it('a query nested 3,000 levels deep: 400 QUERY_TOO_COMPLEX before parsing, no runtime message', async () => {
    const depth = 3000;
    const answer = await query(`{ ${'node(id: "x") { ... on Agreement { renews { node '.repeat(depth)}id${' } } }'.repeat(depth)} }`);
    expect([answer.status, codeOf(answer)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(answer.body.errors?.[0]?.message).toContain(String(MAX_NESTING));
    expectClean(answer);
  });

  it('deeply nested arguments (lists in lists) are refused the same way', async () => {
    const answer = await query(`{ search(text: ${'['.repeat(5000)}"a"${']'.repeat(5000)}) { score } }`);
    expect([answer.status, codeOf(answer)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expectClean(answer);
  });

  it(`a query of more than ${MAX_TOKENS} tokens: 400 QUERY_TOO_COMPLEX`, async () => {
    const fields = Array.from({ length: MAX_TOKENS }, (_, i) => `a${i}: __typename`).join(' ');
    const answer = await query(`{ ${fields} }`);
    expect([answer.status, codeOf(answer)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expectClean(answer);
  });

  it('fragments spread twice at every level are priced in linear time and refused, not walked 2^30 times', async () => {
    const n = 30;
    const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    fragments.push(`fragment F${n} on Query { agreements { totalCount } }`);
    const started = Date.now();
    const answer = await query(`{ ...F0 } ${fragments.join(' ')}`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect([answer.status, codeOf(answer)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
  });

  it('a body that is not JSON: 400 BAD_REQUEST', async () => {
    const answer = await json('{"query": "{ stats { factsWithoutEvidence } }"');
    expect([answer.status, codeOf(answer)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('a body that is JSON but not a request (null, an empty object, a batch): 400 BAD_REQUEST', async () => {
    for (const body of ['null', '{}', '[{"query":"{ __typename }"}]', '"{ __typename }"']) {
      const answer = await json(body);
      expect([body, answer.status, codeOf(answer)]).toEqual([body, 400, 'BAD_REQUEST']);
      expectClean(answer);
    }
  });

  it('a POST that is not JSON (form, text, none): 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const answer = await send({ headers: type ? { 'content-type': type } : {}, body: '{"query":"{ __typename }"}' });
      expect([type, answer.status, codeOf(answer)]).toEqual([type, 415, 'UNSUPPORTED_MEDIA_TYPE']);
    }
  });

  it('a method GraphQL does not take: 405 METHOD_NOT_ALLOWED with Allow', async () => {
    const answer = await send({ method: 'DELETE' });
    expect([answer.status, codeOf(answer)]).toEqual([405, 'METHOD_NOT_ALLOWED']);
    expect(answer.headers.get('allow')).toBe('GET, POST');
  });

  it('an unknown operation name: 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const answer = await json(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }));
    expect([answer.status, codeOf(answer)]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
  });

  it('variables of the wrong type: 400 BAD_USER_INPUT naming the variable', async () => {
    const answer = await json(JSON.stringify({ query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: { $ne: 1 } } }));
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.message).toContain('$id');
  });

  it('a client that accepts neither JSON format: 406', async () => {
    const answer = await json(JSON.stringify({ query: '{ __typename }' }), { accept: 'application/xml' });
    expect([answer.status, codeOf(answer)]).toEqual([406, 'BAD_REQUEST']);
  });

  it('an unknown path: 404 NOT_FOUND in JSON', async () => {
    const answer = await send({ path: '/graphql/nothing' });
    expect([answer.status, codeOf(answer)]).toEqual([404, 'NOT_FOUND']);
  });
});
