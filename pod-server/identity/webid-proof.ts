import { Parser } from 'n3';
import { BadRequest, HttpError } from '../../service-kit/errors.ts';
import { canonicalLoopback, isLoopbackUrl } from '../../service-kit/solid-oidc/loopback.ts';
import { normalizeIssuer } from '../../service-kit/solid-oidc/issuer-keys.ts';
import { boundedText } from '../../service-kit/http/bounded-text.ts';

const SOLID = 'http://www.w3.org/ns/solid/terms#';
export const REGISTRATION_TOKEN = `${SOLID}oidcIssuerRegistrationToken`;
const OIDC_ISSUER = `${SOLID}oidcIssuer`;
const MAX_PROFILE_BYTES = 64 * 1024;
const TIMEOUT_MS = 5000;
const MAX_WEBID_LENGTH = 2048;

/**
 * A WebID an account may try to link: an absolute https URL (or plain http on a loopback host,
 * only when this server itself runs on one: developer machines), without credentials, and not
 * on this server, whose WebIDs belong to their own accounts.
 */
export function linkableWebId(value: unknown, baseUrl: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_WEBID_LENGTH) throw new BadRequest('webId is required: the absolute URL of the WebID to link', 'invalid_webid');
  let url: URL;
  try { url = new URL(value); } catch { throw new BadRequest(`webId is not an absolute URL: ${value}`, 'invalid_webid'); }
  const loopbackHttp = url.protocol === 'http:' && isLoopbackUrl(url.href) && isLoopbackUrl(baseUrl);
  if (url.protocol !== 'https:' && !loopbackHttp) throw new BadRequest('webId must be an https URL (plain http only on loopback, when this server runs there too)', 'invalid_webid');
  if (url.username || url.password) throw new BadRequest('webId must not carry a user name or password', 'invalid_webid');
  const base = canonicalLoopback(new URL(baseUrl));
  if (canonicalLoopback(url).origin === base.origin) throw new BadRequest('WebIDs on this server belong to their own accounts and cannot be linked', 'local_webid');
  return url.href;
}

/**
 * Fetches the WebID's profile document (no redirects, a timeout, a size cap) and checks that the
 * WebID names this issuer as its solid:oidcIssuer and carries the registration token. Each
 * failure is a 4xx with the reason, so the owner of the WebID knows what to fix.
 */
export async function proveWebId(webId: string, token: string, issuer: string): Promise<void> {
  const documentUrl = webId.split('#')[0];
  let response: Response;
  try {
    response = await fetch(documentUrl, { headers: { accept: 'text/turtle' }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw unproven(`The WebID profile ${documentUrl} could not be fetched (it must answer within ${TIMEOUT_MS / 1000} s, without redirects)`, 'profile_unreachable');
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw unproven(`The WebID profile ${documentUrl} answered ${response.status}`, 'profile_unreachable');
  }
  const text = await boundedText(response, MAX_PROFILE_BYTES);
  if (text === undefined) throw unproven(`The WebID profile is larger than ${MAX_PROFILE_BYTES} bytes`, 'profile_too_large');
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'text/turtle' && type !== 'application/n-triples') throw unproven(`The WebID profile must be served as text/turtle, not ${type || 'no type'}`, 'profile_not_turtle');
  let about: Array<{ predicate: string; object: string }>;
  try {
    about = new Parser({ baseIRI: documentUrl }).parse(text).filter((q) => q.subject.value === webId).map((q) => ({ predicate: q.predicate.value, object: q.object.value }));
  } catch (error) {
    throw unproven(`The WebID profile is not valid Turtle: ${(error as Error).message}`, 'profile_invalid');
  }
  const issuers = about.filter((q) => q.predicate === OIDC_ISSUER).map((q) => normalizeIssuer(q.object));
  if (!issuers.includes(normalizeIssuer(issuer))) throw unproven(`The WebID profile must name this server as issuer: <${webId}> solid:oidcIssuer <${issuer}>`, 'issuer_not_listed');
  if (!about.some((q) => q.predicate === REGISTRATION_TOKEN && q.object === token)) {
    throw unproven(`The WebID profile does not show the registration token: <${webId}> solid:oidcIssuerRegistrationToken "…"`, 'token_not_found');
  }
}

function unproven(message: string, code: string): HttpError {
  return new HttpError(422, code, message);
}
