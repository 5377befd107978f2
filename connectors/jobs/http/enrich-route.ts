import express, { type Router } from 'express';
import { BadRequest } from '../../../service-kit/errors.ts';
import type { RateLimit } from '../../../service-kit/http/rate-limit.ts';
import type { Enricher } from '../enrich/index.ts';
import { readJson } from './json-body.ts';

const MAX_BODY = 256 * 1024;

/** `POST /enrich`: {headline, text} -> {concepts: [{id, type, label, term, confidence}]}, for any developer. */
export function enrichRoute(options: { enricher: Enricher; limit: RateLimit }): Router {
  const router = express.Router();
  router.post('/enrich', async (req, res) => {
    await options.limit.consume(req.ip ?? 'unknown');
    const body = await readJson(req, MAX_BODY);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('Send a JSON object: {"headline": "…", "text": "…"}', 'invalid_body');
    const { headline, text } = body as Record<string, unknown>;
    for (const [name, value] of [['headline', headline], ['text', text]] as const) {
      if (value !== undefined && value !== null && typeof value !== 'string') throw new BadRequest(`${name} must be a string`, 'invalid_body');
    }
    if (!headline && !text) throw new BadRequest('Give a headline, a text, or both', 'invalid_body');
    res.json({ concepts: options.enricher.enrich({ headline: (headline as string) || undefined, text: (text as string) || undefined }) });
  });
  return router;
}
