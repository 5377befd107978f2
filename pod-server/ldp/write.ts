import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { BadRequest, Conflict, MethodNotAllowed, NotFound, UnsupportedMediaType } from '../../service-kit/errors.ts';
import { readBody } from '../../service-kit/http/body.ts';
import { inputBudget, type WorkBudget } from '../http/work-budget.ts';
import { checkWritePreconditions } from '../http/preconditions.ts';
import { TURTLE, essence, isRdfType } from '../rdf/media-types.ts';
import { parseRdf, type Quad } from '../rdf/parse.ts';
import { writeRdf } from '../rdf/serialize.ts';
import { tripleProblem } from '../rdf/validate.ts';
import { ancestorPaths, isContainerPath, parentPath, type ResourceMetadata, type WriteCheck } from '../storage/store.ts';
import { LDP_CONTAINS } from './container.ts';
import { authorize, logGrantUse, type LdpContext, type LdpRequest } from './context.ts';
import { allowedMethods, describeResource } from './headers.ts';
import { fitName, isAclPath, urlForPath } from './paths.ts';
import type { AccessMode } from '../auth/wac.ts';

/**
 * What creating a resource needs: `mode` on the new resource and Append (or Write) on every
 * container that gains a member. When the parent does not exist yet it is created too, so up to
 * and including the nearest EXISTING ancestor each container gains one: checking only the missing
 * parent would let its inherited default decide what the existing container's own rules refuse.
 * An ACL document is not a member of anything: creating one needs Control on its subject only.
 */
export async function creationNeeds(context: LdpContext, path: string, mode: AccessMode): Promise<{ path: string; mode: AccessMode }[]> {
  if (isAclPath(path)) return [{ path, mode }];
  const needs: { path: string; mode: AccessMode }[] = [{ path, mode }];
  // Bounded by the path's depth; the root always exists, so the walk stops there at the latest.
  for (let container = parentPath(path); container; container = parentPath(container)) {
    needs.unshift({ path: container, mode: 'append' });
    if (await context.store.metadata(container)) break;
  }
  return needs;
}

/** PUT: create or replace. RDF is validated and stored once, as Turtle. */
export async function put(context: LdpContext, request: LdpRequest, response: ServerResponse): Promise<void> {
  const { path } = request;
  const contentType = requireContentType(request);
  if (isContainerPath(path) && !isRdfType(contentType)) throw new BadRequest(`A container holds RDF only; ${contentType} cannot be PUT to ${path}`, 'container_not_rdf');
  if (isAclPath(path) && essence(contentType) !== TURTLE) throw new UnsupportedMediaType('ACL documents must be text/turtle');
  const existing = await context.store.metadata(path);
  await authorize(context, request, existing ? [{ path, mode: 'write' }] : await creationNeeds(context, path, 'write'));
  const body = await readBody(request.raw, context.maxBodyBytes);
  const stored = await storable(body, contentType, request.url, path, inputBudget(request.raw, 'This body'));
  if (!existing) await checkNamespace(context, path);
  let created = false;
  await writeAndForget(context, path, stored.body, stored.contentType, response, async (current) => {
    checkWritePreconditions(request.raw, current);
    if (!current) await checkNamespace(context, path);
    created = !current;
  });
  await logGrantUse(context, request); // a write under a consent grant is logged like a read
  finish(context, response, path, created, isContainerPath(path) || isRdfType(stored.contentType));
}

/** POST to a container: a new member named from Slug, or by the server. */
export async function post(context: LdpContext, request: LdpRequest, response: ServerResponse): Promise<void> {
  const container = request.path;
  if (!isContainerPath(container)) throw new MethodNotAllowed('POST is only allowed on containers', allowedMethods(container).join(', '));
  // Authorize first, so an agent without access learns nothing about what exists.
  await authorize(context, request, [{ path: container, mode: 'append' }]);
  if (!(await context.store.metadata(container))) throw new NotFound('The container does not exist');
  const contentType = requireContentType(request);
  const wantsContainer = /<http:\/\/www\.w3\.org\/ns\/ldp#(Basic)?Container>\s*;\s*rel="?type"?/.test(String(request.raw.headers.link ?? ''));
  if (wantsContainer && !isRdfType(contentType)) throw new BadRequest('A container holds RDF only', 'container_not_rdf');
  const body = await readBody(request.raw, context.maxBodyBytes);
  const suffix = wantsContainer ? '/' : '';
  let name = slugName(request.raw.headers.slug) ?? randomUUID();
  // Relative IRIs in the body resolve against the new member's URL, so parse once the name is known.
  for (let attempt = 0; ; attempt++) {
    const target = container + name + suffix;
    const stored = await storable(body, contentType, urlForPath(context.baseUrl, target), target, inputBudget(request.raw, 'This body'));
    try {
      await writeAndForget(context, target, stored.body, stored.contentType, response, async (current) => {
        if (current || (await context.store.metadata(container + name + (suffix ? '' : '/')))) throw new NameTaken();
      });
      return finish(context, response, target, true, wantsContainer || isRdfType(contentType));
    } catch (error) {
      if (!(error instanceof NameTaken) || attempt > 3) throw error;
      name = `${name.slice(0, 200)}-${randomUUID().slice(0, 8)}`;
    }
  }
}

