// Whether dist/ still matches its sources. The build records every file esbuild read (from its
// metafile) with size and mtime; a start compares them with a few dozen stat calls (~2 ms), so
// only a start after an edit, a checkout or a pull pays for a rebuild.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** Files that shape the bundle without being part of it. */
export const BUILD_INPUTS = ['bin/build.mjs', 'bin/bundle-state.mjs', 'tsconfig.json'];

/** Size and mtime of each input, as one string; a missing file reads as "-". */
export function fingerprint(inputs) {
  return inputs.map((path) => {
    try {
      const { size, mtimeMs } = statSync(join(ROOT, path));
      return `${size}:${mtimeMs}`;
    } catch {
      return '-';
    }
  }).join(',');
}

/** Why dist/ must be rebuilt before it runs, or undefined when it is current. */
export function staleReason() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(join(DIST, '.inputs.json'), 'utf8'));
  } catch {
    return 'no bundle yet';
  }
  if (!Array.isArray(recorded.inputs) || fingerprint(recorded.inputs) !== recorded.fingerprint) return 'sources changed';
  return undefined;
}
