import Negotiator from 'negotiator';
import type { ServerResponse } from 'node:http';
import { NotAcceptable, NotFound } from '../../service-kit/errors.ts';
import { isNotModified, variantTag } from '../http/preconditions.ts';
import { JSON_LD, N_TRIPLES, RDF_TYPES, TURTLE, essence, isRdfType, type RdfType } from '../rdf/media-types.ts';
import { parseRdf } from '../rdf/parse.ts';
import { serializeRdf } from '../rdf/serialize.ts';
import { conversionBudget } from '../http/work-budget.ts';
import { isContainerPath, type StoredResource } from '../storage/store.ts';
import { containerQuads } from './container.ts';
import { authorize, logGrantUse, type LdpContext, type LdpRequest } from './context.ts';
import { describeResource, setWacAllow } from './headers.ts';

/** GET and HEAD: authorize, then answer 304, or the stored bytes, or a converted representation. */
export async function read(context: LdpContext, request: LdpRequest, response: ServerResponse, withBody: boolean): Promise<void> {
  await authorize(context, request, [{ path: request.path, mode: 'read' }]);
  const stored = await context.store.read(request.path);
  if (!stored) throw new NotFound();
  const container = isContainerPath(request.path);
  const isRdf = container || isRdfType(stored.contentType);
  describeResource(response, context, request.path, isRdf);
  await setWacAllow(response, context, request);

  const offered = isRdf ? [...RDF_TYPES] : [stored.contentType];
  const type = new Negotiator(request.raw).mediaType(offered);
  if (!type) throw new NotAcceptable(`This resource is available as ${offered.join(', ')}`);
  const etag = type === TURTLE || !isRdf ? stored.etag : variantTag(stored.etag, type === JSON_LD ? 'jsonld' : 'nt');
  response.setHeader('ETag', etag);
  response.setHeader('Last-Modified', stored.modified.toUTCString());
  // A read under a consent grant is logged before any of it leaves: no log, no data.
  await logGrantUse(context, request);
  if (isNotModified(request.raw, { ...stored, etag })) {
    response.writeHead(304).end();
    return;
  }

  let body: Buffer | string = stored.body;
  if (container) {
    // Not cached: the listing changes with the members, which the container's ETag does not track.
    const budget = conversionBudget(request.raw, `Listing ${request.path} as ${type}`);
    body = await serializeRdf(await containerQuads(context.store, context.baseUrl, request.path, stored), type as RdfType, budget);
  } else if (isRdf && type !== essence(stored.contentType)) {
    body = await converted(context, request, stored, type as RdfType, etag);
  }
  const contentType = isRdf ? `${type}${type === N_TRIPLES || type === TURTLE ? '; charset=utf-8' : ''}` : stored.contentType;
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.writeHead(200);
  response.end(withBody ? body : undefined);
}

/** A stored document in another RDF format: converted once per version, then served from the cache. */
async function converted(context: LdpContext, request: LdpRequest, stored: StoredResource, type: RdfType, etag: string): Promise<Buffer> {
  const key = `${request.path} ${etag}`;
  const cached = context.conversions?.get(key);
  if (cached) return cached;
  const budget = conversionBudget(request.raw, `Converting ${request.path} to ${type}`);
  const quads = await parseRdf(stored.body.toString('utf8'), stored.contentType, request.url, budget);
  const body = Buffer.from(await serializeRdf(quads, type, budget));
  context.conversions?.set(key, body, body.length);
  return body;
}

/** OPTIONS without a preflight: describe what can be done here; no authorization needed. */
export async function options(context: LdpContext, request: LdpRequest, response: ServerResponse): Promise<void> {
  const meta = await context.store.metadata(request.path);
  describeResource(response, context, request.path, isContainerPath(request.path) || !meta || isRdfType(meta.contentType));
  response.writeHead(204).end();
}
