/**
 * Export time and peak memory per format: runs `npm run export`'s CLI once per format (and run) against the
 * Neo4j in NEO4J_URI, under /usr/bin/time, and prints the median wall time, the median peak resident memory of
 * the exporting process, and the file's size. The database must already hold the graph to measure.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7712 NEO4J_PASSWORD=… npx tsx bench/export.ts [--runs 3] [--formats ftm,gexf]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const runs = Number(option('runs', '3'));
const formats = option('formats', 'ftm,gexf,graphml,cypher,csv').split(',');
if (!process.env.NEO4J_URI) {
  process.stderr.write('NEO4J_URI must name the Neo4j holding the graph to export\n');
  process.exit(2);
}
const out = path.join(ROOT, 'bench', 'out', 'export');
fs.mkdirSync(out, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const size = (p: string): number => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).reduce((s, f) => s + size(path.join(p, f)), 0) : fs.statSync(p).size);

const results: Array<Record<string, unknown>> = [];
for (const format of formats) {
  const target = path.join(out, format === 'csv' ? 'csv' : `graph.${format}`);
  const seconds: number[] = [];
  const rssMiB: number[] = [];
  for (let run = 0; run < runs; run++) {
    const res = spawnSync(
      '/usr/bin/time',
      ['-f', 'TIME %e %M', process.execPath, '--import', 'tsx', path.join(ROOT, 'src', 'cli', 'export.ts'), '--format', format, '--out', target],
      { cwd: ROOT, encoding: 'utf8', env: process.env },
    );
    const m = /TIME ([\d.]+) (\d+)/.exec(res.stderr);
    if (res.status !== 0 || !m) throw new Error(`export ${format} failed: ${res.stderr}`);
    seconds.push(Number(m[1]));
    rssMiB.push(Number(m[2]) / 1024);
  }
  const row = { format, runs, seconds: median(seconds), allSeconds: seconds, peakRssMiB: Math.round(median(rssMiB)), allRssMiB: rssMiB.map(Math.round), bytes: size(target) };
  results.push(row);
  process.stdout.write(`${format.padEnd(8)} ${row.seconds.toFixed(1).padStart(7)} s  ${String(row.peakRssMiB).padStart(5)} MiB  ${(row.bytes / 1e6).toFixed(1).padStart(8)} MB\n`);
}
fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify({ when: new Date().toISOString(), results }, null, 2));
