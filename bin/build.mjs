// Bundles the server's own TypeScript into one ES module (dependencies stay in node_modules).
// `npm start` runs this first: plain node then starts in a fraction of the time and memory
// that loading TypeScript through a loader thread costs. Tests keep using tsx directly.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Modules find their data files (ontology, shapes, taxonomy) next to their source through
// import.meta.url; inside a bundle that would point at dist/, so each module keeps its own.
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

const entries = process.argv.slice(2);
// The JSON-LD worker is an entry of its own; the server finds it by the URL defined here.
const jsonLdWorker = { in: 'pod-server/rdf/jsonld-worker.ts', out: 'jsonld-worker' };
await rm('dist', { recursive: true, force: true }); // no chunks left over from an older build
await build({
  entryPoints: [...(entries.length ? entries : ['bin/start.ts']).map((path) => ({ in: path, out: basename(path, '.ts') })), jsonLdWorker],
  define: { __JSONLD_WORKER_URL__: JSON.stringify(pathToFileURL(resolve('dist', `${jsonLdWorker.out}.mjs`)).href) },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  splitting: true, // dynamic imports (vocabulary, JSON-LD) become chunks loaded on first use
  sourcemap: true,
  logLevel: 'warning',
  plugins: [keepModuleUrls],
});
