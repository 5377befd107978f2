import type { NextFunction, Request, Response } from 'express';
import Negotiator from 'negotiator';
import { html } from './identity/html.ts';
import { chooseLang, switchHref } from './pages/lang.ts';
import { frame, HEADERS } from './pages/layout.ts';
import { TEXT } from './consent/page-text.ts';
import { RDF_TYPES } from './rdf/media-types.ts';

// RDF first: a client that accepts anything (or sends no Accept) gets the root container.
const OFFERED = [...RDF_TYPES, 'text/html'];

/**
 * `/` for people: a browser (text/html preferred over every RDF type) gets a short page with
 * the ways in; every other client falls through to the LDP handler and the root container.
 */
export function landingPage(options: { identity: boolean }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    if (new Negotiator(req).mediaType(OFFERED) !== 'text/html') return next();
    const lang = chooseLang(req, res);
    const t = TEXT[lang].landing;
    const ways = options.identity
      ? html`<ul class="ways"><li><a href="/.account/signup">${t.signup}</a></li><li><a href="/.account/login">${t.login}</a></li><li><a href="/.account/consent">${t.consent}</a></li></ul>`
      : '';
    const body = html`<h1>${t.title}</h1><p>${t.intro}</p>${ways}
<h2>${t.developers}</h2><ul><li><a href="/vocab">${t.vocab}</a></li><li><a href="/taxonomy">${t.taxonomy}</a></li></ul><p class="hint">${t.rdfNote}</p>`;
    res.status(200).set(HEADERS).set('Vary', 'Accept, Cookie').type('html').send(frame(lang, t.title, body, switchHref(req, lang)));
  };
}
