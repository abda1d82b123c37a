import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { prepareLocalHome } from '../db/launcher';
import { javaBinary } from '../db/runtime';

/**
 * `neo4j-admin database import full`, run from the jars `npm start` uses, on the local data folder while no
 * server runs on it (the tool writes the store files itself, far faster than transactions can). It creates the
 * database or fails; on failure or interruption the half-written store is removed, so the folder is as before.
 */
export interface AdminImportResult {
  ms: number;
  /** The tool's own summary line(s), e.g. `IMPORT DONE in 7s 12ms.` */
  summary: string;
}

export class AdminImportError extends Error {
  override name = 'AdminImportError';
}

export async function runAdminImport(
  cfg: Config['local'],
  args: string[],
  options: { database?: string; overwrite?: boolean; workDir: string; onLine?: (line: string) => void; signal?: AbortSignal },
): Promise<AdminImportResult> {
  const started = Date.now();
  const database = options.database ?? 'neo4j';
  const { classpath, env, dataDir } = prepareLocalHome(cfg);
  const store = [path.join(dataDir, 'databases', database), path.join(dataDir, 'transactions', database)];
  const existed = store.some((d) => fs.existsSync(d));
  if (existed && !options.overwrite) throw new AdminImportError(`${store[0]} already holds a database: the bulk load is only for an empty one`);
  const child = spawn(
    javaBinary(),
    [
      `-Xmx${cfg.heap}`,
      '-cp',
      classpath,
      'org.neo4j.cli.AdminTool',
      'database',
      'import',
      'full',
      ...args,
      // Measured on the 2-core machine (bench/README.md, "Import rates"): the store is on an SSD, so parallel
      // IO pays; the tool's default off-heap budget is 90% of the machine's memory, shared here with other
      // servers, and a bounded one loses nothing at a million relationships; the corpus was validated, so any
      // bad entry is a bug to stop at, not to skip.
      '--high-parallel-io=on',
      `--max-off-heap-memory=${process.env.ACCORDS_BULK_OFF_HEAP || '2G'}`,
      '--bad-tolerance=0',
      `--overwrite-destination=${options.overwrite ? 'true' : 'false'}`,
      `--report-file=${path.join(options.workDir, 'import.report')}`,
      database,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      options.onLine?.(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const abort = () => child.kill('SIGKILL');
  options.signal?.addEventListener('abort', abort, { once: true });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  }).finally(() => options.signal?.removeEventListener('abort', abort));
  if (code !== 0 || options.signal?.aborted) {
    // Nothing half-loaded stays behind: the next start finds the folder as it was (no database yet).
    if (!existed || options.overwrite) for (const d of store) fs.rmSync(d, { recursive: true, force: true });
    if (options.signal?.aborted) throw new AdminImportError('the bulk load was interrupted; the database was not created');
    const why = output.filter((l) => /rror|xception|Caused by|nvalid|[Dd]uplicate|not found/.test(l)).slice(0, 5);
    throw new AdminImportError(`neo4j-admin database import exited ${code}: ${(why.length ? why : output.slice(-5)).join(' | ')}`);
  }
  return { ms: Date.now() - started, summary: output.filter((l) => /IMPORT DONE|Imported:|nodes$|relationships$|properties$/.test(l)).join('; ') };
}
