/**
 * `npm run token -- create --role editor --name "Jane, Le Monde"` | `revoke <tok-id>` | `list`: manages API
 * tokens with the database's own credentials (the way to make the first admin token on a new instance).
 * Uses the Neo4j of a running `npm start` when there is one, else NEO4J_URI or a local server it starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isRole } from '../auth/roles';
import { createToken, listTokens, revokeToken } from '../auth/tokens';
import { loadConfig, type Config } from '../config';
import { openDatabase } from '../db/connect';
import { Database } from '../db/database';
import { applySchema } from '../db/schema';
import { setLogLevel } from '../log';
import { isUserError } from './failure';

const USAGE = 'usage: npm run token -- create --role reader|editor|admin --name NAME | revoke TOKEN_ID | list';

class UsageError extends Error {}

function parse(argv: string[]): { command: string; role?: string; name?: string; id?: string } {
  const [command, ...rest] = argv;
  const out: { command: string; role?: string; name?: string; id?: string } = { command: command ?? '' };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s) as [string, string | undefined]) : [arg, undefined];
    const value = () => inline ?? rest[++i];
    if (flag === '--role') out.role = value();
    else if (flag === '--name') out.name = value();
    else if (!arg.startsWith('--') && !out.id) out.id = arg;
    else throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
  }
  return out;
}

/** The database of a running `npm start` (same data folder), or a connection of our own. */
async function connect(config: Config): Promise<{ db: Database; close(): Promise<void> }> {
  if (!config.neo4jUri) {
    const passwordFile = path.join(config.local.dataDir, 'password');
    if (fs.existsSync(passwordFile)) {
      const running = await Database.connect({
        uri: `bolt://127.0.0.1:${config.local.boltPort}`,
        user: config.neo4jUser,
        password: config.neo4jPassword ?? fs.readFileSync(passwordFile, 'utf8').trim(),
        database: config.neo4jDatabase,
      }).catch(() => null);
      if (running) return { db: running, close: () => running.close() };
    }
  }
  const connection = await openDatabase(config);
  await applySchema(connection.db);
  return { db: connection.db, close: () => connection.close() };
}

async function run(): Promise<void> {
  const args = parse(process.argv.slice(2));
  if (args.command === 'create' && (!isRole(args.role) || !args.name?.trim())) throw new UsageError(USAGE);
  if (args.command === 'revoke' && !args.id) throw new UsageError(USAGE);
  if (!['create', 'revoke', 'list'].includes(args.command)) throw new UsageError(USAGE);
  const config = loadConfig();
  setLogLevel('warn');
  const { db, close } = await connect(config);
  const by = `cli:${process.env.USER ?? 'unknown'}`;
  try {
    if (args.command === 'create') {
      const { token, secret } = await createToken(db, args.role as never, args.name!.trim(), by);
      process.stdout.write(`created ${token.id} (${token.role}, "${token.name}")\n`);
      process.stdout.write(`secret (shown once; send it as Authorization: Bearer <secret>):\n${secret}\n`);
    } else if (args.command === 'revoke') {
      const token = await revokeToken(db, args.id!, by);
      if (!token) throw new UsageError(`no token with id ${args.id}`);
      process.stdout.write(`revoked ${token.id} (${token.role}, "${token.name}") at ${token.revokedAt}\n`);
    } else {
      for (const t of await listTokens(db)) {
        process.stdout.write(`${t.id}\t${t.role}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'valid'}\t${t.name}\n`);
      }
    }
  } finally {
    await close();
  }
}

run().catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`token: ${isUserError(err) ? err.message : ((err as Error)?.stack ?? String(err))}\n`);
  process.exit(1);
});
