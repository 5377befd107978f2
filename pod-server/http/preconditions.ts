import type { IncomingMessage } from 'node:http';
import { PreconditionFailed } from '../../service-kit/errors.ts';
import type { ResourceMetadata } from '../storage/store.ts';

/** Representations converted by content negotiation get their own strong tag: "<stored>-<suffix>". */
export const VARIANT_SUFFIXES = ['jsonld', 'nt'] as const;
export function variantTag(etag: string, suffix: (typeof VARIANT_SUFFIXES)[number]): string {
  return `${etag.slice(0, -1)}-${suffix}"`;
}

function matches(list: string, current: ResourceMetadata | undefined): boolean {
  if (!current) return false;
  const tags = new Set([current.etag, ...VARIANT_SUFFIXES.map((suffix) => variantTag(current.etag, suffix))]);
  return list.split(',').map((tag) => tag.trim()).some((tag) => tag === '*' || tags.has(tag));
}

/** If-Match / If-None-Match for requests that change state (412 when they fail). */
export function checkWritePreconditions(request: IncomingMessage, current: ResourceMetadata | undefined): void {
  const ifMatch = request.headers['if-match'];
  if (ifMatch !== undefined && !matches(ifMatch, current)) {
    throw new PreconditionFailed(current ? 'The resource has changed (If-Match does not match its ETag)' : 'If-Match was given but the resource does not exist');
  }
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined && matches(ifNoneMatch, current)) {
    throw new PreconditionFailed(ifNoneMatch.trim() === '*' ? 'The resource already exists (If-None-Match: *)' : 'If-None-Match matches the current ETag');
  }
}

/** If-None-Match on GET/HEAD: true means answer 304 Not Modified. */
export function isNotModified(request: IncomingMessage, current: ResourceMetadata): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  return ifNoneMatch !== undefined && matches(ifNoneMatch, current);
}
