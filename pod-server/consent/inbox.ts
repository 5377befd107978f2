import type { ServerResponse } from 'node:http';
import { keepBody, readBody } from '../http/body.ts';
import { authorize, type LdpContext, type LdpRequest } from '../ldp/context.ts';
import { post } from '../ldp/write.ts';
import { isRdfType } from '../rdf/media-types.ts';
import { podOf } from './layout.ts';

const ACCESS_REQUEST = /AccessRequest/;

/**
 * A POST to a pod's inbox: an access request goes to the consent service (validated, checked
 * against the sender, stored under consent/requests/); anything else is an ordinary
 * notification and is stored in the inbox as LDP would.
 */
export async function postToInbox(context: LdpContext, request: LdpRequest, response: ServerResponse): Promise<void> {
  const contentType = String(request.raw.headers['content-type'] ?? '');
  if (!isRdfType(contentType)) return post(context, request, response);
  await authorize(context, request, [{ path: request.path, mode: 'append' }]);
  const body = await readBody(request.raw, context.maxBodyBytes);
  if (!ACCESS_REQUEST.test(body.toString('utf8'))) {
    keepBody(request.raw, body);
    return post(context, request, response);
  }
  const consent = await context.consent!.service();
  const location = await consent.receiveRequest(podOf(request.path)!, body, contentType, request.credentials);
  response.writeHead(201, { Location: location }).end();
}
