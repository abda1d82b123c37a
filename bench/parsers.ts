/**
 * `npx tsx bench/parsers.ts [corpus data folder] [--runs K]`: how fast each candidate parser reads the corpus
 * files, with the importer's requirements (YAML 1.2 core schema: dates stay strings; duplicate keys refused;
 * line numbers in errors). Prints MB/s and files/s per parser, median of K runs, and checks that every
 * parser gives the same documents as the one the importer used before (yaml's parseDocument).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';
import { median } from './measure';



import jsYaml from 'js-yaml';

const dir = path.resolve(process.argv[2] ?? 'bench/out/corpus-100000-1/data');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(dir, f));
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const jsonLines = texts.map((t) => JSON.stringify(YAML.parse(t)));
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
const jsonBytes = jsonLines.reduce((s, t) => s + Buffer.byteLength(t), 0);

const candidates: Array<{ name: string; input: string[]; size: number; parse: (t: string) => unknown }> = [
  { name: 'yaml parseDocument+toJS (before)', input: texts, size: bytes, parse: (t) => YAML.parseDocument(t, { uniqueKeys: true }).toJS() },
  { name: 'yaml parse', input: texts, size: bytes, parse: (t) => YAML.parse(t, { uniqueKeys: true }) },
  { name: 'js-yaml load (CORE_SCHEMA)', input: texts, size: bytes, parse: (t) => jsYaml.load(t, { schema: jsYaml.CORE_SCHEMA }) },
  { name: 'JSON lines, JSON.parse', input: jsonLines, size: jsonBytes, parse: (t) => JSON.parse(t) },
];

const reference = texts.map((t) => YAML.parseDocument(t, { uniqueKeys: true }).toJS());
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(1)} MB of YAML (${(jsonBytes / 1e6).toFixed(1)} MB as JSON lines), median of ${runs} runs`);
for (const c of candidates) {
  const times: number[] = [];
  let same = true;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const docs = c.input.map((t) => c.parse(t));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r === 0) same = docs.every((d, i) => isDeepStrictEqual(d, reference[i]));
  }
  const ms = median(times);
  console.log(
    `${c.name.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms  ${(c.size / 1e6 / (ms / 1000)).toFixed(1).padStart(6)} MB/s  ` +
      `${((files.length / ms) * 1000).toFixed(0).padStart(6)} files/s  same documents: ${same}`,
  );
}
