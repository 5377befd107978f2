// HTML (schema.org descriptions, formatted legacy ad texts) -> plain text, one line per block. A single forward scan, so
// the work is linear in the input whatever the markup; script and style contents are dropped. The
// result is text to store and to escape when shown: nothing of the markup survives as markup.

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'blockquote', 'pre', 'table', 'hr', 'dd', 'dt']);
const DROPPED_CONTENT = new Set(['script', 'style', 'head', 'template', 'noscript']);
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', auml: 'ä', ouml: 'ö', aring: 'å', Auml: 'Ä', Ouml: 'Ö', Aring: 'Å',
  eacute: 'é', Eacute: 'É', uuml: 'ü', Uuml: 'Ü', ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·', euro: '€',
  laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', copy: '©', reg: '®', trade: '™', shy: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Plain text of an HTML fragment: block ends become line breaks, list items bullets, runs of blanks one. */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) { out.push(html.slice(i)); break; }
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) { out.push(html.slice(lt)); break; } // no tag can close: the rest is text
    const name = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 40)))?.[1]?.toLowerCase();
    const closing = html[lt + 1] === '/';
    i = gt + 1;
    if (!name) { out.push(html.slice(lt, gt + 1)); continue; } // "a < b > c": not a tag
    if (!closing && DROPPED_CONTENT.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      if (end < 0) break;
      const endGt = html.indexOf('>', end);
      i = endGt < 0 ? html.length : endGt + 1;
      continue;
    }
    if (name === 'li') { if (!closing) out.push('\n• '); } else if (BLOCK_TAGS.has(name)) out.push('\n');
  }
  return tidy(decodeEntities(out.join('')));
}

function tidy(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n').trim();
}

/** Whether a text looks like HTML markup (a tag or an entity), so that a format can convert it. */
export const looksLikeHtml = (s: string): boolean => /<\/?[a-zA-Z][a-zA-Z0-9]*[\s/>]|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});/.test(s.slice(0, 20_000));
