import express, { type Request, type Response, type Router } from 'express';
import { describeEntry, parseLog, verifyChain, type AccessRequest, type ConsentRecord } from '../../consent/index.ts';
import { Forbidden } from '../errors.ts';
import type { Account } from '../identity/accounts.ts';
import { fetchClientIdDocument } from '../identity/client-documents.ts';
import { html, page, PAGE_HEADERS, type Html } from '../identity/html.ts';
import type { PageDeps } from '../identity/interaction-pages.ts';
import { pathForUrl } from '../ldp/paths.ts';
import { parseRdf } from '../rdf/parse.ts';
import type { ResourceStore } from '../storage/store.ts';
import type { ConsentGate } from './gate.ts';
import { ACCESS_LOG } from './layout.ts';
import type { ConsentService } from './service.ts';

const form = express.urlencoded({ extended: false, limit: '16kb' });
// Our pages load nothing from elsewhere, except requesters' https logos.
const HEADERS = { ...PAGE_HEADERS, 'Content-Security-Policy': PAGE_HEADERS['Content-Security-Policy'].replace("default-src 'none';", "default-src 'none'; img-src https:;") };
const NAME_PREDICATES = ['http://xmlns.com/foaf/0.1/name', 'http://schema.org/name', 'http://www.w3.org/2006/vcard/ns#fn'];

interface Deps { pages: PageDeps; gate: ConsentGate; store: ResourceStore; baseUrl: string }

/** The citizen's consent pages: pending requests, active grants with one-click withdrawal, the access log. */
export function consentPages(deps: Deps): Router {
  const { pages } = deps;
  const router = express.Router();
  const owner = (req: Request): { account: Account; podPath: string } => {
    const account = pages.service.accounts.byId(pages.sessions.accountId(req) ?? '');
    if (!account) throw new Forbidden('Log in first');
    return { account, podPath: pathForUrl(deps.baseUrl, account.podUrl)! };
  };

  router.get('/.account/consent', async (req, res) => {
    if (!pages.sessions.accountId(req)) return res.redirect(303, '/.account/login');
    const { account, podPath } = owner(req);
    const consent = await deps.gate.service();
    const body = await consentPage(req, res, deps, consent, account, podPath);
    res.status(200).set(HEADERS).type('html').send(body);
  });

  router.post('/.account/consent/decide', form, async (req, res) => {
    pages.csrf.verify(req, req.body?.csrf);
    const { account, podPath } = owner(req);
    const sections = ([] as string[]).concat(req.body.sections ?? []);
    const approve = req.body.decision === 'approve';
    const decision: Record<string, unknown> = { request: String(req.body.request ?? ''), decision: approve ? 'approve' : 'deny' };
    if (approve) decision.sections = sections;
    if (approve && req.body.validUntil) decision.validUntil = String(req.body.validUntil);
    await (await deps.gate.service()).decideRequest(podPath, decision, account.webId, 'consent-page');
    res.redirect(303, '/.account/consent');
  });

  router.post('/.account/consent/withdraw', form, async (req, res) => {
    pages.csrf.verify(req, req.body?.csrf);
    const { account, podPath } = owner(req);
    await (await deps.gate.service()).withdraw(podPath, { record: String(req.body.record ?? '') }, account.webId, 'consent-page');
    res.redirect(303, '/.account/consent');
  });
  return router;
}

