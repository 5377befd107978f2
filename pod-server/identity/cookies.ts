import type { IncomingMessage, ServerResponse } from 'node:http';

/** The named cookie's value, or undefined when absent or malformed (a bad escape is no cookie, never a 500). */
export function readCookie(request: IncomingMessage, name: string): string | undefined {
  // Node bounds the header (16 KB), so this loop is bounded too.
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function setCookie(response: ServerResponse, name: string, value: string, options: { secure: boolean; path: string; maxAge?: number }): void {
  const attributes = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path}`, 'HttpOnly', 'SameSite=Lax'];
  if (options.secure) attributes.push('Secure');
  if (options.maxAge !== undefined) attributes.push(`Max-Age=${options.maxAge}`);
  const existing = response.getHeader('Set-Cookie');
  const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
  response.setHeader('Set-Cookie', [...list, attributes.join('; ')]);
}
