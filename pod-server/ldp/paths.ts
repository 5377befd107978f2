import { BadRequest } from '../errors.ts';

/**
 * Turns the raw request target into a decoded resource path, refusing everything that could
 * step outside the pod or alias another resource: dot segments (plain or percent-encoded),
 * encoded slashes and backslashes, NUL and other control characters, malformed escapes, and
 * names ending in '$' (reserved for the server's own files).
 */
export function resourcePathFromUrl(rawTarget: string): string {
  const queryStart = rawTarget.search(/[?#]/);
  const rawPath = queryStart === -1 ? rawTarget : rawTarget.slice(0, queryStart);
  if (!rawPath.startsWith('/')) throw new BadRequest('The request target must be an absolute path', 'invalid_path');
  if (rawPath.includes('//')) throw new BadRequest('Empty path segments are not allowed', 'invalid_path');
  const segments = rawPath.split('/').slice(1);
  const decoded = segments.map(decodeSegment);
  return '/' + decoded.join('/');
}

function decodeSegment(raw: string): string {
  if (/%(2f|5c|00)/i.test(raw)) throw new BadRequest('Encoded slashes, backslashes and NUL are not allowed in paths', 'invalid_path');
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    throw new BadRequest(`Malformed percent-encoding in path segment ${JSON.stringify(raw)}`, 'invalid_path');
  }
  if (segment === '.' || segment === '..') throw new BadRequest('Dot segments are not allowed in paths', 'invalid_path');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(segment)) throw new BadRequest('Control characters and backslashes are not allowed in paths', 'invalid_path');
  if (segment.endsWith('$')) throw new BadRequest("Names ending in '$' are reserved by the server", 'invalid_path');
  return segment;
}

/** Percent-encodes each segment so that the URL round-trips through resourcePathFromUrl. */
export function urlForPath(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/$/, '') + path.split('/').map(encodePathSegment).join('/');
}

function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Parses an absolute IRI inside this server into a resource path, or undefined if it is elsewhere. */
export function pathForUrl(baseUrl: string, url: string): string | undefined {
  const base = baseUrl.replace(/\/$/, '');
  if (url !== base && !url.startsWith(base + '/')) return undefined;
  try {
    return resourcePathFromUrl(url.slice(base.length) || '/');
  } catch {
    return undefined;
  }
}

export const ACL_SUFFIX = '.acl';
export const isAclPath = (path: string): boolean => path.endsWith(ACL_SUFFIX) && !path.endsWith('/');

/** The ACL document governing a resource: '/a/b' -> '/a/b.acl', '/a/' -> '/a/.acl'. */
export function aclPathFor(path: string): string {
  return path + ACL_SUFFIX;
}

/** The resource an ACL document governs: '/a/b.acl' -> '/a/b', '/a/.acl' -> '/a/'. */
export function subjectOfAcl(aclPath: string): string {
  return aclPath.slice(0, -ACL_SUFFIX.length);
}
