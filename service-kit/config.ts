// Settings from the environment, refused with a reason a person can act on.

/** A setting that is a whole number (0 or more), or its default; anything else stops the service with the reason. */
export function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${env[name]}`);
  return value;
}

export function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = wholeNumber(env, name, fallback);
  if (value > 65535) throw new Error(`${name} must be a port number (0-65535), got ${env[name]}`);
  return value;
}

/** An absolute http(s) URL, normalised to end with a slash (a base URL). */
export function baseUrl(value: string, name: string): string {
  let url: URL;
  try { url = new URL(value); } catch { throw new Error(`${name} must be an absolute URL, got ${value}`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http or https URL, got ${value}`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
