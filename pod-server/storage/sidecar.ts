import { readFile } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import type { ResourceMetadata } from './store.ts';

/**
 * The content type of a non-Turtle document, kept beside it in 'name.meta$' so that the body
 * file itself stays the plain bytes a person stored. The sidecar names the body version it
 * describes and the one it replaces ({contentType, version, previous}), and is written before
 * the body is renamed into place. So the body's rename is the single step that switches
 * versions: whichever body is on disk after a crash, the sidecar knows its type.
 *
 * A version is the body file's inode, mtime (ns) and size, which is also its ETag. Two versions
 * never share one: the new body is a new file while the old one still exists. A body whose
 * version the sidecar does not name (a log that grew by appends, a file restored from a backup
 * or edited by hand) has the sidecar's latest type, which is also how sidecars written before
 * versions were recorded ({contentType} only) are read.
 */
export interface Sidecar {
  contentType: string;
  version?: string;
  previous?: { contentType: string; version: string };
}

const TURTLE = 'text/turtle';
/** What a sidecar we cannot read makes of a body: bytes, never RDF to be parsed. */
const UNREADABLE = 'application/octet-stream';

export const versionOf = (stats: BigIntStats): string => `${stats.ino.toString(36)}-${stats.mtimeNs.toString(36)}-${stats.size.toString(36)}`;

/** '"abc"' -> 'abc': a document's ETag is its version, quoted. */
const unquote = (etag: string): string => etag.replace(/^"|"$/g, '');

/** The sidecar to write before putting `version` in place, or undefined when Turtle replaces Turtle or nothing. */
export function sidecarFor(contentType: string, version: string, current: ResourceMetadata | undefined): Sidecar | undefined {
  if (contentType === TURTLE && (!current || current.contentType === TURTLE)) return undefined;
  const sidecar: Sidecar = { contentType, version };
  if (current) sidecar.previous = { contentType: current.contentType, version: unquote(current.etag) };
  return sidecar;
}

/** The type of the body at `version`: Turtle without a sidecar. */
export function typeOf(sidecar: Sidecar | undefined, version: string): string {
  if (!sidecar) return TURTLE;
  if (sidecar.version === version) return sidecar.contentType;
  if (sidecar.previous?.version === version) return sidecar.previous.contentType;
  return sidecar.contentType;
}

export async function readSidecar(metaFile: string): Promise<Sidecar | undefined> {
  let text: string;
  try {
    text = await readFile(metaFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<Sidecar>;
    if (typeof parsed?.contentType !== 'string') return { contentType: UNREADABLE };
    const previous = parsed.previous && typeof parsed.previous.contentType === 'string' && typeof parsed.previous.version === 'string' ? parsed.previous : undefined;
    return { contentType: parsed.contentType, version: typeof parsed.version === 'string' ? parsed.version : undefined, previous };
  } catch {
    return { contentType: UNREADABLE };
  }
}