class NameTaken extends Error {}

export function requireContentType(request: LdpRequest): string {
  const contentType = request.raw.headers['content-type'];
  if (!contentType) throw new BadRequest('Content-Type is required', 'missing_content_type');
  return contentType;
}

/**
 * RDF is parsed (400 on syntax errors) and, unless it is Turtle already, re-serialized as
 * Turtle; whatever is converted is first checked to be writable as Turtle that reads back.
 */
export async function storable(body: Buffer, contentType: string, baseIRI: string, path: string, budget?: WorkBudget): Promise<{ body: Buffer; contentType: string }> {
  if (!isRdfType(contentType)) return { body, contentType };
  const quads = await parseRdf(body.toString('utf8'), contentType, baseIRI, budget);
  if (isContainerPath(path)) rejectContainment(quads);
  if (essence(contentType) === TURTLE) return { body, contentType: TURTLE };
  for (const q of quads) {
    const problem = tripleProblem(q);
    if (problem) throw new BadRequest(`Cannot store this as Turtle: ${problem}`, 'invalid_rdf');
  }
  return { body: Buffer.from(await writeRdf(quads, 'Turtle', budget)), contentType: TURTLE };
}

export function rejectContainment(quads: Quad[]): void {
  if (quads.some((q) => q.predicate.value === LDP_CONTAINS)) throw new Conflict('ldp:contains is managed by the server and cannot be written', 'containment_triples');
}

/** A path and its container/non-container twin cannot both exist, nor can a document have children. */
export async function checkNamespace(context: LdpContext, path: string): Promise<void> {
  const twin = isContainerPath(path) ? path.slice(0, -1) : path + '/';
  if (await context.store.metadata(twin)) throw new Conflict(`${twin} already exists; a resource and a container cannot share a name`, 'name_taken');
  for (const ancestor of ancestorPaths(path)) {
    if (ancestor !== '/' && (await context.store.metadata(ancestor.slice(0, -1)))) {
      throw new Conflict(`${ancestor.slice(0, -1)} is a document, so it cannot contain ${path}`, 'parent_not_container');
    }
  }
}

/** Writes through the store, then drops cached access decisions that the write may change. */
export async function writeAndForget(context: LdpContext, path: string, body: Buffer, contentType: string, response: ServerResponse, check?: WriteCheck): Promise<ResourceMetadata> {
  const meta = await context.store.write(path, body, contentType, check);
  context.access.invalidate(path);
  context.consent?.forget(path);
  response.setHeader('ETag', meta.etag);
  response.setHeader('Last-Modified', meta.modified.toUTCString());
  return meta;
}

export function finish(context: LdpContext, response: ServerResponse, path: string, created: boolean, isRdf: boolean): void {
  describeResource(response, context, path, isRdf);
  if (created) {
    response.setHeader('Location', urlForPath(context.baseUrl, path));
    response.writeHead(201).end();
  } else {
    response.writeHead(204).end();
  }
}

function slugName(slug: string | string[] | undefined): string | undefined {
  if (typeof slug !== 'string') return undefined;
  let name = slug;
  try { name = decodeURIComponent(slug); } catch { /* a literal '%' is fine */ }
  // Cut to the name limit (with room for the '-xxxxxxxx' of a retry) before the checks, so what is checked is what is used.
  // eslint-disable-next-line no-control-regex
  name = fitName(name.replace(/[/\\\u0000-\u001f\u007f]/g, '-'), 9).replace(/\$+$/, '').trim();
  if (!name || name === '.' || name === '..' || name.endsWith('.acl')) return undefined;
  return name;
}
