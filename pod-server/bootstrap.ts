import { aclPathFor } from './ldp/paths.ts';
import type { ResourceStore } from './storage/store.ts';

/**
 * A fresh store gets a root container and an ACL that lets everyone read and nobody write:
 * a new server is never world-writable. Administrators change it by editing the file
 * (file storage) or, once accounts exist, as the owner with Control.
 */
export function rootAcl(baseUrl: string): string {
  return `@prefix acl: <http://www.w3.org/ns/auth/acl#>.
@prefix foaf: <http://xmlns.com/foaf/0.1/>.

<#public> a acl:Authorization;
  acl:agentClass foaf:Agent;
  acl:accessTo <${baseUrl}>;
  acl:default <${baseUrl}>;
  acl:mode acl:Read.
`;
}

export async function initializeRoot(store: ResourceStore, baseUrl: string): Promise<void> {
  if (!(await store.metadata('/'))) await store.write('/', Buffer.alloc(0), 'text/turtle');
  if (!(await store.metadata(aclPathFor('/')))) await store.write(aclPathFor('/'), Buffer.from(rootAcl(baseUrl)), 'text/turtle');
}
