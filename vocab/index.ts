// Public API of the vocabulary package. Other packages import from here only.
export * from './terms.ts';
export { Graph, parseTurtle, toTurtle, toNQuads, RdfSyntaxError, isLit, str, int, dec, bool, typed } from './rdf.ts';
export type { Node, Lit, Obj } from './rdf.ts';
export { parseJsonLd, toJsonLd, JsonLdError, registerContextAlias, registerContextDocument, CONTEXT_DOCUMENT } from './jsonld.ts';
export {
  parseDocument, serializeGraph, loadSection, saveSection, validateProfile, sectionDocumentIri,
  TURTLE, JSON_LD, N_TRIPLES, RDF_CONTENT_TYPES,
} from './io.ts';
export { SECTION_CODECS, writeSection, readSection, writeProfile, readProfile } from './profile/sections.ts';
export { SectionReadError } from './profile/common.ts';
export * from './profile/types.ts';
export { exampleProfile } from './profile/example-profile.ts';
export { validateGraph, assertValid, formatReport, ValidationError, SHAPES_TURTLE } from './validate/validator.ts';
export type { Violation, ValidationReport } from './validate/validator.ts';
export { fromJobSearch, toJobSearch, enrichJobAd } from './jobad/convert.ts';
export { writeJobAd, readJobAd, readJobAds, jobAdIri, JOBSEARCH_AD_BASE } from './jobad/rdf.ts';
export type * from './jobad/types.ts';
export { TaxonomyIndex, getTaxonomy } from './taxonomy/index.ts';
export type { Concept, EscoMatch, EscoRelation, SearchHit, SearchOptions } from './taxonomy/index.ts';
export { conceptGraph } from './taxonomy/rdf.ts';
export { svKey, foldKey, swedishCollator } from './taxonomy/normalize.ts';
export { createVocabRouter } from './http/router.ts';
export type { VocabRouterOptions } from './http/router.ts';
