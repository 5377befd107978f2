// Bundles the server's own TypeScript into one ES module (dependencies stay in node_modules).
// Plain node then starts in a fraction of the time and memory that loading TypeScript through a
// loader thread costs. `npm install` builds it (the `prepare` script); `npm start` (bin/launch.mjs)
// rebuilds only when a source changed. Tests keep using tsx directly.
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILD_INPUTS, DIST, ROOT, fingerprint } from './bundle-state.mjs';

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

/** Builds dist/ from the given entry points (default: the server) and records what it was built from. */
export async function buildBundle(entries = []) {
  // The JSON-LD worker is an entry of its own, beside the chunks that load it (see jsonld-pool.ts).
  const jsonLdWorker = { in: 'pod-server/rdf/jsonld-worker.ts', out: 'jsonld-worker' };
  await rm(DIST, { recursive: true, force: true }); // no chunks left over from an older build
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [...(entries.length ? entries : ['bin/start.ts', 'bin/start-jobs.ts']).map((path) => ({ in: path, out: basename(path, '.ts') })), jsonLdWorker],
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    splitting: true, // dynamic imports (vocabulary, JSON-LD) become chunks loaded on first use
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [keepModuleUrls],
  });
  // Only a server bundle is reused by `npm start`; one built for other entries is always stale for it.
  if (entries.length) return;
  const inputs = [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS].sort();
  await writeFile(`${DIST}/.inputs.json`, JSON.stringify({ inputs, fingerprint: fingerprint(inputs) }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildBundle(process.argv.slice(2));
}
