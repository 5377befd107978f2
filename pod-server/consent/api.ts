import type { ServerResponse } from 'node:http';
import { BadRequest, MethodNotAllowed, NotFound, UnsupportedMediaType } from '../../service-kit/errors.ts';
import { readBody } from '../../service-kit/http/body.ts';
import { authorize, type LdpContext, type LdpRequest } from '../ldp/context.ts';
import { podOf } from './layout.ts';
import type { Page, Paging } from './service.ts';

const JSON_LIMIT = 64 * 1024;
const LISTINGS = ['requests', 'grants', 'records', 'log'];

/**
 * The owner's JSON API under /{pod}/.consent/: decisions, withdrawals and listings. Only an
 * agent with Control of the pod gets in; the library then checks it is the data subject.
 * Listings are paged (`?offset=&limit=`): `{ items, total, offset, limit, next? }`.
 */
export async function consentApi(context: LdpContext, request: LdpRequest, response: ServerResponse, action: string): Promise<void> {
  const podPath = podOf(request.path)!;
  await authorize(context, request, [{ path: podPath, mode: 'control' }]);
  const consent = await context.consent!.service();
  const actor = request.credentials.webId!;
  const method = request.raw.method;
  if (method === 'POST' && action === 'decisions') return json(response, 201, await consent.decideRequest(podPath, await jsonBody(request), actor, 'api'));
  if (method === 'POST' && action === 'withdrawals') {
    const record = await consent.withdraw(podPath, await jsonBody(request), actor, 'api');
    return json(response, 200, { record: record.id, status: 'withdrawn' });
  }
  if ((method === 'GET' || method === 'HEAD') && LISTINGS.includes(action)) {
    const paging = pagingQuery(request.raw.url ?? '');
    const page: Page<unknown> = action === 'log' ? await consent.logPage(podPath, paging) : await consent.page(podPath, action as 'requests', paging);
    return json(response, 200, withNext(page, request.url));
  }
  if (['decisions', 'withdrawals', ...LISTINGS].includes(action)) {
    throw new MethodNotAllowed(`${method} is not allowed on ${request.path}`, action === 'decisions' || action === 'withdrawals' ? 'POST' : 'GET, HEAD');
  }
  throw new NotFound(`No consent API at ${request.path}`);
}

/** `offset` and `limit` from the query: whole numbers, or 400. Sizes are clamped by the service. */
function pagingQuery(rawUrl: string): Paging {
  const query = new URLSearchParams(rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '');
  const paging: Paging = {};
  for (const key of ['offset', 'limit'] as const) {
    const value = query.get(key);
    if (value === null) continue;
    if (!/^\d{1,9}$/.test(value)) throw new BadRequest(`${key} must be a whole number, got ${value.slice(0, 40)}`, 'bad_paging');
    paging[key] = Number(value);
  }
  if (paging.limit === 0) throw new BadRequest('limit must be at least 1', 'bad_paging');
  return paging;
}

function withNext<T>(page: Page<T>, url: string): Page<T> & { next?: string } {
  const next = page.offset + page.items.length;
  return next < page.total && page.items.length > 0 ? { ...page, next: `${url}?offset=${next}&limit=${page.limit}` } : page;
}

async function jsonBody(request: LdpRequest): Promise<unknown> {
  if (!/^application\/json\b/i.test(String(request.raw.headers['content-type'] ?? ''))) throw new UnsupportedMediaType('Send application/json');
  const text = (await readBody(request.raw, JSON_LIMIT)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequest(`Invalid JSON: ${(error as Error).message}`, 'invalid_json');
  }
}

function json(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  response.end(body);
}
