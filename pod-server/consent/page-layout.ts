import type { Request, Response } from 'express';
import { html, Html, PAGE_HEADERS } from '../identity/html.ts';
import { TEXT, type Lang } from './page-text.ts';

const LANG_COOKIE = 'lang';
const YEAR_SECONDS = 365 * 24 * 3600;

/** Our pages load nothing from elsewhere, except requesters' https logos. */
export const HEADERS = { ...PAGE_HEADERS, 'Content-Security-Policy': PAGE_HEADERS['Content-Security-Policy'].replace("default-src 'none';", "default-src 'none'; img-src https:;") };

/**
 * The page's language: `?lang=en|sv` (remembered in a cookie), else the cookie, else Swedish.
 * Only the two known values are ever used or stored.
 */
export function chooseLang(req: Request, res: Response): Lang {
  const asked = req.query.lang;
  if (asked === 'sv' || asked === 'en') {
    res.append('Set-Cookie', `${LANG_COOKIE}=${asked}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax`);
    return asked;
  }
  const cookie = /(?:^|;\s*)lang=(sv|en)(?:;|$)/.exec(req.headers.cookie ?? '');
  return cookie ? (cookie[1] as Lang) : 'sv';
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
nav.top{display:flex;gap:1rem;flex-wrap:wrap;justify-content:space-between;font-size:.95rem}
h2{margin-top:2rem;border-bottom:1px solid #ddd}
section.request,.confirm{border:1px solid #bbb;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
section.request h3{margin:.25rem 0}
.confirm h2{margin-top:.25rem;border:0}
.request img{float:right;margin-left:1rem}
.who{color:#555;font-size:.9rem}
.badge{display:inline-block;background:#e3f2e6;color:#14532d;border:1px solid #14532d;border-radius:1rem;padding:0 .6rem;font-size:.85rem}
.self{color:#555;font-size:.85rem;font-style:italic}
.warning{background:#fff4e5;border-left:4px solid #b45309;padding:.25rem .75rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
dd small{display:block;color:#555}dd small code{word-break:normal}
fieldset{border:1px solid #ddd;border-radius:.25rem;margin:.75rem 0}
label.check{display:flex;align-items:center;gap:.5rem;margin:.25rem 0}
label.check input{width:auto;margin:0}
.field label{display:block;margin:.75rem 0 .25rem}
.field input{padding:.4rem}
.hint{color:#555;font-size:.9rem;margin:.25rem 0}
.error{color:#a00}
.field-error{color:#a00;font-weight:600;margin:.25rem 0}
[aria-invalid=true]{border:2px solid #a00}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;align-items:center;margin-top:.75rem}
button{font:inherit;padding:.4rem 1rem;cursor:pointer}
button.danger{background:#fbeaea;border:1px solid #a00;color:#7a0000}
ul.grants,ol.log,ul.history{padding-left:1.25rem}
ul.grants li,ul.history li{margin:.5rem 0}
ul.grants form{display:inline}
nav.paging{display:flex;gap:1rem;align-items:center;margin:.5rem 0}
code{word-break:break-all}`;

/** A frame with the language set, a link to the other language, and no scripts. */
export function frame(lang: Lang, title: string, body: Html, switchHref: string): string {
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${new Html(STYLE)}</style></head>
<body><nav class="top" aria-label="${lang === 'sv' ? 'Språk' : 'Language'}"><span></span><a href="${switchHref}" lang="${other}" hreflang="${other}">${TEXT[lang].otherLang}</a></nav>
<main>${body}</main></body></html>`.value;
}

/** The current path and query with `lang` replaced: the language switch keeps the page. */
export function withQuery(req: Request, changes: Record<string, string | undefined>): string {
  const url = new URL(req.originalUrl, 'http://x');
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  return url.pathname + url.search;
}
