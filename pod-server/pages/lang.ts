import type { IncomingMessage, ServerResponse } from 'node:http';

/** The languages of every page a citizen sees: Swedish by default, English on request. */
export type Lang = 'sv' | 'en';

const COOKIE = 'lang';
const YEAR_SECONDS = 365 * 24 * 3600;

export const otherLang = (lang: Lang): Lang => (lang === 'sv' ? 'en' : 'sv');

/**
 * The page's language: `?lang=en|sv` (remembered in a cookie), else the cookie, else Swedish.
 * Only the two known values are ever used or stored. Works on plain Node requests too, so
 * oidc-provider's own pages (errors, logout) follow the same choice.
 */
export function chooseLang(req: IncomingMessage, res: ServerResponse): Lang {
  const asked = new URL(req.url ?? '/', 'http://x').searchParams.get('lang');
  if (asked === 'sv' || asked === 'en') {
    appendCookie(res, `${COOKIE}=${asked}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax`);
    return asked;
  }
  const cookie = /(?:^|;\s*)lang=(sv|en)(?:;|$)/.exec(req.headers.cookie ?? '');
  return cookie ? (cookie[1] as Lang) : 'sv';
}

function appendCookie(res: ServerResponse, line: string): void {
  const existing = res.getHeader('Set-Cookie');
  const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
  res.setHeader('Set-Cookie', [...list, line]);
}

/**
 * `url` (a path with its query) with some query parameters replaced or removed; the rest of the
 * query stays, so a language switch keeps `return`, an interaction's id or a page number.
 */
export function withQuery(url: string, changes: Record<string, string | undefined>): string {
  const parsed = new URL(url, 'http://x');
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) parsed.searchParams.delete(key);
    else parsed.searchParams.set(key, value);
  }
  return parsed.pathname + parsed.search;
}

/**
 * The link to the same page in the other language. A GET keeps its own address; a POST that
 * re-renders a form (an error) links to the page the form lives on, `formPath` with the
 * parameters that matter (never the passwords or tokens that were posted).
 */
export function switchHref(req: IncomingMessage & { originalUrl?: string }, lang: Lang, formPath?: string): string {
  const base = req.method === 'GET' || req.method === 'HEAD' || !formPath ? (req.originalUrl ?? req.url ?? '/') : formPath;
  return withQuery(base, { lang: otherLang(lang) });
}
