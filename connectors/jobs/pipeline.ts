// Ingest: every ad from every origin goes through here — enrich, find its duplicate, store. Work is
// done in chunks of 50 ads with a yield between them, so a large batch never holds the event loop
// for more than a few tens of milliseconds; up to 500 ads share one transaction.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { toJobSearch, type JobAd, type SourceLink, type TaxonomyIndex } from '../../vocab/index.ts';
import { fingerprint, similarity, DUPLICATE_THRESHOLD, type Fingerprint } from './dedupe/index.ts';
import { applyEnrichment, type Enricher } from './enrich/index.ts';
import type { AdSink, IngestOutcome, Origin, ParsedAd } from './ingest/types.ts';
import { adId, contentHash } from './store/ids.ts';
import type { AdRecord, AdStore, AdTransaction, Posting } from './store/types.ts';

export interface PipelineOptions {
  store: AdStore;
  taxonomy: TaxonomyIndex;
  enricher: Enricher;
  /** The public URL of an ad by our id. */
  adUrl: (id: string) => string;
  /** Called after each chunk with the ads that are new (for job alerts). */
  onNewAds?: (ads: AdRecord[]) => void;
  /** Ads worked between two yields to the event loop (default 50). */
  chunkSize?: number;
  /** Ads per transaction (default 500): a batch is acknowledged only once its ads are committed. */
  commitEvery?: number;
  now?: () => Date;
}

interface Prepared { item: ParsedAd; sourceId: string; ad: JobAd; hash: string; print: Fingerprint }

/** How many near-duplicate candidates are compared at most (band collisions are rare outside true duplicates). */
const MAX_CANDIDATES = 32;

export class AdPipeline implements AdSink {
  readonly #options: PipelineOptions;
  readonly #chunkSize: number;
  readonly #commitEvery: number;
  readonly #now: () => Date;

  constructor(options: PipelineOptions) {
    this.#options = options;
    this.#chunkSize = options.chunkSize ?? 50;
    this.#commitEvery = options.commitEvery ?? 500;
    this.#now = options.now ?? (() => new Date());
  }

  async ingest(items: ParsedAd[], origin: Origin): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = [];
    for (let group = 0; group < items.length; group += this.#commitEvery) {
      const groupItems = items.slice(group, group + this.#commitEvery);
      const fresh: AdRecord[] = [];
      // One transaction per group (each commit writes every index page it touched, so fewer and
      // larger commits are much cheaper), worked in small chunks with a yield between them.
      outcomes.push(...await this.#options.store.transaction(async (tx) => {
        const out: IngestOutcome[] = [];
        for (let start = 0; start < groupItems.length; start += this.#chunkSize) {
          if (start > 0) await yieldToEventLoop();
          const chunk = groupItems.slice(start, start + this.#chunkSize);
          const prepared = chunk.map((item) => (item.ad && item.reasons.length === 0 ? this.#prepare(item, item.ad) : undefined));
          for (let i = 0; i < chunk.length; i++) {
            const p = prepared[i];
            out.push(p ? await this.#place(tx, p, origin, fresh) : { index: chunk[i].index, status: 'rejected', reasons: chunk[i].reasons.length ? chunk[i].reasons : ['no ad'] });
          }
        }
        return out;
      }));
      if (fresh.length) this.#options.onNewAds?.(fresh);
      await yieldToEventLoop();
    }
    return outcomes;
  }

  async remove(sourceIds: string[], origin: Origin): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = [];
    for (let start = 0; start < sourceIds.length; start += this.#chunkSize) {
      if (start > 0) await yieldToEventLoop();
      const chunk = sourceIds.slice(start, start + this.#chunkSize);
      outcomes.push(...await this.#options.store.transaction(async (tx) => {
        const out: IngestOutcome[] = [];
        for (let i = 0; i < chunk.length; i++) out.push(await this.#removePosting(tx, start + i, chunk[i], origin));
        return out;
      }));
    }
    return outcomes;
  }

  /** The CPU part, outside any transaction: enrich, hash, fingerprint. */
  #prepare(item: ParsedAd, raw: JobAd): Prepared {
    // Parsing already resolved place codes to concepts (ingest/formats); here only the text is read.
    const found = this.#options.enricher.enrich({ headline: raw.headline, text: raw.description?.text });
    const ad = applyEnrichment(raw, found);
    const { id: _id, sourceLinks: _links, timestamp: _t, ...content } = ad;
    const sourceId = item.sourceId ?? contentHash([ad.headline, ad.employer?.name, ad.description?.text]);
    return { item, sourceId, ad, hash: contentHash(content), print: fingerprint(ad) };
  }

