import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildWeb } from '../scripts/build-web';
import { startTestServer, TestServer } from './support/server';
import { removeTestTokens, TEST_TOKEN_PREFIX, tokenHeaders } from './support/tokens';

const ROOT = path.resolve(__dirname, '..');
const ADMIN = 'test-admin-secret-for-auth-tests';
const CREATE_TOKEN = 'mutation($name: String!) { createToken(role: editor, name: $name) { secret token { id role name } } }';
const ME = '{ me { id name role } }';
const tokenCount = async (server: TestServer) =>
  (await server.db.read<{ n: number }>('MATCH (t:Token) RETURN count(t) AS n'))[0]!.n;

describe('who may write: tokens, roles, and the answers to everyone else', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: ADMIN });
  });
  afterAll(async () => {
    await removeTestTokens(server.db);
    await server.close();
  });

  it('refuses a write without a token with UNAUTHENTICATED and HTTP 401, writing nothing', async () => {
    const before = await tokenCount(server);
    const res = await server.gql(CREATE_TOKEN, { name: `${TEST_TOKEN_PREFIX}anonymous` });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await tokenCount(server)).toBe(before);
  });

  it('refuses an unknown token with 401 before anything runs, even for a read', async () => {
    const res = await server.gql(ME, {}, { authorization: 'Bearer acc_not-a-token-we-made' });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.headers?.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a role too low with FORBIDDEN (403): an editor cannot make tokens, a reader cannot write', async () => {
    const editor = await tokenHeaders(server.db, 'editor', 'low-role-editor');
    const reader = await tokenHeaders(server.db, 'reader', 'low-role-reader');
    const before = await tokenCount(server);
    const byEditor = await server.gql(CREATE_TOKEN, { name: `${TEST_TOKEN_PREFIX}x` }, { authorization: editor.authorization });
    expect(byEditor.status).toBe(403);
    expect(byEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byReader = await server.gql(
      'mutation { addSource(input: { text: "Un texte.", title: "T" }) { created } }',
      {},
      { authorization: reader.authorization },
    );
    expect(byReader.status).toBe(403);
    expect(byReader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await tokenCount(server)).toBe(before);
    expect((await server.db.read<{ n: number }>("MATCH (s:Source {title: 'T'}) RETURN count(s) AS n"))[0]!.n).toBe(0);
  });

  it('lets an admin create a token that then signs its holder in, stores only its sha-256, and revokes it', async () => {
    const created = await server.gql(CREATE_TOKEN, { name: `${TEST_TOKEN_PREFIX}newsroom` }, { authorization: `Bearer ${ADMIN}` });
    expect(created.errors).toBeUndefined();
    const { secret, token } = created.data.createToken;
    expect(token.role).toBe('editor');
    const me = await server.gql(ME, {}, { authorization: `Bearer ${secret}` });
    expect(me.data.me).toEqual({ id: token.id, name: `${TEST_TOKEN_PREFIX}newsroom`, role: 'editor' });

    const [stored] = await server.db.read<{ props: Record<string, unknown> }>('MATCH (t:Token {id: $id}) RETURN properties(t) AS props', { id: token.id });
    expect(stored!.props.hash).toBe(crypto.createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(stored!.props)).not.toContain(secret);

    const listed = await server.gql('{ tokens { id role revokedAt } }', {}, { authorization: `Bearer ${ADMIN}` });
    expect(listed.data.tokens).toContainEqual({ id: token.id, role: 'editor', revokedAt: null });

    const revoked = await server.gql('mutation($id: ID!) { revokeToken(id: $id) { id revokedAt } }', { id: token.id }, { authorization: `Bearer ${ADMIN}` });
    expect(revoked.data.revokeToken.revokedAt).toEqual(expect.any(String));
    const after = await server.gql(ME, {}, { authorization: `Bearer ${secret}` });
    expect(after.status).toBe(401);
  });

  it('answers `me` with null for an anonymous reader of a public instance, and lists tokens to admins only', async () => {
    expect((await server.gql(ME)).data.me).toBeNull();
    const anonymous = await server.gql('{ tokens { id } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('guessing tokens is slow: failed attempts are limited per client address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ access: { failuresPerMinute: 3 } });
  });
  afterAll(async () => {
    await removeTestTokens(server.db);
    await server.close();
  });

  it('answers 429 TOO_MANY_REQUESTS after 3 bad tokens, even to a good one, with Retry-After', async () => {
    const good = await tokenHeaders(server.db, 'reader', 'rate-limited');
    for (let i = 0; i < 3; i++) expect((await server.gql(ME, {}, { authorization: `Bearer acc_guess-${i}` })).status).toBe(401);
    const limited = await server.gql(ME, {}, { authorization: good.authorization });
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.headers?.get('retry-after'))).toBeGreaterThan(0);
    // Anonymous reads are not sign-in attempts: they still work.
    expect((await server.gql('{ stats { factsWithoutEvidence } }')).status).toBe(200);
  });
});

