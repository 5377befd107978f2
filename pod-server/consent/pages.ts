import express, { type Request, type Response, type Router } from 'express';
import { verifyRun, type AccessRequest, type ChainResult, type ConsentRecord } from '../../consent/index.ts';
import { Forbidden, HttpError } from '../../service-kit/errors.ts';
import type { Account } from '../identity/accounts.ts';
import { fetchClientIdDocument } from '../identity/client-documents.ts';
import { html, type Html } from '../identity/html.ts';
import type { PageDeps } from '../identity/interaction-pages.ts';
import { pathForUrl } from '../ldp/paths.ts';
import type { ResourceStore } from '../storage/store.ts';
import type { ConsentGate } from './gate.ts';
import { confirmDeny, confirmWithdraw, requestCard, type CardState, type ClientInfo } from './page-cards.ts';
import { dateWords, endOfSwedishDay, untilRange } from './page-format.ts';
import { endedRecords, grantItem, historyItem, logItem } from './page-lists.ts';
import { HISTORY_PER_PAGE, LOG_PER_PAGE, PENDING_PER_PAGE, pageParam, pagingNav, slice } from './page-paging.ts';
import { chooseLang, switchHref, withQuery } from '../pages/lang.ts';
import { frame, HEADERS } from '../pages/layout.ts';
import { loginPath } from '../identity/return-to.ts';
import { TEXT, type Lang } from './page-text.ts';
import { who } from './page-who.ts';
import type { ConsentService } from './service.ts';
import { VerifiedRegistry, type VerifiedOrganisation } from './verified-organisations.ts';

const form = express.urlencoded({ extended: false, limit: '16kb' });
const HOME = '/.account/consent';

interface Deps {
  pages: PageDeps;
  gate: ConsentGate;
  store: ResourceStore;
  baseUrl: string;
  /** How long a refused requester must wait, said on the deny confirmation. */
  cooldownMs: number;
  verifiedOrganisations?: VerifiedOrganisation[];
}

interface Ctx { deps: Deps; registry: VerifiedRegistry; consent: ConsentService; account: Account; podPath: string; lang: Lang; token: string }
interface Problems { cards?: Map<string, CardState>; top?: string }

/**
 * The citizen's consent pages, Swedish first: pending requests (with a confirmation before a
 * denial), active grants (with a confirmation before a withdrawal), ended consents, and the
 * access log. Names are the ones recorded when each request arrived; nothing is read from a
 * requester's profile here, so a rename never rewrites what the citizen saw.
 */