async function consentPage(req: Request, res: Response, deps: Deps, consent: ConsentService, account: Account, podPath: string): Promise<string> {
  const token = deps.pages.csrf.token(req, res);
  const pending = (await consent.list(podPath, 'requests')) as AccessRequest[];
  const grants = (await consent.list(podPath, 'grants')) as ConsentRecord[];
  const records = (await consent.list(podPath, 'records')) as ConsentRecord[];
  const names = new Map<string, string>();
  for (const webId of new Set([...pending, ...records].map((r) => r.requester))) names.set(webId, await displayName(deps, webId));
  const requestCards = await Promise.all(pending.map(async (request) => requestCard(request, names.get(request.requester)!, await clientInfo(request.clientId), token)));
  const grantRows = grants.map((record) => html`<li class="grant"><strong>${names.get(record.requester)}</strong> may read your ${record.sections.join(', ')} until ${record.validUntil.slice(0, 16).replace('T', ' ')}
<form method="post" action="/.account/consent/withdraw"><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="record" value="${record.id}">
<button type="submit">Withdraw consent</button></form></li>`);
  const log = await deps.store.read(podPath + ACCESS_LOG);
  const entries = log ? parseLog(log.body.toString('utf8')) : [];
  const chain = verifyChain(entries);
  const givenAt = new Map(records.map((r) => [r.id, r.statusHistory.find((s) => s.status === 'given')?.at]));
  const logItems = entries.map((entry) => html`<li class="read">${describeEntry(entry, { granteeName: names.get(entry.grantee), recordGivenAt: givenAt.get(entry.recordId) }, 'en')}</li>`);
  return page('Your consents', html`<h1>Your consents</h1><p>Pod <code>${account.podUrl}</code> · <a href="/.account/">Account</a></p>
<h2>Waiting for your answer</h2>${requestCards.length ? requestCards : html`<p>No requests are waiting.</p>`}
<h2>Who may read your profile</h2>${grantRows.length ? html`<ul>${grantRows}</ul>` : html`<p>Nobody has your consent right now.</p>`}
<h2>Who has read it</h2>${chain.valid ? '' : html`<p class="error" role="alert">The access log has been tampered with (${chain.reason}).</p>`}
${logItems.length ? html`<ol id="access-log">${logItems}</ol>` : html`<p>Nobody has read your profile under a consent.</p>`}`);
}

function requestCard(request: AccessRequest, name: string, client: ClientInfo, token: string): Html {
  const sections = request.sections.map((section) => html`<label><input type="checkbox" name="sections" value="${section}" checked> ${section}</label>`);
  const logo = client.logo?.startsWith('https://') ? html`<img src="${client.logo}" alt="" width="48" height="48">` : '';
  return html`<section class="request" aria-label="Request from ${name}">${logo}<h3>${name}</h3>
<p>WebID <code>${request.requester}</code>${request.clientId ? html`, using <strong>${client.name ?? request.clientId}</strong>` : ''}${client.policy ? html` (<a href="${client.policy}" rel="noreferrer">privacy policy</a>)` : ''}</p>
<p><strong>Wants to read:</strong> ${request.sections.join(', ')}</p>
<p><strong>Why:</strong> ${request.notice.en} <span lang="sv">(${request.notice.sv})</span> — <a href="${request.notice.url}" rel="noreferrer">full notice</a></p>
<p><strong>For how long:</strong> ${request.duration}, and kept ${request.retention} after that. <strong>Purpose:</strong> <code>${request.purpose}</code></p>
<form method="post" action="/.account/consent/decide"><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="request" value="${request.id}">
<fieldset><legend>Share</legend>${sections}</fieldset><label>Until (optional, may only be shorter) <input type="date" name="validUntil"></label>
<button type="submit" name="decision" value="approve">Approve selected</button> <button type="submit" name="decision" value="deny">Deny</button></form></section>`;
}

interface ClientInfo { name?: string; logo?: string; policy?: string }

async function clientInfo(clientId: string | undefined): Promise<ClientInfo> {
  if (!clientId || !/^https?:\/\//.test(clientId)) return {};
  const document = (await fetchClientIdDocument(clientId).catch(() => undefined)) as Record<string, unknown> | undefined;
  const text = (key: string) => (typeof document?.[key] === 'string' ? (document[key] as string) : undefined);
  return { name: text('client_name'), logo: text('logo_uri'), policy: text('policy_uri') };
}

/** A requester's name from its WebID profile when it is on this server; the WebID otherwise. */
async function displayName(deps: Deps, webId: string): Promise<string> {
  const path = pathForUrl(deps.baseUrl, webId.split('#')[0]);
  const profile = path && (await deps.store.read(path));
  if (!profile) return webId;
  try {
    const quads = await parseRdf(profile.body.toString('utf8'), profile.contentType, webId.split('#')[0]);
    return quads.find((q) => q.subject.value === webId && NAME_PREDICATES.includes(q.predicate.value))?.object.value ?? webId;
  } catch {
    return webId;
  }
}
