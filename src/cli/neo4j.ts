/** `npm run neo4j -- stop`: stops a local Neo4j left running for this data folder (after a crash). */
import { loadConfig } from '../config';
import { stopLeftover } from '../db/launcher';
import { isUserError } from './failure';

async function run(): Promise<void> {
  const [command] = process.argv.slice(2);
  const config = loadConfig();
  if (command !== 'stop') {
    process.stderr.write('usage: npm run neo4j -- stop\n');
    process.exit(2);
  }
  const stopped = await stopLeftover(config.local);
  process.stdout.write(stopped ? `stopped the Neo4j of ${config.local.dataDir}\n` : `no Neo4j running for ${config.local.dataDir}\n`);
}

run().catch((err: unknown) => {
  process.stderr.write(`accords: ${isUserError(err) ? err.message : ((err as Error)?.stack ?? String(err))}\n`);
  process.exit(1);
});
