/**
 * `npm run coverage [-- --data DIR --sources DIR --json]`: for each source document, the share of its sentences
 * quoted by at least one fact, and every sentence no fact quotes, with the reason its data file gives for
 * leaving it out. Exits with 1 when a sentence is neither quoted nor listed, or a listed one is quoted after all.
 */
import path from 'node:path';
import { corpusCoverage } from '../src/corpus/coverage';

const root = path.resolve(__dirname, '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const report = corpusCoverage(path.resolve(arg('--data', path.join(root, 'data'))), path.resolve(arg('--sources', path.join(root, 'data', 'sources'))));

if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
  for (const r of report) {
    const listed = r.uncited.filter((u) => u.notFact).length;
    console.log(`\n${r.sourceFile} (${r.dataFile}): ${r.sentences} sentences, ${r.quoted} quoted by a fact (${pct(r.quoted, r.sentences)}), ${listed} listed as not a fact, ${r.uncited.length - listed} unaccounted`);
    for (const u of r.uncited) {
      const text = u.sentence.text.replace(/\s+/g, ' ');
      console.log(`  ${u.notFact ? 'not a fact' : 'UNCITED   '} #${u.sentence.index} ${JSON.stringify(text)}${u.notFact ? ` — ${u.notFact.reason}` : ''}`);
    }
    for (const nf of r.unused) console.log(`  STALE      notFacts entry accounts for no uncited sentence: ${JSON.stringify(nf.text)}`);
  }
  const total = report.reduce((n, r) => n + r.sentences, 0);
  const quoted = report.reduce((n, r) => n + r.quoted, 0);
  const accounted = report.reduce((n, r) => n + r.quoted + r.uncited.filter((u) => u.notFact).length, 0);
  console.log(`\nall sources: ${total} sentences, ${pct(quoted, total)} quoted by a fact, ${pct(accounted, total)} quoted or listed as not a fact`);
}
const broken = report.some((r) => r.unused.length > 0 || r.uncited.some((u) => !u.notFact));
process.exitCode = broken ? 1 : 0;
