import { join, resolve, sep } from 'node:path';

/**
 * Where a resource lives on disk. A resource '/a/b' is the file DATA_DIR/a/b, a container
 * '/a/' the directory DATA_DIR/a; names ending in '$' are ours (metadata, temp files),
 * which is why ldp/paths.ts refuses them in URLs.
 */
export const CONTAINER_BODY = '.container$';
export const META_SUFFIX = '.meta$';
export const TEMP_SUFFIX = '.tmp$';

export function isInternalName(name: string): boolean {
  return name.endsWith('$');
}

export interface FileLocation {
  /** The file holding the bytes (for a container: its own stored triples). */
  file: string;
  /** The directory a container maps to; undefined for non-containers. */
  dir?: string;
  /** Sidecar with the content type, for non-containers. */
  meta?: string;
}

/**
 * Maps a resource path to file system locations, and refuses (by throwing) anything that
 * would land outside the data directory: a second line of defence behind URL parsing.
 */
export function locate(dataDir: string, resourcePath: string): FileLocation {
  const root = resolve(dataDir);
  if (!resourcePath.startsWith('/')) throw new Error(`Resource path must start with '/': ${resourcePath}`);
  const segments = resourcePath.split('/').slice(1);
  const isContainer = resourcePath.endsWith('/');
  if (isContainer) segments.pop();
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || segment.includes('\0') || segment.includes('\\') || isInternalName(segment)) {
      throw new Error(`Unsafe path segment in ${JSON.stringify(resourcePath)}`);
    }
  }
  const target = join(root, ...segments);
  if (target !== root && !target.startsWith(root + sep)) throw new Error(`Path escapes the data directory: ${resourcePath}`);
  if (isContainer) return { file: join(target, CONTAINER_BODY), dir: target };
  return { file: target, meta: target + META_SUFFIX };
}
