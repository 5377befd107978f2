import type { AccessControl } from '../auth/access-control.ts';
import { aclPathFor, urlForPath } from '../ldp/paths.ts';
import type { ResourceStore } from '../storage/store.ts';

export interface PodLocation {
  name: string;
  podPath: string;
  podUrl: string;
  webId: string;
}

export function podLocation(baseUrl: string, name: string): PodLocation {
  const podPath = `/${name}/`;
  const podUrl = urlForPath(baseUrl, podPath);
  return { name, podPath, podUrl, webId: `${podUrl}profile/card#me` };
}

const PREFIXES = `@prefix acl: <http://www.w3.org/ns/auth/acl#>.
@prefix foaf: <http://xmlns.com/foaf/0.1/>.
@prefix ldp: <http://www.w3.org/ns/ldp#>.
@prefix pim: <http://www.w3.org/ns/pim/space#>.
@prefix solid: <http://www.w3.org/ns/solid/terms#>.
`;

/**
 * Writes a new pod: the storage root, the WebID profile (public read), the inbox (authenticated
 * agents append, the owner reads) and ACLs that give the owner full control and nobody else
 * anything more. Resources are written through the store, and the ACL cache told.
 */
export async function provisionPod(target: { store: ResourceStore; access: AccessControl; baseUrl: string }, pod: PodLocation, issuer: string): Promise<void> {
  const { podUrl, webId, podPath } = pod;
  const card = `${podUrl}profile/card`;
  const inbox = `${podUrl}inbox/`;
  const owner = (subject: string, inherit: boolean) => `<#owner> a acl:Authorization; acl:agent <${webId}>;
  acl:accessTo <${subject}>;${inherit ? ` acl:default <${subject}>;` : ''}
  acl:mode acl:Read, acl:Write, acl:Control.
`;
  const resources: [string, string][] = [
    [aclPathFor(podPath), `${PREFIXES}${owner(podUrl, true)}`],
    [podPath, `${PREFIXES}<${podUrl}> a pim:Storage.\n`],
    [`${podPath}profile/card`, `${PREFIXES}
<${card}> a foaf:PersonalProfileDocument; foaf:maker <${webId}>; foaf:primaryTopic <${webId}>.
<${webId}> a foaf:Person;
  foaf:name ${JSON.stringify(pod.name)};
  solid:oidcIssuer <${issuer}>;
  pim:storage <${podUrl}>;
  ldp:inbox <${inbox}>.
`],
    [aclPathFor(`${podPath}profile/card`), `${PREFIXES}${owner(card, false)}
<#public> a acl:Authorization; acl:agentClass foaf:Agent; acl:accessTo <${card}>; acl:mode acl:Read.
`],
    [`${podPath}inbox/`, `${PREFIXES}<${inbox}> a ldp:Container.\n`],
    [aclPathFor(`${podPath}inbox/`), `${PREFIXES}${owner(inbox, true)}
<#append> a acl:Authorization; acl:agentClass acl:AuthenticatedAgent; acl:accessTo <${inbox}>; acl:mode acl:Append.
`],
  ];
  // The pod ACL goes first (it creates the container), so no moment exists where the root's public-read default governs the pod.
  for (const [path, body] of resources) {
    await target.store.write(path, Buffer.from(body), 'text/turtle');
    target.access.invalidate(path);
  }
}
