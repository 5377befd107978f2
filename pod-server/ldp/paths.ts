import { BadRequest, HttpError } from '../../service-kit/errors.ts';

/**
 * Longest name (one path segment, in UTF-8 bytes) and resource path a client may use. File
 * systems hold 255 bytes per name; the server adds up to 10 to a name ('.acl' and '.meta$'),
 * and 200 leaves room for that on every common file system. 2048 bytes of path keeps
 * DATA_DIR + path well inside PATH_MAX (4096). Longer ones are a 414, not a file system error.
 */
export const MAX_NAME_BYTES = 200;
export const MAX_PATH_BYTES = 2048;

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
  // Checked on the raw text first so that a huge target costs no decoding; encoded it is at least as long.
  if (rawPath.length > MAX_PATH_BYTES * 3) throw pathTooLong();
  const segments = rawPath.split('/').slice(1);
  const decoded = segments.map(decodeSegment);
  const path = '/' + decoded.join('/');
  if (Buffer.byteLength(path) > MAX_PATH_BYTES) throw pathTooLong();
  return path;
}

const pathTooLong = () => new HttpError(414, 'path_too_long', `The path is longer than ${MAX_PATH_BYTES} bytes`);

/** Cuts a name to MAX_NAME_BYTES - reserve bytes of UTF-8 without splitting a character. */
export function fitName(name: string, reserve = 0): string {
  const limit = MAX_NAME_BYTES - reserve;
  if (Buffer.byteLength(name) <= limit) return name;
  let result = '';
  let bytes = 0;
  for (const char of name) {
    bytes += Buffer.byteLength(char);
    if (bytes > limit) break;
    result += char;
  }
  return result;
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
  // A resource's ACL ('name.acl') must stay addressable however long the name.
  if (Buffer.byteLength(segment) > MAX_NAME_BYTES + (segment.endsWith(ACL_SUFFIX) ? ACL_SUFFIX.length : 0)) {
    throw new HttpError(414, 'name_too_long', `The name ${JSON.stringify(fitName(segment, MAX_NAME_BYTES - 32) + '…')} is longer than ${MAX_NAME_BYTES} bytes (UTF-8)`);
  }
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
