import type { AccessRequest } from '../../consent/index.ts';
import { fetchClientIdDocument } from '../identity/client-documents.ts';
import { pathForUrl } from '../ldp/paths.ts';
import { parseRdf } from '../rdf/parse.ts';
import type { ResourceStore } from '../storage/store.ts';

const NAME_PREDICATES = ['http://xmlns.com/foaf/0.1/name', 'http://schema.org/name', 'http://www.w3.org/2006/vcard/ns#fn'];
const MAX_PROFILE_BYTES = 256 * 1024;
const MAX_NAME = 200;
const TIMEOUT_MS = 5000;

export interface NameSources {
  store: ResourceStore;
  baseUrl: string;
  /** The label of a client registered on this server (client_credentials), if it belongs to this WebID. */
  registeredClientName?: (clientId: string, webId: string) => string | undefined;
  fetch?: typeof fetch;
}

/**
 * The names a citizen is shown, looked up once, when the request arrives, and stored with it:
 * the requester's name from its WebID profile and the client's name. A name the request itself
 * carries is replaced, and a later rename of the profile changes no stored request or record.
 * A lookup that fails leaves the name out (the page then shows the WebID).
 */
export async function recordNames(request: AccessRequest, sources: NameSources): Promise<AccessRequest> {
  const { requesterName: _stated, clientName: _statedClient, ...rest } = request;
  const [requesterName, clientName] = await Promise.all([
    profileName(request.requester, sources).catch(() => undefined),
    clientNameOf(request, sources).catch(() => undefined),
  ]);
  return { ...rest, ...(requesterName ? { requesterName } : {}), ...(clientName ? { clientName } : {}) };
}

/** Printable, single-line, at most 200 characters: it ends up in a heading. */
export function cleanName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return text ? [...text].slice(0, MAX_NAME).join('') : undefined;
}

async function profileName(webId: string, sources: NameSources): Promise<string | undefined> {
  const documentUrl = webId.split('#')[0];
  const path = pathForUrl(sources.baseUrl, documentUrl);
  let text: string;
  let contentType: string;
  if (path !== undefined) {
    const profile = await sources.store.read(path);
    if (!profile || profile.body.length > MAX_PROFILE_BYTES) return undefined;
    [text, contentType] = [profile.body.toString('utf8'), profile.contentType];
  } else {
    // The requester is authenticated, so its profile was already fetched to check its issuer.
    const response = await (sources.fetch ?? fetch)(documentUrl, { headers: { accept: 'text/turtle, application/ld+json;q=0.8' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return undefined;
    contentType = response.headers.get('content-type') ?? 'text/turtle';
    text = await cappedText(response, MAX_PROFILE_BYTES);
  }
  const quads = await parseRdf(text, contentType, documentUrl);
  for (const predicate of NAME_PREDICATES) {
    const name = cleanName(quads.find((q) => q.subject.value === webId && q.predicate.value === predicate && q.object.termType === 'Literal')?.object.value);
    if (name) return name;
  }
  return undefined;
}

async function clientNameOf(request: AccessRequest, sources: NameSources): Promise<string | undefined> {
  const { clientId } = request;
  if (!clientId) return undefined;
  if (/^https?:\/\//.test(clientId)) return cleanName((await fetchClientIdDocument(clientId))?.client_name);
  return cleanName(sources.registeredClientName?.(clientId, request.requester));
}

/** The body as text, refusing more than `max` bytes (read as it streams, never whole first). */
async function cappedText(response: Response, max: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > max) throw new Error('profile too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
