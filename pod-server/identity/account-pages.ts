import express, { type Request, type Response, type Router } from 'express';
import { Forbidden } from '../../service-kit/errors.ts';
import type { FieldErrors } from '../pages/forms.ts';
import { chooseLang, switchHref, withQuery, type Lang } from '../pages/lang.ts';
import { frame, sendPage } from '../pages/layout.ts';
import { accountPage } from './account-page.ts';
import type { Account } from './accounts.ts';
import { clientAddress } from './client-address.ts';
import type { Html } from './html.ts';
import type { PageDeps } from './interaction-pages.ts';
import { loginPage } from './login-page.ts';
import { fieldErrors, hasErrors, isRefusal, loginFieldErrors, signupFieldErrors } from './page-errors.ts';
import { TEXT } from './page-text.ts';
import { pageErrors } from './provider-pages.ts';
import { loginPath, safeReturnPath } from './return-to.ts';
import { signupPage } from './signup-page.ts';

const form = express.urlencoded({ extended: false, limit: '16kb' });
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Sign-up, log-in, log-out and the account page for people in a browser, in Swedish or English. */
export function accountPages(deps: PageDeps): Router {
  const { service, csrf, sessions, login } = deps;
  const baseUrl = service.options.baseUrl;
  const router = express.Router();
  const current = (req: Request): Account | undefined => service.accounts.byId(sessions.accountId(req) ?? '');
  const render = (req: Request, res: Response, lang: Lang, formPath: string, status: number, view: { title: string; body: Html }, headers?: Record<string, string>) =>
    sendPage(res, status, frame(lang, view.title, view.body, switchHref(req, lang, formPath)), headers);

  /** The sign-up form again with what was entered (never the password) and each error beside its field. */
  const signup = (req: Request, res: Response, lang: Lang, status: number, errors: FieldErrors = {}, headers?: Record<string, string>) => {
    const interaction = afterSignup(req.body?.interaction ?? req.query.interaction) ? text(req.body?.interaction ?? req.query.interaction) : '';
    const back = returnField(req, baseUrl);
    const view = signupPage({
      lang, open: service.signupOpen, token: csrf.token(req, res), baseUrl, interaction, back, errors,
      entered: { name: text(req.body?.name), email: text(req.body?.email) },
      loginHref: back ? loginPath(back) : '/.account/login',
    });
    render(req, res, lang, withQuery('/.account/signup', { interaction: interaction || undefined, return: back || undefined }), service.signupOpen ? status : 403, view, headers);
  };

  const loginForm = (req: Request, res: Response, lang: Lang, status: number, errors: FieldErrors = {}, headers?: Record<string, string>) => {
    const back = returnField(req, baseUrl);
    const view = loginPage({
      lang, action: '/.account/login', token: csrf.token(req, res), hidden: { return: back }, email: text(req.body?.email), errors,
      notice: req.method === 'GET' && req.query.loggedout === '1' ? TEXT[lang].login.loggedOut : undefined,
      signupHref: service.signupOpen ? withQuery('/.account/signup', { return: back || undefined }) : undefined,
    });
    render(req, res, lang, back ? loginPath(back) : '/.account/login', status, view, headers);
  };

  const account = (req: Request, res: Response, lang: Lang, who: Account, status: number, extra: { created?: { name: string; clientId: string; clientSecret: string }; errors?: FieldErrors; label?: string } = {}) => {
    const view = accountPage({ lang, token: csrf.token(req, res), account: who, issuer: service.issuer, credentials: service.accounts.credentialsOf(who.id), ...extra });
    render(req, res, lang, '/.account/', status, view);
  };

  router.get('/.account/signup', (req, res) => signup(req, res, chooseLang(req, res), 200));
  router.post('/.account/signup', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    const lang = chooseLang(req, res);
    const input = { name: text(req.body.name), email: text(req.body.email), password: text(req.body.password) };
    if (service.signupOpen) {
      const errors = signupFieldErrors(input, lang);
      if (hasErrors(errors)) return signup(req, res, lang, 400, errors);
    }
    let created: Account;
    try {
      created = await service.signUp(input, { address: clientAddress(req) });
    } catch (error) {
      if (isRefusal(error)) return signup(req, res, lang, error.status, fieldErrors(error, lang, input), error.headers);
      throw error;
    }
    login.remember(req, res, created);
    sessions.start(res, created.id);
    res.redirect(303, afterSignup(req.body.interaction) ?? safeReturnPath(req.body.return, baseUrl) ?? '/.account/');
  });

  router.get('/.account/login', (req, res) => loginForm(req, res, chooseLang(req, res), 200));
  router.post('/.account/login', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    const lang = chooseLang(req, res);
    const input = { email: text(req.body.email), password: text(req.body.password) };
    const missing = loginFieldErrors(input, lang);
    if (hasErrors(missing)) return loginForm(req, res, lang, 400, missing);
    let who: Account | undefined;
    try {
      who = await login.login(req, input.email, input.password);
    } catch (error) {
      if (isRefusal(error)) return loginForm(req, res, lang, error.status, fieldErrors(error, lang), error.headers);
      throw error;
    }
    if (!who) return loginForm(req, res, lang, 401, { password: TEXT[lang].errors.wrongLogin });
    login.remember(req, res, who);
    sessions.start(res, who.id);
    res.redirect(303, safeReturnPath(req.body.return, baseUrl) ?? '/.account/');
  });

  router.post('/.account/logout', form, (req, res) => {
    csrf.verify(req, req.body?.csrf);
    const accountId = sessions.accountId(req);
    sessions.end(req, res);
    if (accountId) deps.endProviderSessions(accountId);
    res.redirect(303, '/.account/login?loggedout=1');
  });

  router.get('/.account/', (req, res) => {
    const who = current(req);
    if (!who) return res.redirect(303, loginPath('/.account/'));
    account(req, res, chooseLang(req, res), who, 200);
  });

  router.post('/.account/credential-form', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    const who = current(req);
    if (!who) throw new Forbidden('Log in first');
    const lang = chooseLang(req, res);
    const name = text(req.body.name).trim();
    if (!name) return account(req, res, lang, who, 400, { errors: { 'cred-name': TEXT[lang].errors.credentialName } });
    if (name.length > 100) return account(req, res, lang, who, 400, { errors: { 'cred-name': TEXT[lang].errors.credentialNameLong }, label: name.slice(0, 100) });
    const created = await service.accounts.addCredential(who, name);
    account(req, res, lang, who, 201, { created: { name, clientId: created.clientId, clientSecret: created.clientSecret } });
  });

  router.post('/.account/credential-form/revoke', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    const who = current(req);
    if (!who) throw new Forbidden('Log in first');
    await service.accounts.revokeCredential(who, text(req.body.clientId));
    res.redirect(303, '/.account/');
  });

  router.use(pageErrors());
  return router;
}

/** A sign-up started from an OIDC login goes back to that interaction (only our own: never an arbitrary URL). */
function afterSignup(interaction: unknown): string | undefined {
  return typeof interaction === 'string' && /^[A-Za-z0-9_-]{10,64}$/.test(interaction) ? `/.account/interaction/${interaction}` : undefined;
}

/** The page to return to after logging in, from the form or the query; '' when none. */
function returnField(req: Request, baseUrl: string): string {
  return safeReturnPath(req.body?.return ?? req.query.return, baseUrl) ?? '';
}
