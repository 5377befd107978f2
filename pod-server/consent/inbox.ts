import type { ServerResponse } from 'node:http';
import { keepBody, readBody } from '../../service-kit/http/body.ts';
import { authorize, type LdpContext, type LdpRequest } from '../ldp/context.ts';
import { pathForUrl } from '../ldp/paths.ts';
import { post } from '../ldp/write.ts';
import { isRdfType } from '../rdf/media-types.ts';
import { podOf } from './layout.ts';

const ACCESS_REQUEST = /AccessRequest/;

/**
 * A POST to a pod's inbox: an access request goes to the consent service (validated, checked
 * against the sender, stored under consent/requests/); anything else is an ordinary
 * notification and is stored in the inbox as LDP would. Senders other than the owner are
 * limited before their body is read: RDF only, a rate per sender and per pod, a size per
 * message, and quotas on what the inbox (or the pending requests) may hold.
 */
export async function postToInbox(context: LdpContext, request: LdpRequest, response: ServerResponse): Promise<void> {
  const contentType = String(request.raw.headers['content-type'] ?? '');
  const podPath = podOf(request.path)!;
  const limits = context.consent!.inbox;
  let owner: boolean;
  try {
    await authorize(context, request, [{ path: request.path, mode: 'append' }]);
    owner = (await context.access.check(request.credentials, request.origin, request.path, 'write')).allow;
    if (!owner) {
      limits.checkType(contentType);
      await limits.consume(podPath, request.credentials.webId ?? 'anonymous');
    }
  } catch (error) {
    // Refused before the body was read: close rather than read a flood's bytes only to drop them.
    if (hasBody(request)) response.setHeader('Connection', 'close');
    throw error;
  }
  if (owner && !isRdfType(contentType)) return post(context, request, response);
  const body = await readBody(request.raw, owner ? context.maxBodyBytes : limits.bodyLimit(context.maxBodyBytes));
  if (ACCESS_REQUEST.test(body.toString('utf8'))) {
    const consent = await context.consent!.service();
    const stored = await consent.receiveRequest(podPath, body, contentType, request.credentials);
    if (stored.created) return void response.writeHead(201, { Location: stored.url }).end();
    // The same requester asked the same thing again while it waits: one card, the same URL.
    const message = 'An identical request from you is already waiting for the citizen\'s decision; it was not stored again.\n';
    return void response.writeHead(200, { Location: stored.url, 'Content-Location': stored.url, 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
  }
  keepBody(request.raw, body);
  if (owner) return post(context, request, response);
  const held = await limits.reserve(podPath, body.length);
  try {
    await post(context, request, response);
  } catch (error) {
    held.release();
    throw error;
  }
  const location = response.getHeader('Location');
  const path = typeof location === 'string' ? pathForUrl(context.baseUrl, location) : undefined;
  if (path) held.commit(path);
  else held.release();
}

const hasBody = (request: LdpRequest): boolean =>
  Number(request.raw.headers['content-length'] ?? 0) > 0 || request.raw.headers['transfer-encoding'] !== undefined;
