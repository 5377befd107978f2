// JSON-LD for consent documents. Parsing goes through vocab's parser (linear; no remote contexts are
// ever fetched); our own context IRI resolves to the context shipped beside this module.
import jsonld from 'jsonld';
import { readFileSync } from 'node:fs';
import { parseJsonLd, registerContextDocument, toNQuads, type Graph } from '../vocab/index.ts';

export const CONSENT_CONTEXT_IRI = 'https://w3id.org/jobtech-mydata/vocab/consent-context.jsonld';
export const CONSENT_CONTEXT = JSON.parse(readFileSync(new URL('./context.jsonld', import.meta.url), 'utf8')) as { '@context': Record<string, unknown> };
registerContextDocument(CONSENT_CONTEXT_IRI, CONSENT_CONTEXT);

/** Parses a consent JSON-LD document (our context by IRI, inline, or none). Throws JsonLdError. */
export async function parseConsentJsonLd(text: string | object, baseIri: string): Promise<Graph> {
  return parseJsonLd(text, baseIri);
}

/** Compacted JSON-LD with the consent context (by IRI unless inline). Blank node ids are dropped where unused. */
export async function toConsentJsonLd(g: Graph, opts: { inline?: boolean; base?: string } = {}): Promise<Record<string, unknown>> {
  const expanded = await jsonld.fromRDF(toNQuads(g) as unknown as jsonld.JsonLdDocument, { format: 'application/n-quads' } as jsonld.Options.FromRdf);
  const framedInput = expanded;
  const compacted = await jsonld.compact(framedInput, CONSENT_CONTEXT['@context'] as jsonld.ContextDefinition, { base: opts.base } as jsonld.Options.Compact);
  const nested = nestBlankNodes(compacted as Record<string, unknown>);
  nested['@context'] = opts.inline ? CONSENT_CONTEXT['@context'] : CONSENT_CONTEXT_IRI;
  return { '@context': nested['@context'], ...Object.fromEntries(Object.entries(nested).filter(([k]) => k !== '@context')) };
}

/** Puts blank nodes referenced once inside their parent, so a request reads as one JSON object. */
function nestBlankNodes(doc: Record<string, unknown>): Record<string, unknown> {
  const graph = (doc['@graph'] as Record<string, unknown>[] | undefined) ?? [Object.fromEntries(Object.entries(doc).filter(([k]) => k !== '@context'))];
  const byId = new Map<string, Record<string, unknown>>();
  for (const n of graph) if (typeof n.id === 'string') byId.set(n.id, n);
  const used = new Set<string>();
  const refs = new Map<string, number>();
  const count = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(count);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Object.keys(o).length === 1 && typeof o.id === 'string') refs.set(o.id, (refs.get(o.id) ?? 0) + 1);
      else for (const [k, x] of Object.entries(o)) if (k !== 'id') count(x);
    }
  };
  graph.forEach((n) => Object.entries(n).forEach(([k, v]) => k !== 'id' && count(v)));
  const embed = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(embed);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Object.keys(o).length === 1 && typeof o.id === 'string' && o.id.startsWith('_:') && refs.get(o.id) === 1 && byId.has(o.id)) {
        used.add(o.id);
        const { id: _id, ...rest } = byId.get(o.id)!;
        return embed(rest);
      }
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, embed(x)]));
    }
    return v;
  };
  const top = graph.map((n) => embed(n) as Record<string, unknown>).filter((n) => !(typeof n.id === 'string' && used.has(n.id)));
  return top.length === 1 ? top[0] : { '@graph': top };
}
