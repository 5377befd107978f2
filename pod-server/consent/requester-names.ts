import type { AccessRequest } from '../../consent/index.ts';
import { fetchClientIdDocument } from '../identity/client-documents.ts';

const MAX_NAME = 200;

export interface NameSources {
  /** The label of a client registered on this server (client_credentials), if it belongs to this WebID. */
  registeredClientName?: (clientId: string, webId: string) => string | undefined;
}

/**
 * The names a citizen is shown, taken once, when the request arrives, and stored with it: the
 * requester's name from its WebID profile (read already, to check the request's replyTo) and
 * the client's name. A name the request itself carries is replaced, and a later rename of the
 * profile changes no stored request or record. A lookup that fails leaves the name out (the page
 * then shows the WebID).
 */
export async function recordNames(request: AccessRequest, profileName: string | undefined, sources: NameSources): Promise<AccessRequest> {
  const { requesterName: _stated, clientName: _statedClient, ...rest } = request;
  const requesterName = cleanName(profileName);
  const clientName = await clientNameOf(request, sources).catch(() => undefined);
  return { ...rest, ...(requesterName ? { requesterName } : {}), ...(clientName ? { clientName } : {}) };
}

/** Printable, single-line, at most 200 characters: it ends up in a heading. */
export function cleanName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return text ? [...text].slice(0, MAX_NAME).join('') : undefined;
}

async function clientNameOf(request: AccessRequest, sources: NameSources): Promise<string | undefined> {
  const { clientId } = request;
  if (!clientId) return undefined;
  if (/^https?:\/\//.test(clientId)) return cleanName((await fetchClientIdDocument(clientId))?.client_name);
  return cleanName(sources.registeredClientName?.(clientId, request.requester));
}
