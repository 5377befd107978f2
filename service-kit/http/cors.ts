import type { IncomingMessage, ServerResponse } from 'node:http';

const EXPOSED = [
  'Accept-Patch', 'Accept-Post', 'Accept-Put', 'Allow', 'Content-Length', 'Content-Type', 'ETag', 'Last-Modified',
  'Link', 'Location', 'Vary', 'WAC-Allow', 'WWW-Authenticate', 'Updates-Via', 'X-Request-Id',
].join(', ');
const METHODS = 'GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE';

/**
 * Browser apps on any origin may call a pod (access is decided by WAC, which can restrict
 * origins with acl:origin), so CORS reflects the caller's origin with credentials allowed.
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse): boolean {
  const origin = request.headers.origin;
  response.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Access-Control-Expose-Headers', EXPOSED);
  const preflightMethod = request.headers['access-control-request-method'];
  if (request.method !== 'OPTIONS' || !preflightMethod) return false;
  response.setHeader('Access-Control-Allow-Methods', METHODS);
  const requestedHeaders = request.headers['access-control-request-headers'];
  if (requestedHeaders) response.setHeader('Access-Control-Allow-Headers', requestedHeaders);
  response.setHeader('Access-Control-Max-Age', '86400');
  response.setHeader('Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
  response.writeHead(204).end();
  return true;
}
