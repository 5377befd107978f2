import type { ServerResponse } from 'node:http';
import { Conflict, MethodNotAllowed, NotFound } from '../../service-kit/errors.ts';
import { checkWritePreconditions } from '../http/preconditions.ts';
import { isContainerPath, parentPath } from '../storage/store.ts';
import { members } from './container.ts';
import { authorize, type LdpContext, type LdpRequest } from './context.ts';
import { allowedMethods } from './headers.ts';
import { aclPathFor, isAclPath } from './paths.ts';

/** DELETE: needs Write on the resource and on its container; containers must be empty. */
export async function remove(context: LdpContext, request: LdpRequest, response: ServerResponse): Promise<void> {
  const { path } = request;
  if (path === '/' || path === '/.acl') throw new MethodNotAllowed('The root container and its ACL cannot be deleted', allowedMethods(path).join(', '));
  const needs = [{ path, mode: 'write' as const }];
  if (!isAclPath(path)) needs.push({ path: parentPath(path)!, mode: 'write' });
  await authorize(context, request, needs);
  await context.store.delete(path, async (current) => {
    if (!current) throw new NotFound();
    checkWritePreconditions(request.raw, current);
    if (isContainerPath(path) && (await members(context.store, path)).length > 0) {
      throw new Conflict('The container is not empty; delete its members first', 'container_not_empty');
    }
  });
  context.access.invalidate(path);
  context.consent?.forget(path);
  // A resource's ACL is auxiliary to it and goes with it.
  if (!isAclPath(path)) {
    await context.store.delete(aclPathFor(path));
    context.access.invalidate(aclPathFor(path));
  }
  response.writeHead(204).end();
}
