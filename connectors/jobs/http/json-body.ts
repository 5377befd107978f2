import type { Request } from 'express';
import { BadRequest, UnsupportedMediaType } from '../../../service-kit/errors.ts';
import { readBody } from '../../../service-kit/http/body.ts';

/** The request body as JSON (application/json or any +json type), under a byte limit (413 past it). */
export async function readJson(req: Request, limit: number): Promise<unknown> {
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    throw new UnsupportedMediaType('Send ads as application/json (JobSearch format) or application/ld+json (schema.org JobPosting)');
  }
  const text = (await readBody(req, limit)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequest(`The body is not valid JSON: ${(error as Error).message}`, 'invalid_json');
  }
}
