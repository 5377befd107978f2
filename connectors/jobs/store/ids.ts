import { createHash } from 'node:crypto';

/**
 * Our id of an ad first seen as (source, sourceId): stable across restarts and re-imports, so an
 * update from the same source lands on the same ad, and short enough for a URL (16 hex digits).
 */
export function adId(source: string, sourceId: string): string {
  return createHash('sha256').update(source).update('\0').update(sourceId).digest('hex').slice(0, 16);
}

/** A hash of content (used for a source id when the source gives none, and to see re-sends). */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}