describe('a private instance', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ access: { reads: 'private' } });
  });
  afterAll(async () => {
    await removeTestTokens(server.db);
    await server.close();
  });

  it('refuses anonymous reads with 401 and serves any token holder', async () => {
    const anonymous = await server.gql('{ stats { factsWithoutEvidence } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await tokenHeaders(server.db, 'reader', 'private-reader');
    const read = await server.gql('{ stats { factsWithoutEvidence } }', {}, { authorization: reader.authorization });
    expect(read.status).toBe(200);
    expect(read.data.stats.factsWithoutEvidence).toBe(0);
    // Exports are reads too.
    expect((await fetch(`${server.url}/export/gexf?center=per-eric-boustouller`)).status).toBe(401);
    const exported = await fetch(`${server.url}/export/gexf?center=per-eric-boustouller`, { headers: { authorization: reader.authorization } });
    expect(exported.status).toBe(200);
    await exported.text();
  });
});

describe('browsers: CORS for other web apps, and a strict policy for the explorer', () => {
  let server: TestServer;
  const LISTED = 'https://newsroom.example';
  const OTHER = 'https://elsewhere.example';
  beforeAll(async () => {
    await buildWeb();
    server = await startTestServer({ access: { corsOrigins: [LISTED] } });
  });
  afterAll(async () => {
    await removeTestTokens(server.db);
    await server.close();
  });

  const preflight = (origin: string, headers = 'content-type, authorization') =>
    fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
    });

  it('answers a listed origin’s preflight with 204, allowing it to send a token', async () => {
    const res = await preflight(LISTED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('lets any origin read (a notebook, another site) but not send a token', async () => {
    const res = await preflight(OTHER, 'content-type');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(OTHER);
    expect(res.headers.get('access-control-allow-headers')).not.toContain('authorization');
    const read = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { factsWithoutEvidence } }' }),
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(OTHER);
  });

  it('refuses a write from an unlisted origin with FORBIDDEN even with a valid editor token, and takes it from a listed one', async () => {
    const editor = await tokenHeaders(server.db, 'editor', 'cors-editor');
    const write = (origin: string) =>
      server.gql('mutation { addSource(input: { text: "   ", title: "cors" }) { created } }', {}, { origin, authorization: editor.authorization });
    const refused = await write(OTHER);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // From the listed origin the request passes the door, and reaches validation (an empty text).
    const listed = await write(LISTED);
    expect(listed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("revalidates the explorer's files rather than downloading them again: unchanged, they are answered 304", async () => {
    const first = await fetch(`${server.url}/app.js`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    expect((await first.text()).length).toBeGreaterThan(1000);
    const again = await fetch(`${server.url}/app.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await fetch(`${server.url}/app.js`, { headers: { 'if-none-match': 'W/"0-0"' } });
    expect(other.status).toBe(200);
  });

  it('serves the explorer with a strict Content-Security-Policy and the usual security headers', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    // The hash allows exactly the page's one inline script, as it is.
    const html = await res.text();
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toContain(`'sha256-${crypto.createHash('sha256').update(inline).digest('base64')}'`);
  });
});

describe('npm run token', () => {
  it('creates an editor token from the command line that signs in, and revokes it', async () => {
    const env = {
      ...process.env,
      NEO4J_URI: process.env.ACCORDS_TEST_NEO4J_URI,
      NEO4J_USER: process.env.ACCORDS_TEST_NEO4J_USER,
      NEO4J_PASSWORD: process.env.ACCORDS_TEST_NEO4J_PASSWORD,
    };
    const run = (args: string[]) => promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli/token.ts', ...args], { cwd: ROOT, env });
    const server = await startTestServer();
    try {
      const created = await run(['create', '--role', 'editor', '--name', `${TEST_TOKEN_PREFIX}cli`]);
      const id = /created (tok-[0-9a-f]+)/.exec(created.stdout)?.[1];
      const secret = /^(acc_\S+)$/m.exec(created.stdout)?.[1];
      expect(id).toBeDefined();
      const me = await server.gql(ME, {}, { authorization: `Bearer ${secret}` });
      expect(me.data.me).toEqual({ id, name: `${TEST_TOKEN_PREFIX}cli`, role: 'editor' });
      await run(['revoke', id!]);
      expect((await server.gql(ME, {}, { authorization: `Bearer ${secret}` })).status).toBe(401);
      await expect(run(['create', '--role', 'boss', '--name', 'x'])).rejects.toMatchObject({ code: 2 });
    } finally {
      await removeTestTokens(server.db);
      await server.close();
    }
  });
});
