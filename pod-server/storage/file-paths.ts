import { join, resolve, sep } from 'node:path';
import { HttpError } from '../../service-kit/errors.ts';

/**
 * Where a resource lives on disk. A resource '/a/b' is the file DATA_DIR/a/b, a container
 * '/a/' the directory DATA_DIR/a; names ending in '$' are ours (metadata, temp files),
 * which is why ldp/paths.ts refuses them in URLs.
 */
export const CONTAINER_BODY = '.container$';
export const META_SUFFIX = '.meta$';
/** Temp files of the layout before TEMP_DIR: beside their target, found only when in the way. */
export const TEMP_SUFFIX = '.tmp$';
/** New versions are written here first and renamed into place; emptied at start-up. */
export const TEMP_DIR = 'tmp$';

/** What the file system holds (Linux): 255 bytes per name, 4096 per path. */
const NAME_MAX = 255;
const PATH_MAX = 4096;

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
 * The last check before the file system: a name that, with our longest suffix, would not fit
 * is a 414, not an ENAMETOOLONG. URLs are held to tighter limits (ldp/paths.ts) that leave room
 * for '.acl' and our suffixes; this catches names made by the server itself.
 */
function checkLengths(root: string, resourcePath: string): void {
  if (Buffer.byteLength(root) + Buffer.byteLength(resourcePath) + META_SUFFIX.length >= PATH_MAX) {
    throw new HttpError(414, 'path_too_long', 'The path is too long for storage');
  }
  for (const segment of resourcePath.split('/')) {
    if (Buffer.byteLength(segment) + META_SUFFIX.length > NAME_MAX) throw new HttpError(414, 'name_too_long', 'A name in the path is too long for storage');
  }
}

/**
 * Maps a resource path to file system locations, and refuses (by throwing) anything that
 * would land outside the data directory: a second line of defence behind URL parsing.
 */
export function locate(dataDir: string, resourcePath: string): FileLocation {
  const root = resolve(dataDir);
  if (!resourcePath.startsWith('/')) throw new Error(`Resource path must start with '/': ${resourcePath}`);
  checkLengths(root, resourcePath);
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
