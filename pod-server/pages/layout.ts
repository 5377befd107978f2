import type { Response } from 'express';
import { html, Html, PAGE_HEADERS } from '../identity/html.ts';
import { otherLang, type Lang } from './lang.ts';

/** Our pages load nothing from elsewhere, except https logos (requesters', apps'). */
export const HEADERS: Record<string, string> = { ...PAGE_HEADERS, 'Content-Security-Policy': PAGE_HEADERS['Content-Security-Policy'].replace("default-src 'none';", "default-src 'none'; img-src https:;") };

const WORDS = {
  sv: { switchTo: 'In English', nav: 'Språk och startsida', home: 'Startsida' },
  en: { switchTo: 'På svenska', nav: 'Language and home', home: 'Home' },
};

/** One stylesheet for every citizen page: landing, account, log-in, app authorization, consents. */
const STYLE = `body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
nav.top{display:flex;gap:1rem;flex-wrap:wrap;justify-content:space-between;font-size:.95rem}
h2{margin-top:2rem;border-bottom:1px solid #ddd}
section.request,.confirm,section.app{border:1px solid #bbb;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
section.request h3,section.app h2{margin:.25rem 0;border:0}
.confirm h2{margin-top:.25rem;border:0}
.request img,.app img{float:right;margin-left:1rem}
.who{color:#555;font-size:.9rem}
section.app p.who{margin:.25rem 0 0}
.badge{display:inline-block;background:#e3f2e6;color:#14532d;border:1px solid #14532d;border-radius:1rem;padding:0 .6rem;font-size:.85rem}
.self{color:#555;font-size:.85rem;font-style:italic}
.warning{background:#fff4e5;border-left:4px solid #b45309;padding:.25rem .75rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0;min-width:0}
dd small,small.url{display:block;color:#555}dd small code{word-break:normal}
fieldset{border:1px solid #ddd;border-radius:.25rem;margin:.75rem 0}
label.check{display:flex;align-items:center;gap:.5rem;margin:.25rem 0}
label.check input{width:auto;margin:0}
.field{margin:0 0 1rem}
.field label{display:block;margin:.75rem 0 .25rem;font-weight:600}
.field input{padding:.4rem;font:inherit}
.field input:not([type=date]){width:100%;max-width:26rem;box-sizing:border-box}
.hint{color:#555;font-size:.9rem;margin:.25rem 0}
.error{color:#a00}
.error-summary{border:2px solid #a00;border-radius:.25rem;padding:.5rem 1rem;margin:1rem 0}
.error-summary h2{margin:.25rem 0;border:0;font-size:1.1rem;color:#a00}
.error-summary ul{margin:.25rem 0;padding-left:1.25rem}
.field-error{color:#a00;font-weight:600;margin:.25rem 0}
[aria-invalid=true]{border:2px solid #a00}
.notice{background:#e3f2e6;border-left:4px solid #14532d;padding:.25rem .75rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;align-items:center;margin-top:.75rem}
button{font:inherit;padding:.4rem 1rem;cursor:pointer}
button.danger{background:#fbeaea;border:1px solid #a00;color:#7a0000}
ul.grants,ol.log,ul.history{padding-left:1.25rem}
ul.grants li,ul.history li{margin:.5rem 0}
ul.grants form,td form{display:inline}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
nav.paging{display:flex;gap:1rem;align-items:center;margin:.5rem 0}
code{word-break:break-all}`;

/** A frame with the language set, a link to the same page in the other language, and no scripts. */
export function frame(lang: Lang, title: string, body: Html, switchHref: string): string {
  const other = otherLang(lang);
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${new Html(STYLE)}</style></head>
<body><nav class="top" aria-label="${WORDS[lang].nav}"><a href="/">${WORDS[lang].home}</a><a href="${switchHref}" lang="${other}" hreflang="${other}">${WORDS[lang].switchTo}</a></nav>
<main>${body}</main></body></html>`.value;
}

/** Sends a page with the security headers (no framing, nothing loaded from elsewhere, no caching). */
export function sendPage(res: Response, status: number, body: string, headers: Record<string, string> = {}): void {
  res.status(status).set({ ...headers, ...HEADERS }).type('html').send(body);
}
