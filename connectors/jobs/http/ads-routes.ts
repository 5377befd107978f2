// Publishers' ads: POST a batch, PUT or DELETE one of their own; anyone GETs an ad (JobSearch JSON,
// or the vocabulary's RDF by content negotiation).
import express, { type Request, type Router } from 'express';
import Negotiator from 'negotiator';
import { fromJobSearch, Graph, JSON_LD, jobAdIri, serializeGraph, TURTLE, writeJobAd, type TaxonomyIndex } from '../../../vocab/index.ts';
import { BadRequest, Forbidden, HttpError, NotAcceptable, NotFound } from '../../../service-kit/errors.ts';
import type { RateLimit } from '../../../service-kit/http/rate-limit.ts';
import type { CredentialsExtractor } from '../../../service-kit/solid-oidc/credentials.ts';
import { parseBatch } from '../ingest/formats/index.ts';
import type { Origin, ParsedAd } from '../ingest/types.ts';
import type { AdPipeline } from '../pipeline.ts';
import type { AdStore, Posting } from '../store/types.ts';
import { readJson } from './json-body.ts';
import { publisherOf } from './publisher.ts';

export interface AdsRoutesOptions {
  baseUrl: string;
  store: AdStore;
  pipeline: AdPipeline;
  taxonomy: TaxonomyIndex;
  credentials: CredentialsExtractor;
  /** Ads a publisher may post per window (each ad of a batch counts). */
  publishLimit: RateLimit;
  maxBodyBytes: number;
  maxAdsPerRequest: number;
}

const JSON_TYPE = 'application/json';
const OFFERED = [JSON_TYPE, TURTLE, JSON_LD];

export const publisherOrigin = (webId: string): Origin => ({ source: `publisher:${webId}`, publisher: webId, label: new URL(webId).host });

export function adsRoutes(options: AdsRoutesOptions): Router {
  const { store, pipeline, taxonomy } = options;
  const router = express.Router();
  const adsBase = new URL('ads/', options.baseUrl).href;

  const parse = async (req: Request): Promise<ParsedAd[]> => {
    const body = await readJson(req, options.maxBodyBytes);
    const count = Array.isArray(body) ? body.length : 1;
    if (count === 0) throw new BadRequest('The batch is empty: send one ad or a list of ads', 'empty_batch');
    if (count > options.maxAdsPerRequest) throw new BadRequest(`At most ${options.maxAdsPerRequest} ads per request; this one has ${count}`, 'too_many_ads');
    return parseBatch(body, 'auto', taxonomy);
  };

  router.post('/ads', async (req, res) => {
    const webId = await publisherOf(req, options.credentials, options.baseUrl);
    const items = await parse(req);
    await options.publishLimit.consume(webId, items.length);
    const results = await pipeline.ingest(items, publisherOrigin(webId));
    const rejected = results.filter((r) => r.status === 'rejected').length;
    // Every ad of the batch is answered by index; a batch where nothing could be taken is a 422.
    res.status(rejected === results.length ? 422 : 200).json({ accepted: results.length - rejected, rejected, results });
  });

  /** The caller's own posting of an ad, or why they may not touch it. */
  const ownPosting = async (req: Request): Promise<{ webId: string; posting: Posting }> => {
    const webId = await publisherOf(req, options.credentials, options.baseUrl);
    const record = await store.get(String(req.params.id));
    if (!record || record.removed) throw new NotFound('No ad with this id');
    const posting = (await store.postingsOf(record.id)).find((p) => p.publisher === webId);
    if (!posting) throw new Forbidden('Only the publisher that posted this ad may change or remove it');
    return { webId, posting };
  };

  router.put('/ads/:id', async (req, res) => {
    const { webId, posting } = await ownPosting(req);
    const body = await readJson(req, options.maxBodyBytes);
    if (Array.isArray(body)) throw new BadRequest('PUT replaces one ad: send one ad, not a list', 'one_ad_expected');
    const [item] = parseBatch(body, 'auto', taxonomy);
    if (item.reasons.length) throw new HttpError(422, 'invalid_ad', `The ad was not changed: ${item.reasons.join('; ')}`);
    await options.publishLimit.consume(webId);
    const [result] = await pipeline.ingest([{ ...item, sourceId: posting.sourceId }], { ...publisherOrigin(webId), source: posting.source });
    res.json(result);
  });

  router.delete('/ads/:id', async (req, res) => {
    const { webId, posting } = await ownPosting(req);
    await pipeline.remove([posting.sourceId], { ...publisherOrigin(webId), source: posting.source });
    res.status(204).end();
  });

  router.get('/ads/:id', async (req, res) => {
    const record = await store.get(String(req.params.id));
    if (!record) throw new NotFound('No ad with this id');
    const type = new Negotiator(req).mediaType(OFFERED);
    if (!type) throw new NotAcceptable(`This ad is available as ${OFFERED.join(', ')}`);
    res.vary('Accept');
    // A merged duplicate answers with the ad it became part of.
    if (record.id !== req.params.id) res.setHeader('Content-Location', new URL(encodeURIComponent(record.id), adsBase).href);
    if (record.removed) res.status(410);
    const ad = record.ad;
    if (type === JSON_TYPE) { res.type('application/json').send(record.json ?? JSON.stringify(ad)); return; }
    const graph = new Graph();
    writeJobAd(graph, fromJobSearch(ad), jobAdIri(record.id, adsBase));
    res.type(type).send(await serializeGraph(graph, type, { baseIri: adsBase }));
  });

  return router;
}

