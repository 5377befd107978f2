// HTML views for people. Every piece of data goes through esc(); nothing is trusted.
import type { Graph, Node } from '../rdf.ts';
import { isLit } from '../rdf.ts';
import { conceptIdOf, JM, NS, OWL, RDF, RDFS, SKOS, schemeTypeOf } from '../terms.ts';
import { compactIri as compactKnown } from '../validate/describe.ts';
import type { Concept, TaxonomyIndex } from '../taxonomy/index.ts';

/** Namespaces the ontology refers to (consent terms align with Web Access Control and LDP) but vocab never writes data in. */
const DISPLAY_ONLY_PREFIXES: Record<string, string> = { acl: 'http://www.w3.org/ns/auth/acl#', ldp: 'http://www.w3.org/ns/ldp#' };
function compactIri(iri: string): string {
  const known = compactKnown(iri);
  if (!known.startsWith('<')) return known;
  const [prefix, ns] = Object.entries(DISPLAY_ONLY_PREFIXES).find(([, n]) => iri.startsWith(n) && /^[\w.-]*$/.test(iri.slice(n.length))) ?? [];
  return prefix && ns ? `${prefix}:${iri.slice(ns.length)}` : known;
}

export function esc(s: unknown): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function page(title: string, body: string, alternates: Array<{ type: string; href: string }> = []): string {
  const links = alternates.map((a) => `<link rel="alternate" type="${esc(a.type)}" href="${esc(a.href)}">`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>${links}
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{background:#f4f4f4;border-radius:4px}pre{padding:.75rem;overflow:auto}dt{font-weight:600}
section.term{border-top:1px solid #ddd;padding:.5rem 0}.muted{color:#666}a{color:#0b5cad}</style>
</head><body>${body}</body></html>`;
}

const label = (g: Graph, n: Node, lang = 'en') => {
  const ls = g.objects(n, RDFS.label).filter(isLit);
  return (ls.find((l) => l.language === lang) ?? ls[0])?.value;
};

/** A link for a term: our own terms go to their anchor, others to their IRI. */
function termLink(iri: string, baseUrl: string): string {
  if (iri.startsWith(NS.jm)) {
    const local = iri.slice(NS.jm.length);
    const type = schemeTypeOf(iri);
    if (type) return `<a href="${esc(`${baseUrl}/taxonomy/search?type=${encodeURIComponent(type)}&q=`)}">${esc(compactIri(iri))}</a>`;
    return `<a href="#${esc(local)}">${esc(compactIri(iri))}</a>`;
  }
  const id = conceptIdOf(iri);
  if (id) return `<a href="${esc(`${baseUrl}/taxonomy/concept/${encodeURIComponent(id)}`)}">${esc(compactIri(iri))}</a>`;
  return `<a href="${esc(iri)}">${esc(compactIri(iri))}</a>`;
}

function termSection(g: Graph, iri: string, baseUrl: string, taxonomy: TaxonomyIndex): string {
  const rows: string[] = [];
  // A blank node is shown only when it is a union of named classes ("A or B"), e.g. a domain shared by two classes.
  const show = (v: string): string | undefined => {
    if (!v.startsWith('_:')) return termLink(v, baseUrl);
    const union = g.node(v, OWL.unionOf);
    const members = union ? g.listItems(union) : [];
    if (!members.length || members.some((m) => typeof m !== 'string' || m.startsWith('_:'))) return undefined;
    return (members as string[]).map((m) => termLink(m, baseUrl)).join(' or ');
  };
  const list = (p: string, title: string) => {
    const vs = g.nodes(iri, p).map(show).filter((v): v is string => v !== undefined);
    if (vs.length) rows.push(`<dt>${esc(title)}</dt><dd>${vs.join(', ')}</dd>`);
  };
  list(RDFS.subClassOf, 'subclass of');
  list(RDFS.subPropertyOf, 'subproperty of');
  list(RDFS.domain, 'domain');
  list(RDFS.range, 'range');
  list(JM.personalDataCategory, 'DPV personal-data category');
  list(SKOS.closeMatch, 'close match');
  list(RDFS.seeAlso, 'see also');
  const schemes = g.nodes(iri, JM.taxonomyScheme);
  if (schemes.length) {
    rows.push(`<dt>values from the JobTech Taxonomy</dt><dd>${schemes.map((s) => {
      const type = schemeTypeOf(s) ?? s;
      return `${termLink(s, baseUrl)} <span class="muted">(${taxonomy.byType(type).length} concepts)</span>`;
    }).join(', ')}</dd>`);
  }
  const examples = g.strings(iri, SKOS.example).map((e) => `<pre>${esc(e)}</pre>`).join('');
  const comment = g.strings(iri, RDFS.comment).map((c) => `<p>${esc(c)}</p>`).join('');
  const local = iri.slice(NS.jm.length);
  return `<section class="term" id="${esc(local)}"><h3>${esc(compactIri(iri))} <span class="muted">${esc(label(g, iri) ?? '')}</span></h3>
<p class="muted"><code>${esc(iri)}</code></p>${comment}<dl>${rows.join('')}</dl>${examples}</section>`;
}

export function ontologyPage(g: Graph, opts: { baseUrl: string; taxonomy: TaxonomyIndex; jsonLdExample: string }): string {
  const ours = (type: string) => g.instancesOf(type).filter((i) => i.startsWith(NS.jm)).sort();
  const classes = ours(OWL.Class);
  const props = [...new Set([...ours(OWL.ObjectProperty), ...ours(OWL.DatatypeProperty), ...ours(OWL.AnnotationProperty), ...ours(RDF.Property)])].sort();
  const schemes = ours(JM.TaxonomyScheme);
  const individuals = [...new Set([...ours(JM.CefrLevel), ...ours(JM.RemoteWorkOption), ...ours(OWL.NamedIndividual)])];
  const base = opts.baseUrl;
  const body = `<h1>JobTech MyData vocabulary</h1>
<p>Namespace <code>${esc(NS.jm)}</code> (prefix <code>jm:</code>). Competence profiles in Solid pods and job ads,
aligned with the JobTech Taxonomy, ESCO, schema.org, SKOS, vCard and DPV.</p>
<p>Machine-readable: <a href="${esc(`${base}/vocab?format=ttl`)}">Turtle</a> · <a href="${esc(`${base}/vocab?format=jsonld`)}">JSON-LD</a> ·
<a href="${esc(`${base}/vocab/shapes`)}">SHACL shapes</a> · <a href="${esc(`${base}/vocab/context.jsonld`)}">JSON-LD context</a> ·
<a href="${esc(`${base}/vocab/consent-context.jsonld`)}">consent JSON-LD context</a> ·
<a href="${esc(`${base}/taxonomy/search?q=java&type=skill`)}">taxonomy search</a></p>
<h2>Example: a skills section in plain JSON</h2><pre>${esc(opts.jsonLdExample)}</pre>
<h2>Classes</h2>${classes.map((c) => termSection(g, c, base, opts.taxonomy)).join('\n')}
<h2>Properties</h2>${props.map((p) => termSection(g, p, base, opts.taxonomy)).join('\n')}
<h2>Taxonomy schemes</h2><ul>${schemes.map((s) => {
    const type = schemeTypeOf(s) ?? '';
    return `<li id="${esc(s.slice(NS.jm.length))}"><code>${esc(compactIri(s))}</code> — ${esc(label(g, s) ?? type)} (${opts.taxonomy.byType(type).length} concepts) ${termLink(s, base)}</li>`;
  }).join('')}</ul>
<h2>Named values</h2><ul>${individuals.map((i) => {
    const definition = g.strings(i, SKOS.definition).filter((d) => !g.strings(i, SKOS.prefLabel).includes(d));
    const scheme = g.node(i, SKOS.inScheme);
    return `<li id="${esc(i.slice(NS.jm.length))}"><code>${esc(compactIri(i))}</code> ${esc(g.strings(i, SKOS.prefLabel).join(' / '))}`
      + `${definition.length ? ` — ${esc(definition.join(' '))}` : ''}${scheme ? ` <span class="muted">(in ${esc(compactIri(scheme))})</span>` : ''}</li>`;
  }).join('')}</ul>`;
  return page('JobTech MyData vocabulary', body);
}

export function conceptPage(c: Concept, taxonomy: TaxonomyIndex, baseUrl: string): string {
  const link = (x: Concept) => `<a href="${esc(`${baseUrl}/taxonomy/concept/${encodeURIComponent(x.id)}`)}">${esc(x.label)}</a> <span class="muted">(${esc(x.type)})</span>`;
  const broader = taxonomy.broader(c.id);
  const narrower = taxonomy.narrower(c.id);
  const esco = taxonomy.escoMatches(c.id);
  const iri = NS.concept + c.id;
  const self = `${baseUrl}/taxonomy/concept/${encodeURIComponent(c.id)}`;
  const body = `<p class="muted"><a href="${esc(`${baseUrl}/vocab`)}">JobTech MyData vocabulary</a> › JobTech Taxonomy</p>
<h1>${esc(c.label)}</h1>
<p><code>${esc(iri)}</code></p>
<dl><dt>type</dt><dd>${esc(c.type)} (<code>${esc(compactIri(`${NS.jm}taxonomy-${c.type}`))}</code>)</dd>
${c.legacyId ? `<dt>legacy id</dt><dd>${esc(c.legacyId)}</dd>` : ''}
${c.description && c.description !== c.label ? `<dt>definition</dt><dd>${esc(c.description)}</dd>` : ''}
${c.lat !== undefined ? `<dt>coordinates</dt><dd>${esc(c.lat)}, ${esc(c.lon)}</dd>` : ''}
<dt>broader</dt><dd>${broader ? link(broader) : '<span class="muted">none</span>'}</dd>
<dt>narrower</dt><dd>${narrower.length ? `<ul>${narrower.map((n) => `<li>${link(n)}</li>`).join('')}</ul>` : '<span class="muted">none</span>'}</dd>
<dt>ESCO</dt><dd>${esco.length ? `<ul>${esco.map((m) => `<li>skos:${esc(m.relation)}Match <a href="${esc(m.uri)}">${esc(m.label || m.uri)}</a></li>`).join('')}</ul>` : '<span class="muted">no mapping</span>'}</dd></dl>
<p>Also as <a href="${esc(`${self}?format=ttl`)}">Turtle</a> · <a href="${esc(`${self}?format=jsonld`)}">JSON-LD</a></p>`;
  return page(`${c.label} — JobTech Taxonomy`, body, [{ type: 'text/turtle', href: `${self}?format=ttl` }]);
}

export function textPage(title: string, text: string, intro = ''): string {
  return page(title, `<h1>${esc(title)}</h1>${intro ? `<p>${esc(intro)}</p>` : ''}<pre>${esc(text)}</pre>`);
}

export function errorPage(status: number, message: string): string {
  return page(`${status}`, `<h1>${esc(status)}</h1><p>${esc(message)}</p>`);
}

