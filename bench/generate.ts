/**
 * `npm run bench:data -- --relationships N --seed S [--out DIR]`: writes a synthetic corpus in the dataset
 * format to bench/out/corpus-<N>-<S>/ (data/*.yaml and sources/*.txt), ready for `npm run import`.
 */
import path from 'node:path';
import { parseArgs } from './args';
import { generateCorpus } from './synthetic/corpus';

export const BENCH_OUT = path.resolve(__dirname, 'out');

export function corpusDir(relationships: number, seed: number, out = BENCH_OUT): string {
  return path.join(out, `corpus-${relationships}-${seed}`);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), { relationships: 'int', seed: 'int', out: 'string' }, 'npm run bench:data -- --relationships N [--seed S] [--out DIR]');
  const relationships = args.int('relationships', undefined, 1);
  const seed = args.int('seed', 1, 0);
  const dir = corpusDir(relationships, seed, args.string('out') ? path.resolve(args.string('out')!) : BENCH_OUT);
  let last = 0;
  const manifest = generateCorpus({
    relationships,
    seed,
    dir,
    onProgress: ({ relationships: done, files }) => {
      if (Date.now() - last > 2000) {
        last = Date.now();
        process.stderr.write(`bench:data ${done}/${relationships} relationships, ${files} files\n`);
      }
    },
  });
  const mb = (manifest.bytes / 1e6).toFixed(1);
  process.stdout.write(
    `bench:data wrote ${manifest.relationships} relationships and ${manifest.nodes} nodes in ${manifest.files} files (${mb} MB) ` +
      `to ${path.relative(process.cwd(), dir) || dir} in ${(manifest.generatedInMs / 1000).toFixed(1)} s\n` +
      `  nodes: ${JSON.stringify(manifest.nodesByKind)}\n  relationships: ${JSON.stringify(manifest.relationshipsByType)}\n`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`bench:data: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
