import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import { HttpError } from '../../service-kit/errors.ts';
import { chooseLang, switchHref } from '../pages/lang.ts';
import { frame, HEADERS } from '../pages/layout.ts';
import { html, Html } from './html.ts';
import { TEXT } from './page-text.ts';

/**
 * The pages oidc-provider draws itself (its error page, the RP-initiated logout question and
 * its answer), in the same frame and language as ours. The switch link of a page answering a
 * POST goes to the start page, since the POST cannot be repeated by a link.
 */
export interface KoaLike { req: IncomingMessage; res: ServerResponse; set(headers: Record<string, string>): void; type: string; body: unknown }

export function renderProblem(ctx: KoaLike, error: unknown, description: unknown): void {
  const lang = chooseLang(ctx.req, ctx.res);
  const t = TEXT[lang].problem;
  const details = [error, description].filter((part) => typeof part === 'string' && part).join(': ');
  ctx.set(HEADERS);
  ctx.type = 'html';
  ctx.body = frame(lang, t.title, html`<h1>${t.title}</h1><p>${t.text}</p>
${details ? html`<p class="hint">${t.details}: <code>${details}</code></p>` : ''}<p><a href="/">${t.home}</a></p>`, switchHref(ctx.req, lang, '/'));
}

/** `form` is built by oidc-provider (id op.logoutForm, escaped values); our buttons submit it. */
export function renderLogout(ctx: KoaLike, form: string): void {
  const lang = chooseLang(ctx.req, ctx.res);
  const t = TEXT[lang].logout;
  ctx.set(HEADERS);
  ctx.type = 'html';
  ctx.body = frame(lang, t.title, html`<h1>${t.title}</h1><p>${t.text}</p>${new Html(form)}
<div class="actions"><button type="submit" form="op.logoutForm" value="yes" name="logout">${t.yes}</button> <button type="submit" form="op.logoutForm">${t.no}</button></div>`, switchHref(ctx.req, lang, '/'));
}

export function renderLoggedOut(ctx: KoaLike): void {
  const lang = chooseLang(ctx.req, ctx.res);
  const t = TEXT[lang].logout;
  ctx.set(HEADERS);
  ctx.type = 'html';
  ctx.body = frame(lang, t.doneTitle, html`<h1>${t.doneTitle}</h1><p>${t.doneText}</p>`, switchHref(ctx.req, lang, '/'));
}

/**
 * A refusal on one of our forms that is not about a field (an expired form token, a step of a
 * login that no longer exists) as a page in the person's language, for browsers; other clients
 * keep the plain error of the one error handler.
 */
export function pageErrors(): ErrorRequestHandler {
  return (error, req, res, next) => {
    const status = error instanceof HttpError ? error.status : typeof error?.status === 'number' ? error.status : 500;
    if (status >= 500 || res.headersSent || req.accepts(['json', 'html']) !== 'html') return next(error);
    const lang = chooseLang(req, res);
    const t = TEXT[lang];
    const expired = error instanceof HttpError && error.code === 'invalid_form';
    const message = expired ? t.errors.expired : error instanceof HttpError ? t.errors.other(error.message) : t.problem.text;
    if (error instanceof HttpError) res.set(error.headers);
    res.status(status).set(HEADERS).type('html').send(frame(lang, t.problem.title, html`<h1>${t.problem.title}</h1><p class="error" role="alert">${message}</p><p><a href="/">${t.problem.home}</a></p>`, switchHref(req, lang, '/')));
  };
}
