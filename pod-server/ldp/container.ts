import { DataFactory, type Quad } from 'n3';
import { parseRdf } from '../rdf/parse.ts';
import { TURTLE } from '../rdf/media-types.ts';
import { isContainerPath, type ResourceStore, type StoredResource } from '../storage/store.ts';
import { isAclPath, urlForPath } from './paths.ts';

const { namedNode, quad, literal } = DataFactory;
const LDP = 'http://www.w3.org/ns/ldp#';
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const DC_MODIFIED = namedNode('http://purl.org/dc/terms/modified');
const XSD_DATETIME = namedNode('http://www.w3.org/2001/XMLSchema#dateTime');
export const LDP_CONTAINS = `${LDP}contains`;

/** Members as clients see them: auxiliary ACL documents are not listed. */
export async function members(store: ResourceStore, containerPath: string): Promise<string[]> {
  return (await store.children(containerPath)).filter((path) => !isAclPath(path));
}

/** A container's representation: its stored triples plus server-managed types and ldp:contains. */
export async function containerQuads(store: ResourceStore, baseUrl: string, path: string, stored: StoredResource): Promise<Quad[]> {
  const self = namedNode(urlForPath(baseUrl, path));
  const quads = stored.body.length ? await parseRdf(stored.body.toString('utf8'), TURTLE, self.value) : [];
  quads.push(
    quad(self, RDF_TYPE, namedNode(`${LDP}Container`)),
    quad(self, RDF_TYPE, namedNode(`${LDP}BasicContainer`)),
    quad(self, RDF_TYPE, namedNode(`${LDP}Resource`)),
    quad(self, DC_MODIFIED, literal(stored.modified.toISOString(), XSD_DATETIME)),
  );
  for (const member of await members(store, path)) {
    const child = namedNode(urlForPath(baseUrl, member));
    quads.push(quad(self, namedNode(LDP_CONTAINS), child), quad(child, RDF_TYPE, namedNode(`${LDP}Resource`)));
    if (isContainerPath(member)) quads.push(quad(child, RDF_TYPE, namedNode(`${LDP}Container`)));
  }
  return quads;
}
