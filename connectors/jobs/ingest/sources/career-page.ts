// A career page: every <script type="application/ld+json"> holding a schema.org JobPosting (one, a
// list, or inside @graph). Other JSON-LD on the page (breadcrumbs, the organisation) is passed over.
import type { TaxonomyIndex } from '../../../../vocab/index.ts';
import { parseBatch } from '../formats/index.ts';
import { isJobPosting } from '../formats/jsonld-read.ts';
import { isObject } from '../formats/limits.ts';
import type { SourceBatch } from '../types.ts';
import { readBody, SourceError } from './read-body.ts';
import type { AdSource, SourceLimits } from './source.ts';

export interface CareerPageOptions extends SourceLimits { url: string; taxonomy: TaxonomyIndex; intervalSeconds?: number }

const MAX_SCRIPTS = 1_000;

/** The texts of the page's JSON-LD scripts; one forward scan, so linear in the page. */
export function jsonLdScripts(html: string): string[] {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (out.length < MAX_SCRIPTS) {
    const start = lower.indexOf('<script', i);
    if (start < 0) break;
    const tagEnd = lower.indexOf('>', start);
    if (tagEnd < 0) break;
    const end = lower.indexOf('</script', tagEnd);
    if (end < 0) break;
    const tag = lower.slice(start, Math.min(tagEnd, start + 500));
    if (/\btype\s*=\s*["']?application\/ld\+json/.test(tag)) out.push(html.slice(tagEnd + 1, end));
    i = end + 8;
  }
  return out;
}

/** The JobPostings of one script's JSON, in the shapes parseBatch reads (a @graph document is kept whole). */
function postingsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => (isJobPosting(v) || (isObject(v) && Array.isArray(v['@graph'])) ? postingsOf(v) : []));
  if (isObject(value) && Array.isArray(value['@graph'])) return value['@graph'].some(isJobPosting) ? [value] : [];
  return isJobPosting(value) ? [value] : [];
}

export class CareerPageSource implements AdSource {
  readonly name: string;
  readonly intervalSeconds?: number;

  constructor(private readonly opts: CareerPageOptions) {
    this.name = `career-page:${opts.url}`;
    this.intervalSeconds = opts.intervalSeconds;
  }

  async pull(cursor?: string, signal?: AbortSignal): Promise<SourceBatch> {
    const { text, notModified, validator } = await readBody(this.opts.url, {
      ...this.opts, signal, validator: cursor, accept: 'text/html', expectType: /html/i,
    });
    if (notModified) return { ads: [], removedSourceIds: [], cursor };
    const scripts = jsonLdScripts(text);
    const found: unknown[] = [];
    let unreadable = 0;
    for (const script of scripts) {
      try {
        found.push(...postingsOf(JSON.parse(script)));
      } catch {
        unreadable++;
      }
    }
    if (scripts.length && unreadable === scripts.length) throw new SourceError(`${this.opts.url}: none of its ${scripts.length} JSON-LD scripts is JSON`);
    return { ads: parseBatch(found, 'jsonld', this.opts.taxonomy), removedSourceIds: [], cursor: validator };
  }
}
