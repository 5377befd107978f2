import type { ServerResponse } from 'node:http';
import type { AccessMode } from '../auth/wac.ts';
import { N3, SPARQL_UPDATE, RDF_TYPES } from '../rdf/media-types.ts';
import { isContainerPath } from '../storage/store.ts';
import { aclPathFor, isAclPath, urlForPath } from './paths.ts';
import type { LdpContext, LdpRequest } from './context.ts';

const LDP = 'http://www.w3.org/ns/ldp#';
const PIM_STORAGE = 'http://www.w3.org/ns/pim/space#Storage';

export const ACCEPT_PATCH = `${N3}, ${SPARQL_UPDATE}`;
export const ACCEPT_RDF = RDF_TYPES.join(', ');

/** The Link, Allow and Accept-* headers that describe a resource, whether or not it exists. */
export function describeResource(response: ServerResponse, context: LdpContext, path: string, isRdf: boolean): void {
  const container = isContainerPath(path);
  const types = [`${LDP}Resource`];
  if (container) types.push(`${LDP}Container`, `${LDP}BasicContainer`);
  else types.push(isRdf ? `${LDP}RDFSource` : `${LDP}NonRDFSource`);
  if (path === '/') types.push(PIM_STORAGE);
  const links = types.map((type) => `<${type}>; rel="type"`);
  if (!isAclPath(path)) links.push(`<${urlForPath(context.baseUrl, aclPathFor(path))}>; rel="acl"`);
  response.setHeader('Link', links.join(', '));
  response.setHeader('Allow', allowedMethods(path).join(', '));
  response.setHeader('Accept-Patch', ACCEPT_PATCH);
  response.setHeader('Accept-Put', container ? ACCEPT_RDF : '*/*');
  if (container) response.setHeader('Accept-Post', '*/*');
  response.setHeader('Vary', 'Accept, Authorization, Origin');
}

export function allowedMethods(path: string): string[] {
  const methods = ['OPTIONS', 'HEAD', 'GET', 'PUT', 'PATCH'];
  if (isContainerPath(path)) methods.push('POST');
  if (path !== '/' && path !== '/.acl') methods.push('DELETE');
  return methods;
}

/** WAC-Allow: what this agent and the public may do here, so apps can show the right buttons. */
export async function setWacAllow(response: ServerResponse, context: LdpContext, request: LdpRequest): Promise<void> {
  const user = await context.access.modes(request.credentials, request.origin, request.path);
  if (request.grant) user.add(request.grant.mode); // what a consent grant allowed counts too
  const everyone = request.credentials.webId ? await context.access.modes({}, request.origin, request.path) : user;
  response.setHeader('WAC-Allow', `user="${modeList(user)}",public="${modeList(everyone)}"`);
}

function modeList(modes: Set<AccessMode>): string {
  return [...modes].join(' ');
}
