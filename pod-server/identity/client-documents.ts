import type { AdapterPayload } from 'oidc-provider';
import { ByteLru } from '../../service-kit/byte-lru.ts';

const MAX_BYTES = 64 * 1024;
const CACHE_MS = 5 * 60_000;
/** At most this much memory for remembered documents (each is at most MAX_BYTES). */
const cache = new ByteLru<{ at: number; metadata: AdapterPayload | undefined }>(4 * 1024 * 1024);

/**
 * Solid-OIDC Client ID Documents: a client_id that is an https URL (or, for developers running
 * an app and this server on their own machine, a plain-http loopback URL) names a JSON-LD
 * document with the client's metadata. Fetched with no redirects, a timeout and a size cap,
 * and remembered for a few minutes so token requests do not refetch it each time.
 */
export async function fetchClientIdDocument(clientId: string): Promise<AdapterPayload | undefined> {
  const cached = cache.get(clientId);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.metadata;
  const metadata = await fetchDocument(clientId);
  cache.set(clientId, { at: Date.now(), metadata }, metadata ? JSON.stringify(metadata).length * 2 : 0);
  return metadata;
}

async function fetchDocument(clientId: string): Promise<AdapterPayload | undefined> {
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
