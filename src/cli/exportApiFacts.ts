/**
 * `npm run export:api -- [--out DIR]`: writes the facts made or corrected through the API as data files (one per
 * source document, its text in DIR/sources), to review in git and import elsewhere with
 * `npm run import -- DIR --sources DIR/sources`. Default DIR: `export/`.
 */
import path from 'node:path';
import { loadConfig, ROOT } from '../config';
import { openDatabase } from '../db/connect';
import { setLogLevel } from '../log';
import { exportApiFacts } from '../writes/export';
import { isUserError } from './failure';

async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--out');
  if (argv.length && (at !== 0 || argv.length !== 2)) {
    process.stderr.write('usage: npm run export:api -- [--out DIR]\n');
    process.exit(2);
  }
  const out = path.resolve(process.cwd(), at === 0 ? argv[1]! : path.join(ROOT, 'export'));
  const config = loadConfig();
  setLogLevel('warn');
  const connection = await openDatabase(config);
  try {
    const report = await exportApiFacts(connection.db, out);
    process.stdout.write(`exported ${report.nodes} nodes and ${report.relationships} relationships in ${report.files.length} files to ${out}\n`);
  } finally {
    await connection.close();
  }
}

run().catch((err: unknown) => {
  process.stderr.write(`export: ${isUserError(err) ? err.message : ((err as Error)?.stack ?? String(err))}\n`);
  process.exit(1);
});
