import type { AdapterPayload } from 'oidc-provider';

const MAX_BYTES = 64 * 1024;

/**
 * Solid-OIDC Client ID Documents on loopback hosts, for developers running an app and this
 * server on their own machine. https client_ids are resolved by oidc-provider's own Client
 * ID Metadata Document support; only plain-http loopback URLs (which it refuses) come here,
 * and only when the server itself runs on a loopback host.
 */
export async function fetchLoopbackClientDocument(clientId: string): Promise<AdapterPayload | undefined> {
  let response: Response;
  try {
    response = await fetch(clientId, { headers: { accept: 'application/ld+json, application/json' }, redirect: 'error', signal: AbortSignal.timeout(5000) });
  } catch {
    return undefined;
  }
  if (response.status !== 200) return undefined;
  const text = await response.text();
  if (text.length > MAX_BYTES) return undefined;
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof document !== 'object' || document === null || document.client_id !== clientId) return undefined;
  if ('client_secret' in document) return undefined;
  const { '@context': _context, ...metadata } = document;
  return { ...metadata, client_id: clientId, token_endpoint_auth_method: 'none' } as AdapterPayload;
}
