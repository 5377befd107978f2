// A taxonomy concept as linked data: SKOS (+ schema:DefinedTerm), broader/narrower, ESCO mappings.
import { dec, Graph, str } from '../rdf.ts';
import { conceptIri, JM, RDF, SCHEMA, schemeIri, SKOS } from '../terms.ts';
import type { TaxonomyIndex } from './index.ts';

const ESCO_PROPERTY = { exact: SKOS.exactMatch, close: SKOS.closeMatch, broad: SKOS.broadMatch, narrow: SKOS.narrowMatch } as const;

/** The concept's description, with labels of the concepts it links to so that one fetch is enough to render it. */
export function conceptGraph(taxonomy: TaxonomyIndex, id: string): Graph | undefined {
  const c = taxonomy.get(id);
  if (!c) return undefined;
  const g = new Graph();
  const iri = conceptIri(c.id);
  g.add(iri, RDF.type, SKOS.Concept).add(iri, RDF.type, SCHEMA.DefinedTerm)
    .add(iri, SKOS.prefLabel, str(c.label, 'sv')).add(iri, SKOS.definition, c.description ? str(c.description, 'sv') : undefined)
    .add(iri, SKOS.inScheme, schemeIri(c.type)).add(iri, SCHEMA.inDefinedTermSet, schemeIri(c.type))
    .add(iri, JM.taxonomyType, str(c.type)).add(iri, JM.legacyId, c.legacyId ? str(c.legacyId) : undefined)
    .add(iri, SKOS.notation, c.countryCode ? str(c.countryCode) : undefined);
  const link = (p: string, otherId: string) => {
    const other = taxonomy.get(otherId);
    g.add(iri, p, conceptIri(otherId));
    if (other) g.add(conceptIri(otherId), SKOS.prefLabel, str(other.label, 'sv')).add(conceptIri(otherId), JM.taxonomyType, str(other.type));
  };
  if (c.broader) link(SKOS.broader, c.broader);
  for (const n of taxonomy.narrower(c.id)) link(SKOS.narrower, n.id);
  for (const m of taxonomy.escoMatches(c.id)) {
    g.add(iri, ESCO_PROPERTY[m.relation], m.uri).add(m.uri, SKOS.prefLabel, m.label ? str(m.label, 'sv') : undefined);
  }
  if (c.lat !== undefined && c.lon !== undefined) {
    const geo = g.blank();
    g.add(iri, SCHEMA.geo, geo).add(geo, RDF.type, SCHEMA.GeoCoordinates).add(geo, SCHEMA.latitude, dec(c.lat)).add(geo, SCHEMA.longitude, dec(c.lon));
  }
  return g;
}
