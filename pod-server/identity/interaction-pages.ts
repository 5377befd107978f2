import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import { Forbidden, HttpError } from '../errors.ts';
import type { AccountSessions } from './account-session.ts';
import type { AccountService } from './account-service.ts';
import type { Csrf } from './csrf.ts';
import type { LoginGuard } from './login-guard.ts';
import { html, page, PAGE_HEADERS, type Html } from './html.ts';

export interface PageDeps {
  provider: () => Promise<Provider>;
  service: AccountService;
  csrf: Csrf;
  sessions: AccountSessions;
  login: LoginGuard;
}

const form = express.urlencoded({ extended: false, limit: '16kb' });

/** The login and consent steps of the authorization code flow, as plain HTML forms. */
export function interactionPages(deps: PageDeps): Router {
  const { service, csrf } = deps;
  const router = express.Router();

  router.get('/.account/interaction/:uid', async (req, res) => {
    const provider = await deps.provider();
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') return send(res, 200, loginPage(req, res, deps, details.uid));
    const client = await provider.Client.find(String(details.params.client_id));
    const account = service.accounts.byId(String(details.session?.accountId));
    send(res, 200, page('Allow access?', html`<h1>Allow access?</h1>
<p><strong>${client?.clientName ?? details.params.client_id}</strong> (<code>${details.params.client_id}</code>)
wants to act as <code>${account?.webId}</code> when it reads and writes Solid pods.</p>
<p>It can only reach what your pods' access rules allow you, and you can withdraw this later.</p>
<form method="post" action="/.account/interaction/${details.uid}/consent">
<input type="hidden" name="csrf" value="${csrf.token(req, res)}">
<button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Deny</button></form>`));
  });

  router.post('/.account/interaction/:uid/login', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    const provider = await deps.provider();
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name !== 'login') throw new Forbidden('This step is not a login');
    const signedIn = req.body.continue === 'yes' ? service.accounts.byId(deps.sessions.accountId(req) ?? '') : undefined;
    let account = signedIn;
    try {
      account ??= await deps.login.login(req, String(req.body.email ?? ''), String(req.body.password ?? ''));
    } catch (error) {
      // A limit or a busy server: say so on the form, with Retry-After.
      if (error instanceof HttpError && (error.status === 429 || error.status === 503)) return send(res, error.status, loginPage(req, res, deps, details.uid, error.message), error.headers);
      throw error;
    }
    if (!account) return send(res, 401, loginPage(req, res, deps, details.uid, 'Wrong email or password'));
    deps.login.remember(req, res, account);
    deps.sessions.start(res, account.id);
    await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
  });

  router.post('/.account/interaction/:uid/consent', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    const provider = await deps.provider();
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name !== 'consent' || !details.session) throw new Forbidden('This step is not a consent');
    if (req.body.decision !== 'allow') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user denied access' }, { mergeWithLastSubmission: false });
      return;
    }
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new Forbidden('The grant for this step is gone; start again');
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  return router;
}

function loginPage(req: Request, res: Response, deps: PageDeps, uid: string, error?: string): string {
  const signup = deps.service.signupOpen ? html`<p>No account yet? <a href="/.account/signup?interaction=${encodeURIComponent(uid)}">Create one</a>.</p>` : html``;
  const token = deps.csrf.token(req, res);
  const current = deps.service.accounts.byId(deps.sessions.accountId(req) ?? '');
  const resume = current ? html`<form method="post" action="/.account/interaction/${uid}/login"><input type="hidden" name="csrf" value="${token}">
<button name="continue" value="yes">Continue as ${current.email}</button></form><p>Or log in with another account:</p>` : html``;
  return page('Log in', html`<h1>Log in</h1>${error ? html`<p class="error" role="alert">${error}</p>` : ''}${resume}
<form method="post" action="/.account/interaction/${uid}/login">
<input type="hidden" name="csrf" value="${token}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button></form>${signup}`);
}

export function send(res: Response, status: number, body: string | Html, headers: Record<string, string> = {}): void {
  res.status(status).set({ ...headers, ...PAGE_HEADERS }).type('html').send(String(body));
}
