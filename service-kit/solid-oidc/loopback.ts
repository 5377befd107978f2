/**
 * A newcomer may open http://localhost:3000/ or http://127.0.0.1:3000/ for the same server.
 * Loopback names are treated as one host when comparing URLs; nothing else is.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The URL with a loopback host replaced by 'localhost', for comparison only. */
export function canonicalLoopback(url: URL): URL {
  if (!LOOPBACK.has(url.hostname)) return url;
  const copy = new URL(url.href);
  copy.hostname = 'localhost';
  return copy;
}
