// parseBatch: a body of ads in any of our formats -> one ParsedAd per ad, by index: the ad, or the
// reasons it was refused. One bad ad never stops the rest of the batch.
import { createHash } from 'node:crypto';
import { enrichJobAd, type JobAd, type TaxonomyIndex } from '../../../../vocab/index.ts';
import type { AdFormat, ParsedAd } from '../types.ts';
import { parseJobSearchAd, type FormatResult } from './jobsearch.ts';
import { parseJobPosting } from './jsonld.ts';
import { isJobPosting, jobPostingItems, type NodeIndex } from './jsonld-read.ts';
import { parseLegacyAd } from './legacy.ts';
import { isObject, LIMITS, normaliseDateTime, typeName } from './limits.ts';
import { validateAd } from './validate.ts';

export { validateAd } from './validate.ts';
export { htmlToText } from './html-text.ts';
export { LIMITS } from './limits.ts';
export const AD_FORMATS: readonly AdFormat[] = ['jobsearch', 'jsonld', 'legacy'];

export interface ParseOptions { maxAds?: number }

/** The format of one item: JSON-LD by @type/@graph/@context, legacy by its Swedish keys, JobSearch otherwise when it has its keys. */
export function detectFormat(item: unknown): AdFormat | undefined {
  if (!isObject(item)) return undefined;
  if ('@type' in item || '@graph' in item || '@context' in item || isJobPosting(item)) return 'jsonld';
  if ('annonsId' in item || 'annonsrubrik' in item || 'annonstext' in item) return 'legacy';
  if ('headline' in item || 'id' in item || 'description' in item || 'employer' in item) return 'jobsearch';
  return undefined;
}

interface Item { value: unknown; format?: AdFormat; index: NodeIndex }
const NO_INDEX: NodeIndex = new Map();

/** The items of a body: a list, one ad, {testannonser: […]} (legacy), {hits: […]} (a JobSearch answer), JSON-LD @graph. */
function itemsOf(body: unknown, format: AdFormat | 'auto'): Item[] {
  if (isObject(body) && Array.isArray(body.testannonser) && (format === 'auto' || format === 'legacy')) return itemsOf(body.testannonser, 'legacy');
  if (isObject(body) && Array.isArray(body.hits) && (format === 'auto' || format === 'jobsearch')) return itemsOf(body.hits, 'jobsearch');
  const list = Array.isArray(body) ? body : [body];
  const out: Item[] = [];
  for (const value of list) {
    const f = format === 'auto' ? detectFormat(value) : format;
    if (f === 'jsonld') for (const { item, index } of jobPostingItems(value)) out.push({ value: item, format: 'jsonld', index });
    else out.push({ value, format: f, index: NO_INDEX });
  }
  return out;
}

export function parseBatch(body: unknown, format: AdFormat | 'auto', taxonomy: TaxonomyIndex, opts: ParseOptions = {}): ParsedAd[] {
  const maxAds = opts.maxAds ?? LIMITS.maxAdsPerBatch;
  if (!Array.isArray(body) && !isObject(body)) return [{ index: 0, reasons: [`a batch must be an ad (object) or a list of ads, got ${typeName(body)}`] }];
  const items = itemsOf(body, format);
  const out: ParsedAd[] = [];
  for (let i = 0; i < items.length && i < maxAds; i++) out.push(parseItem(items[i], i, taxonomy));
  if (items.length > maxAds) out.push({ index: maxAds, reasons: [`the batch has ${items.length} ads; at most ${maxAds} are read, the rest were not`] });
  return out;
}

function parseItem(item: Item, index: number, taxonomy: TaxonomyIndex): ParsedAd {
  let result: FormatResult;
  try {
    result = formatOf(item, taxonomy);
  } catch (e) {
    // A format reader that throws has met a shape we did not foresee: a reason for this ad, never the batch.
    result = { reasons: [`the ad could not be read: ${(e as Error).message}`] };
  }
  const sourceId = result.sourceId?.trim() ? result.sourceId.trim().slice(0, LIMITS.shortString) : undefined;
  if (!result.ad || result.reasons.length) return { index, reasons: result.reasons.length ? result.reasons : ['the ad could not be read'], ...(sourceId ? { sourceId } : {}) };
  const ad = enrichJobAd(normalise(result.ad, sourceId), taxonomy);
  const reasons = validateAd(ad, taxonomy);
  return reasons.length ? { index, reasons, ...(sourceId ? { sourceId } : {}) } : { index, ad, reasons: [], ...(sourceId ? { sourceId } : {}) };
}

function formatOf(item: Item, taxonomy: TaxonomyIndex): FormatResult {
  switch (item.format) {
    case 'jobsearch': return parseJobSearchAd(item.value);
    case 'jsonld': return parseJobPosting(item.value, item.index, taxonomy);
    case 'legacy': return parseLegacyAd(item.value, taxonomy);
    default: return { reasons: [`cannot tell the format of this ${typeName(item.value)}: expected a JobSearch ad, a schema.org JobPosting or a legacy Platsbanken ad`] };
  }
}

/** What every format shares: an id (the source's, else one from the content), dates as xsd:dateTime, bare "www." links made whole. */
function normalise(ad: JobAd, sourceId: string | undefined): JobAd {
  const out: JobAd = { ...ad, id: sourceId ?? contentId(ad) };
  for (const k of ['applicationDeadline', 'publicationDate', 'lastPublicationDate', 'removedDate'] as const) {
    const v = out[k];
    if (v !== undefined) out[k] = normaliseDateTime(v, k !== 'publicationDate' && k !== 'removedDate') ?? v;
  }
  if (out.employer?.url) out.employer = { ...out.employer, url: wholeUrl(out.employer.url) };
  if (out.application?.url) out.application = { ...out.application, url: wholeUrl(out.application.url) };
  return out;
}

const wholeUrl = (u: string): string => (/^www\.[^\s/]+\.[a-z]{2,}/i.test(u.trim()) ? `http://${u.trim()}` : u);

/** An id for an ad whose source gives none: the same content gives the same id, so a re-sent ad is not new. */
const contentId = (ad: JobAd): string => `h-${createHash('sha256').update(JSON.stringify(ad)).digest('hex').slice(0, 24)}`;
