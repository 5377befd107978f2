// Reading a citizen's public WebID profile for its inbox, as a stranger would: bounded and unauthenticated.
import { parseDocument, TURTLE } from '../../vocab/index.ts';
import { boundedText } from '../../service-kit/http/bounded-text.ts';

const LDP_INBOX = 'http://www.w3.org/ns/ldp#inbox';
const MAX_BYTES = 256 * 1024;
const TIMEOUT_MS = 5000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(message: string, readonly code: 'invalid_webid' | 'unreachable' | 'no_inbox') { super(message); }
}

/**
 * An http(s) URL we may contact for a WebID someone typed: https anywhere; plain http only on a
 * loopback host, and only when this agent itself runs on one (a developer's machine).
 */
export function contactableUrl(value: unknown, agentOrigin: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) throw new ProfileError('not a URL', 'invalid_webid');
  let url: URL;
  try { url = new URL(value); } catch { throw new ProfileError('not an absolute URL', 'invalid_webid'); }
  const loopback = url.protocol === 'http:' && LOOPBACK.has(url.hostname) && LOOPBACK.has(new URL(agentOrigin).hostname);
  if ((url.protocol !== 'https:' && !loopback) || url.username || url.password) throw new ProfileError('only https URLs', 'invalid_webid');
  return url.href;
}

/** The ldp:inbox the WebID's profile names (no redirects, a timeout, a size cap; no credentials sent). */
export async function findInbox(webId: string, agentOrigin: string): Promise<string> {
  const id = contactableUrl(webId, agentOrigin);
  const documentUrl = id.split('#')[0];
  let text: string | undefined;
  let contentType = TURTLE;
  try {
    const response = await fetch(documentUrl, { headers: { accept: `${TURTLE}, application/ld+json;q=0.9` }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.ok) {
      contentType = response.headers.get('content-type') ?? TURTLE;
      text = await boundedText(response, MAX_BYTES);
    } else await response.body?.cancel();
  } catch { /* unreachable: said below */ }
  if (text === undefined) throw new ProfileError(`the profile ${documentUrl} could not be read`, 'unreachable');
  let inbox: string | undefined;
  try {
    inbox = (await parseDocument(text, { contentType, baseIri: documentUrl })).node(id, LDP_INBOX);
  } catch {
    throw new ProfileError(`the profile ${documentUrl} is not readable RDF`, 'no_inbox');
  }
  if (!inbox) throw new ProfileError(`${id} names no ldp:inbox`, 'no_inbox');
  try { return contactableUrl(inbox, agentOrigin); } catch { throw new ProfileError(`the inbox ${inbox} is not an https URL`, 'no_inbox'); }
}
