/** Every value that reaches an HTML page goes through escapeHtml: text and attributes alike. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Tagged template that escapes every interpolated value unless it is already Html. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string { return this.value; }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    const rendered = Array.isArray(value) ? value.map(render).join('') : render(value);
    out += rendered + strings[i + 1];
  });
  return new Html(out);
}

function render(value: unknown): string {
  return value instanceof Html ? value.value : escapeHtml(value);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem}.error{color:#a00}code{word-break:break-all}table{width:100%}`;

/** The shared page frame: no scripts, no external resources. */
export function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${new Html(STYLE)}</style></head>
<body><main>${body}</main></body></html>`.value;
}

export function errorPage(error: unknown, description: unknown): string {
  return page('Something went wrong', html`<h1>Something went wrong</h1><p class="error">${error}</p><p>${description ?? ''}</p>`);
}

/** Security headers for our pages: nothing framed, nothing loaded from elsewhere. */
export const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on our own forms.
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