  async #place(tx: AdTransaction, p: Prepared, origin: Origin, fresh: AdRecord[]): Promise<IngestOutcome> {
    const index = p.item.index;
    const posting = await tx.posting(origin.source, p.sourceId);
    const link = sourceLinkOf(p, origin);
    if (posting) {
      const current = await tx.ad(posting.adId);
      if (posting.contentHash === p.hash && current && !current.removed) return this.#outcome(index, 'unchanged', posting.adId);
      await tx.putPosting({ ...posting, contentHash: p.hash, url: link.url, label: link.label });
      if (current && current.id !== adId(origin.source, p.sourceId) && !current.removed) {
        // A duplicate's own posting changed: the surviving ad keeps its text, its links follow.
        await this.#relink(tx, current);
        return { ...this.#outcome(index, 'updated', current.id), duplicateOf: current.id };
      }
      await this.#write(tx, posting.adId, p, current?.ad.publication_date ?? undefined);
      return this.#outcome(index, 'updated', posting.adId);
    }
    const duplicate = await this.#findDuplicate(tx, p.print);
    if (duplicate) {
      await tx.putPosting({ source: origin.source, sourceId: p.sourceId, adId: duplicate.id, publisher: origin.publisher, contentHash: p.hash, url: link.url, label: link.label });
      await this.#relink(tx, duplicate);
      return { ...this.#outcome(index, 'merged', duplicate.id), duplicateOf: duplicate.id };
    }
    const id = adId(origin.source, p.sourceId);
    await tx.putPosting({ source: origin.source, sourceId: p.sourceId, adId: id, publisher: origin.publisher, contentHash: p.hash, url: link.url, label: link.label });
    fresh.push(await this.#write(tx, id, p));
    return this.#outcome(index, 'imported', id);
  }

  async #findDuplicate(tx: AdTransaction, print: Fingerprint): Promise<AdRecord | undefined> {
    let best: { id: string; score: number } | undefined;
    for (const candidate of await tx.duplicateCandidates(print.bands, MAX_CANDIDATES)) {
      const score = similarity(print.signature, candidate.signature);
      if (score >= DUPLICATE_THRESHOLD && (!best || score > best.score)) best = { id: candidate.id, score };
    }
    return best && tx.ad(best.id);
  }

  /** Writes the ad's content under id, with the source links of all its postings. */
  async #write(tx: AdTransaction, id: string, p: Prepared, firstPublished?: string): Promise<AdRecord> {
    const links = (await tx.postingsOf(id)).map(linkOfPosting);
    const ad: JobAd = {
      ...p.ad, id, sourceLinks: links, removed: false, removedDate: undefined,
      publicationDate: p.ad.publicationDate ?? firstPublished ?? this.#now().toISOString().slice(0, 19),
    };
    const record = { id, ad: toJobSearch(ad), removed: false, block: p.print.block, signature: p.print.signature };
    const updatedAt = await tx.putAd(record, p.print.bands);
    return { ...record, ad: { ...record.ad, timestamp: Math.floor(updatedAt / 1000) }, updatedAt };
  }

  /** Rewrites an ad's source links from its postings (a duplicate came or went). */
  async #relink(tx: AdTransaction, record: AdRecord): Promise<void> {
    const links = (await tx.postingsOf(record.id)).map(linkOfPosting);
    const ad = { ...record.ad, source_links: links.map((l) => ({ label: l.label ?? null, url: l.url ?? null, source: l.source!, source_id: l.sourceId! })) };
    await tx.putAd({ id: record.id, ad, removed: record.removed, block: record.block, signature: record.signature });
  }

  async #removePosting(tx: AdTransaction, index: number, sourceId: string, origin: Origin): Promise<IngestOutcome> {
    const posting = await tx.posting(origin.source, sourceId);
    if (!posting) return { index, status: 'unchanged', reasons: [`no ad from ${origin.source} has the source id ${sourceId}`] };
    await tx.deletePosting(origin.source, sourceId);
    const record = await tx.ad(posting.adId);
    if (!record || record.removed) return this.#outcome(index, 'removed', posting.adId);
    if ((await tx.postingsOf(record.id)).length > 0) {
      // Still published elsewhere: the vacancy stays, without this source's link.
      await this.#relink(tx, record);
      return this.#outcome(index, 'removed', record.id);
    }
    const ad = { ...record.ad, removed: true, removed_date: this.#now().toISOString().slice(0, 19), source_links: [] };
    await tx.putAd({ id: record.id, ad, removed: true }, []);
    return this.#outcome(index, 'removed', record.id);
  }

  #outcome(index: number, status: IngestOutcome['status'], id: string): IngestOutcome {
    return { index, status, id, url: this.#options.adUrl(id) };
  }
}

function sourceLinkOf(p: Prepared, origin: Origin): SourceLink {
  const url = p.ad.sourceLinks?.find((l) => l.url)?.url ?? p.ad.webpageUrl ?? p.ad.application?.url;
  return { ...(url ? { url } : {}), ...(origin.label ? { label: origin.label } : {}) };
}

const linkOfPosting = (p: Posting): SourceLink => ({
  ...(p.label !== undefined ? { label: p.label } : {}), ...(p.url !== undefined ? { url: p.url } : {}), source: p.source, sourceId: p.sourceId,
});