export function consentPages(deps: Deps): Router {
  const registry = new VerifiedRegistry(deps.verifiedOrganisations);
  const router = express.Router();
  const context = async (req: Request, res: Response): Promise<Ctx> => {
    const account = deps.pages.service.accounts.byId(deps.pages.sessions.accountId(req) ?? '');
    if (!account) throw new Forbidden('Log in first');
    const podPath = pathForUrl(deps.baseUrl, account.podUrl)!;
    return { deps, registry, consent: await deps.gate.service(), account, podPath, lang: chooseLang(req, res), token: deps.pages.csrf.token(req, res) };
  };
  const send = (res: Response, status: number, body: string) => res.status(status).set(HEADERS).type('html').send(body);

  router.get(HOME, async (req, res) => {
    if (!deps.pages.sessions.accountId(req)) return res.redirect(303, loginPath(withQuery(req.originalUrl, {})));
    const ctx = await context(req, res);
    send(res, 200, await consentPage(req, ctx));
  });

  router.post(`${HOME}/decide`, form, async (req, res) => {
    deps.pages.csrf.verify(req, req.body?.csrf);
    const ctx = await context(req, res);
    const t = TEXT[ctx.lang];
    const requestId = String(req.body.request ?? '');
    const request = ((await ctx.consent.list(ctx.podPath, 'requests')) as AccessRequest[]).find((r) => r.id === requestId);
    if (!request) return send(res, 404, await consentPage(req, ctx, { top: t.errors.gone }));
    const sections = ([] as unknown[]).concat(req.body.sections ?? []).map(String);
    const typedUntil = String(req.body.validUntil ?? '').trim();
    const requester = who(request.requester, request.requesterName, registry);
    if (req.body.decision === 'deny' && req.body.confirmed !== 'yes') {
      return send(res, 200, frame(ctx.lang, t.confirmDenyHeading(requester.name), confirmDeny(request, requester, ctx.token, ctx.lang, deps.cooldownMs), switchHref(req, ctx.lang, HOME)));
    }
    const decision: Record<string, unknown> = { request: request.id, decision: req.body.decision === 'approve' ? 'approve' : 'deny' };
    if (decision.decision === 'approve') {
      const state: CardState = { errors: {}, sections, validUntil: typedUntil };
      if (sections.length === 0) state.errors.sections = t.errors.noSections;
      const until = typedUntil ? validUntil(typedUntil, request, ctx.lang, state) : undefined;
      if (state.errors.sections || state.errors.validUntil) return send(res, 400, await consentPage(req, ctx, { cards: new Map([[request.id, state]]) }));
      decision.sections = sections;
      if (until) decision.validUntil = until;
    }
    try {
      await ctx.consent.decideRequest(ctx.podPath, decision, ctx.account.webId, 'consent-page');
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      const state: CardState = { errors: { general: t.errors.other(error.message) }, sections, validUntil: typedUntil };
      return send(res, error.status, await consentPage(req, ctx, { cards: new Map([[request.id, state]]) }));
    }
    res.redirect(303, HOME);
  });

  router.post(`${HOME}/withdraw`, form, async (req, res) => {
    deps.pages.csrf.verify(req, req.body?.csrf);
    const ctx = await context(req, res);
    const t = TEXT[ctx.lang];
    const recordId = String(req.body.record ?? '');
    const record = ((await ctx.consent.list(ctx.podPath, 'grants')) as ConsentRecord[]).find((r) => r.id === recordId);
    if (!record) return send(res, 409, await consentPage(req, ctx, { top: t.errors.notActive }));
    const grantee = who(record.requester, record.requesterName, registry);
    if (req.body.confirmed !== 'yes') {
      return send(res, 200, frame(ctx.lang, t.confirmWithdrawHeading(grantee.name), confirmWithdraw(record.id, grantee, record.sections, ctx.token, ctx.lang), switchHref(req, ctx.lang, HOME)));
    }
    try {
      await ctx.consent.withdraw(ctx.podPath, { record: record.id }, ctx.account.webId, 'consent-page');
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      return send(res, error.status, await consentPage(req, ctx, { top: t.errors.other(error.message) }));
    }
    res.redirect(303, HOME);
  });
  return router;
}

/**
 * The chosen "until" day as the end of that day in Sweden, within today .. the requested end.
 * The last allowed day means the whole requested time, which ends during that day.
 */
function validUntil(typed: string, request: AccessRequest, lang: Lang, state: CardState): string | undefined {
  const t = TEXT[lang];
  const end = endOfSwedishDay(typed);
  if (!end) {
    state.errors.validUntil = t.errors.badDate;
    return undefined;
  }
  const now = new Date();
  const range = untilRange(request.duration, now);
  if (typed < range.min) state.errors.validUntil = t.errors.dateTooEarly(dateWords(now, lang));
  else if (typed > range.max) state.errors.validUntil = t.errors.dateTooLate(dateWords(range.end, lang));
  else if (typed !== range.max) return end.toISOString();
  return undefined;
}

