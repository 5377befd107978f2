import type { ServerResponse } from 'node:http';
import { BadRequest, MethodNotAllowed, NotFound, UnsupportedMediaType } from '../errors.ts';
import { readBody } from '../http/body.ts';
import { authorize, type LdpContext, type LdpRequest } from '../ldp/context.ts';
import { podOf } from './layout.ts';

const JSON_LIMIT = 64 * 1024;

/**
 * The owner's JSON API under /{pod}/.consent/: decisions, withdrawals and listings. Only an
 * agent with Control of the pod gets in; the library then checks it is the data subject.
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
  if ((method === 'GET' || method === 'HEAD') && (action === 'requests' || action === 'grants' || action === 'records')) {
    return json(response, 200, await consent.list(podPath, action));
  }
  if (['decisions', 'withdrawals', 'requests', 'grants', 'records'].includes(action)) {
    throw new MethodNotAllowed(`${method} is not allowed on ${request.path}`, action === 'decisions' || action === 'withdrawals' ? 'POST' : 'GET, HEAD');
  }
  throw new NotFound(`No consent API at ${request.path}`);
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
