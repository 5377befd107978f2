/** Longest return path accepted; longer ones are dropped (the person lands on their account page). */
const MAX_LENGTH = 2048;

/**
 * A path on this server to go back to after logging in, or undefined. Only a same-origin
 * path is accepted ("/x", never "//host", "/\\host", "https://…" or control characters), so the
 * login form cannot be turned into a redirect to another site.
 */
export function safeReturnPath(value: unknown, baseUrl: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, baseUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(baseUrl).origin) return undefined;
  // Back to the login or logout form itself would be a loop.
  if (/^\/\.account\/(login|logout|signup)(\/|$)/.test(url.pathname)) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where to send someone who must log in first and then come back to `path` (for other pages, e.g. consent). */
export function loginPath(path: string): string {
  return `/.account/login?return=${encodeURIComponent(path)}`;
}
