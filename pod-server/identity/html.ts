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

/** Security headers for our pages: nothing framed, nothing loaded from elsewhere. */
export const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on our own forms.
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