async function consentPage(req: Request, ctx: Ctx, problems: Problems = {}): Promise<string> {
  const { consent, podPath, lang, token, registry } = ctx;
  const t = TEXT[lang];
  const now = new Date();
  const pending = (await consent.list(podPath, 'requests')) as AccessRequest[];
  const grants = (await consent.list(podPath, 'grants')) as ConsentRecord[];
  const records = (await consent.list(podPath, 'records')) as ConsentRecord[];
  const byId = new Map(records.map((r) => [r.id, r]));
  const whoOf = (record: ConsentRecord) => who(record.requester, record.requesterName, registry);
  const href = (key: string) => (page: number) => withQuery(req.originalUrl, { [key]: String(page), lang: undefined });

  const pendingPage = slice(pending, pageParam(req.query.requests), PENDING_PER_PAGE);
  const cards = await Promise.all(pendingPage.items.map(async (request, i) =>
    requestCard(request, who(request.requester, request.requesterName, registry), await clientInfo(request.clientId), token, lang, now, i, problems.cards?.get(request.id))));
  const historyPage = slice(endedRecords(records), pageParam(req.query.history), HISTORY_PER_PAGE);
  // Only the page's lines are read and checked: a log of 57k lines renders as fast as a short one.
  const logNumber = pageParam(req.query.log);
  const logSlice = await consent.logPage(podPath, { offset: (logNumber - 1) * LOG_PER_PAGE, limit: LOG_PER_PAGE });
  const logPage = { items: logSlice.items, page: logNumber, pages: Math.max(1, Math.ceil(logSlice.total / LOG_PER_PAGE)) };
  const chain = checkLogPage(logSlice);
  const logItems = logPage.items.map((entry) => {
    const record = byId.get(entry.recordId);
    return logItem(entry, record ? whoOf(record) : undefined, record, lang);
  });
  const anyErrors = problems.top || [...(problems.cards?.values() ?? [])].some((s) => Object.values(s.errors).some(Boolean));

  const body: Html = html`<h1>${t.title}</h1><p>${t.pod} <code>${ctx.account.podUrl}</code> · <a href="/.account/">${t.account}</a></p>
${anyErrors ? html`<div class="error" role="alert"><p>${problems.top ?? t.errorSummary}</p></div>` : ''}
<h2 id="pending">${t.pendingHeading}</h2>${cards.length ? cards : html`<p>${t.noPending}</p>`}${pagingNav(pendingPage, lang, href('requests'), t.pendingHeading)}
<h2 id="grants">${t.grantsHeading}</h2>${grants.length ? html`<ul class="grants">${grants.map((r) => grantItem(r, whoOf(r), token, lang))}</ul>` : html`<p>${t.noGrants}</p>`}
<h2 id="history">${t.historyHeading}</h2>${historyPage.items.length ? html`<ul class="history">${historyPage.items.map((r) => historyItem(r, whoOf(r), lang))}</ul>` : html`<p>${t.noHistory}</p>`}${pagingNav(historyPage, lang, href('history'), t.historyHeading)}
<h2 id="log">${t.logHeading}</h2>${chain.valid ? '' : html`<p class="error" role="alert">${t.logTampered(chain.reason ?? '')}</p>`}
${logItems.length ? html`<ol id="access-log" class="log">${logItems}</ol>` : html`<p>${t.noLog}</p>`}${pagingNav(logPage, lang, href('log'), t.logHeading)}`;
  return frame(lang, t.title, body, switchHref(req, lang, HOME));
}

/**
 * The entries on a page of the log are intact and link to each other, and the newest one on the
 * first page is the one the server last wrote (a log cut short or rewritten shows here).
 */
function checkLogPage(page: Awaited<ReturnType<ConsentService['logPage']>>): ChainResult {
  const run = verifyRun([...page.items].reverse());
  const newest = page.items[0];
  if (run.valid && page.offset === 0 && page.head && (!newest || newest.seq !== page.head.seq || newest.hash !== page.head.hash)) {
    return { valid: false, at: page.head.seq, reason: `the log no longer ends with entry ${page.head.seq} as last written` };
  }
  return run;
}

/** A Client ID Document's logo and policy link, for pending requests only (bounded, cached fetch). */
async function clientInfo(clientId: string | undefined): Promise<ClientInfo> {
  if (!clientId || !/^https?:\/\//.test(clientId)) return {};
  const document = (await fetchClientIdDocument(clientId).catch(() => undefined)) as Record<string, unknown> | undefined;
  const text = (key: string) => (typeof document?.[key] === 'string' ? (document[key] as string) : undefined);
  return { logo: text('logo_uri'), policy: text('policy_uri') };
}
