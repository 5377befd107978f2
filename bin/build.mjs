// Bundles the server's own TypeScript into one ES module (dependencies stay in node_modules).
// `npm start` runs this first: plain node then starts in a fraction of the time and memory
// that loading TypeScript through a loader thread costs. Tests keep using tsx directly.
import { build } from 'esbuild';

const entries = process.argv.slice(2);
await build({
  entryPoints: entries.length ? entries : ['bin/start.ts'],
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
