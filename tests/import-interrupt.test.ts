import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../bench/synthetic/corpus';
import type { Database } from '../src/db/database';
import { testDatabase } from './support/db';
import { graphFingerprint } from './support/importFixtures';

/**
 * Ctrl-C during `npm run import`, as a user presses it: the real command, a real SIGINT while it writes,
 * and the database exactly as it was before.
 */
const root = path.resolve(__dirname, '..');
let db: Database;
let home: string;
beforeAll(async () => {
  db = await testDatabase();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'accords-interrupt-'));
});
afterAll(async () => {
  await db.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('does Ctrl-C during an import leave the database as it was?', () => {
  it('SIGINT while the import writes: it rolls back, says so and exits 130; nothing of the corpus is in the graph', async () => {
    // Large enough that the write lasts past the progress output's first seconds of silence.
    const corpus = path.join(home, 'synthetic');
    generateCorpus({ relationships: 20_000, seed: 11, dir: corpus });
    const before = await graphFingerprint(db);
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'src/cli/import.ts'), path.join(corpus, 'data'), '--sources', path.join(corpus, 'sources')], {
      cwd: root,
      env: {
        ...process.env,
        NEO4J_URI: process.env.ACCORDS_TEST_NEO4J_URI,
        NEO4J_USER: process.env.ACCORDS_TEST_NEO4J_USER,
        NEO4J_PASSWORD: process.env.ACCORDS_TEST_NEO4J_PASSWORD,
        NEO4J_DATABASE: process.env.ACCORDS_TEST_NEO4J_DATABASE,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    let interruptedAt: { done: number; total: number } | undefined;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (interruptedAt) return;
      // Not a TTY: one JSON line per step; the first one of the write phase is our moment.
      for (const line of stderr.split('\n')) {
        const step = /^\{"progress":"write"/.test(line) ? (JSON.parse(line) as { done: number; total: number }) : undefined;
        if (step && step.done < step.total) {
          interruptedAt = step;
          child.kill('SIGINT');
          break;
        }
      }
    });
    // 'close', not 'exit': tsx runs the command in a child of its own, which holds the pipes until it is done.
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    try {
      expect(interruptedAt).toBeDefined();
      expect(code).toBe(130);
      expect(stderr).toMatch(/interrupted; rolling back/);
      expect(stdout).not.toMatch(/^imported/m);
      expect(await graphFingerprint(db)).toEqual(before);
      const [left] = await db.read<{ n: number }>("MATCH (f:ImportedFile) WHERE f.source STARTS WITH 'src-bench-' RETURN count(f) AS n");
      expect(left?.n).toBe(0);
    } finally {
      if (code !== 130) {
        // The import went through after all: take its facts out again so the other tests see the usual graph.
        await db.write("MATCH (n) WHERE n.id STARTS WITH 'src-bench-' OR any(s IN coalesce(n.evidenceSources, []) WHERE s STARTS WITH 'src-bench-') DETACH DELETE n");
        await db.write("MATCH (n) WHERE n:ImportedFile AND n.source STARTS WITH 'src-bench-' DELETE n");
      }
    }
  }, 300_000);
});
