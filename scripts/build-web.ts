/**
 * Builds the explorer: bundles web/src (TypeScript, Cytoscape.js) and web/styles.css into web/dist with
 * esbuild and copies web/index.html. Everything the page needs ends up in web/dist, so the server sends it
 * all itself and the page works offline. `npm run build:web`; the browser tests call buildWeb() too, so they
 * always exercise the current sources.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const WEB = path.resolve(__dirname, '..', 'web');
const DIST = path.join(WEB, 'dist');

export interface WebBuild {
  dist: string;
  files: Record<string, number>;
}

export async function buildWeb(options: { minify?: boolean } = {}): Promise<WebBuild> {
  const minify = options.minify ?? true;
  await fs.promises.rm(DIST, { recursive: true, force: true });
  await fs.promises.mkdir(DIST, { recursive: true });
  await build({
    entryPoints: {
      app: path.join(WEB, 'src', 'main.ts'),
      // Sends the shared view's first requests while app.js is still being parsed.
      prefetch: path.join(WEB, 'src', 'prefetch.ts'),
      styles: path.join(WEB, 'styles.css'),
    },
    outdir: DIST,
    bundle: true,
    minify,
    sourcemap: true,
    format: 'esm',
    target: ['es2022'],
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await fs.promises.copyFile(path.join(WEB, 'index.html'), path.join(DIST, 'index.html'));
  const files: Record<string, number> = {};
  for (const name of await fs.promises.readdir(DIST)) files[name] = (await fs.promises.stat(path.join(DIST, name))).size;
  return { dist: DIST, files };
}

if (require.main === module) {
  buildWeb().then(
    ({ files }) => {
      const kb = (n: number) => `${Math.round(n / 1024)} KiB`;
      console.log(`web/dist: ${Object.entries(files).map(([f, n]) => `${f} ${kb(n)}`).join(', ')}`);
    },
    (err: Error) => {
      console.error(`build:web failed: ${err.message}`);
      process.exit(1);
    },
  );
}
