import express, { type Request, type Response, type Router } from 'express';
import { Forbidden, HttpError } from '../errors.ts';
import type { Account } from './accounts.ts';
import { clientAddress } from './client-address.ts';
import { html, page } from './html.ts';
import { send, type PageDeps } from './interaction-pages.ts';
import { loginPath, safeReturnPath } from './return-to.ts';

const form = express.urlencoded({ extended: false, limit: '16kb' });

/**
 * The pod-name rule of pod-names.ts for the browser (with minlength/maxlength for the length).
 * Browsers compile `pattern` with the `v` flag, where a bare `-` in a character class is an
 * error, so the pattern has no hyphen inside a class.
 */
export const POD_NAME_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** Sign-up, log-in and the account page for people in a browser. */
export function accountPages(deps: PageDeps): Router {
  const { service, csrf, sessions, login } = deps;
  const baseUrl = service.options.baseUrl;
  const router = express.Router();
  const current = (req: Request): Account | undefined => service.accounts.byId(sessions.accountId(req) ?? '');

  router.get('/.account/signup', (req, res) => send(res, service.signupOpen ? 200 : 403, signupPage(req, res, deps)));
  router.post('/.account/signup', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    let account: Account;
    try {
      account = await service.signUp({ name: req.body.name, email: req.body.email, password: req.body.password }, { address: clientAddress(req) });
    } catch (error) {
      if (refusal(error)) return send(res, error.status, signupPage(req, res, deps, error.message), error.headers);
      throw error;
    }
    login.remember(req, res, account);
    sessions.start(res, account.id);
    res.redirect(303, afterSignup(req.body.interaction) ?? safeReturnPath(req.body.return, baseUrl) ?? '/.account/');
  });

  router.get('/.account/login', (req, res) => send(res, 200, loginPage(req, res, deps)));
  router.post('/.account/login', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    let account: Account | undefined;
    try {
      account = await login.login(req, String(req.body.email ?? ''), String(req.body.password ?? ''));
    } catch (error) {
      if (refusal(error)) return send(res, error.status, loginPage(req, res, deps, error.message), error.headers);
      throw error;
    }
    if (!account) return send(res, 401, loginPage(req, res, deps, 'Wrong email or password'));
    login.remember(req, res, account);
    sessions.start(res, account.id);
    res.redirect(303, safeReturnPath(req.body.return, baseUrl) ?? '/.account/');
  });

  router.post('/.account/logout', form, (req, res) => {
    csrf.verify(req, req.body?.csrf);
    sessions.end(req, res);
    res.redirect(303, '/.account/login');
  });

  router.get('/.account/', (req, res) => {
    const account = current(req);
    if (!account) return res.redirect(303, loginPath('/.account/'));
    send(res, 200, accountPage(req, res, deps, account));
  });

  router.post('/.account/credential-form', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    const account = current(req);
    if (!account) throw new Forbidden('Log in first');
    const name = String(req.body.name ?? '').trim().slice(0, 100) || 'script';
    const created = await service.accounts.addCredential(account, name);
    send(res, 201, accountPage(req, res, deps, account, html`<div role="status"><p>New credentials <strong>${name}</strong>. Copy the secret now; it is not shown again.</p>
<p>Client ID: <code id="client-id">${created.clientId}</code><br>Client secret: <code id="client-secret">${created.clientSecret}</code></p></div>`));
  });

  router.post('/.account/credential-form/revoke', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    const account = current(req);
    if (!account) throw new Forbidden('Log in first');
    await service.accounts.revokeCredential(account, String(req.body.clientId ?? ''));
    res.redirect(303, '/.account/');
  });

  return router;
}

/** A sign-up started from an OIDC login goes back to that interaction (only our own: never an arbitrary URL). */
function afterSignup(interaction: unknown): string | undefined {
  return typeof interaction === 'string' && /^[A-Za-z0-9_-]{10,64}$/.test(interaction) ? `/.account/interaction/${interaction}` : undefined;
}

/** A refusal the person should read on the form (bad input, a limit, a busy server), not a bare error page. */
function refusal(error: unknown): error is HttpError {
  return error instanceof HttpError && (error.status < 500 || error.status === 503);
}

/** The page to return to after logging in, from the form or the query; '' when none. */
function returnField(req: Request, baseUrl: string): string {
  return safeReturnPath(req.body?.return ?? req.query.return, baseUrl) ?? '';
}

function signupPage(req: Request, res: Response, deps: PageDeps, error?: string): string {
  if (!deps.service.signupOpen) return page('Sign-up closed', html`<h1>Sign-up is closed</h1><p>Accounts on this server are created by its operator.</p>`);
  const interaction = String(req.body?.interaction ?? req.query.interaction ?? '');
  const back = returnField(req, deps.service.options.baseUrl);
  return page('Create your pod', html`<h1>Create your pod</h1>${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/.account/signup">
<input type="hidden" name="csrf" value="${deps.csrf.token(req, res)}"><input type="hidden" name="interaction" value="${interaction}"><input type="hidden" name="return" value="${back}">
<label for="name">Pod name (lowercase letters, digits, single hyphens between them)</label><input id="name" name="name" pattern="${POD_NAME_PATTERN}" minlength="2" maxlength="40" value="${req.body?.name ?? ''}" required>
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" value="${req.body?.email ?? ''}" required>
<label for="password">Password (at least 8 characters)</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="8" required>
<button type="submit">Create pod</button></form><p>Have an account? <a href="/.account/login${back ? `?return=${encodeURIComponent(back)}` : ''}">Log in</a>.</p>`);
}

function loginPage(req: Request, res: Response, deps: PageDeps, error?: string): string {
  const back = returnField(req, deps.service.options.baseUrl);
  return page('Log in', html`<h1>Log in to your account</h1>${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/.account/login"><input type="hidden" name="csrf" value="${deps.csrf.token(req, res)}"><input type="hidden" name="return" value="${back}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button></form>${deps.service.signupOpen ? html`<p><a href="/.account/signup${back ? `?return=${encodeURIComponent(back)}` : ''}">Create a pod</a></p>` : ''}`);
}

function accountPage(req: Request, res: Response, deps: PageDeps, account: Account, notice?: unknown): string {
  const token = deps.csrf.token(req, res);
  const rows = deps.service.accounts.credentialsOf(account.id).map((c) => html`<tr><td>${c.name}</td><td><code>${c.clientId}</code></td>
<td><form method="post" action="/.account/credential-form/revoke"><input type="hidden" name="csrf" value="${token}">
<input type="hidden" name="clientId" value="${c.clientId}"><button>Revoke</button></form></td></tr>`);
  return page('Your account', html`<h1>Your account</h1>${notice ?? ''}
<dl><dt>Email</dt><dd>${account.email}</dd><dt>WebID</dt><dd><a href="${account.webId}"><code>${account.webId}</code></a></dd>
<dt>Pod</dt><dd><a href="${account.podUrl}"><code>${account.podUrl}</code></a></dd><dt>Identity provider</dt><dd><code>${deps.service.issuer}</code></dd></dl>
<p><a href="/.account/consent">Your consents: who may read your profile, and who has</a></p>
<h2>Client credentials for scripts and services</h2><table>${rows}</table>
<form method="post" action="/.account/credential-form"><input type="hidden" name="csrf" value="${token}">
<label for="cred-name">Label</label><input id="cred-name" name="name" required><button>Create credentials</button></form>
<form method="post" action="/.account/logout"><input type="hidden" name="csrf" value="${token}"><button>Log out</button></form>`);
}
