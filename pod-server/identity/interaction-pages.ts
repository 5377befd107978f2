import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { Forbidden } from '../../service-kit/errors.ts';
import type { FieldErrors } from '../pages/forms.ts';
import { chooseLang, switchHref, type Lang } from '../pages/lang.ts';
import { frame, sendPage } from '../pages/layout.ts';
import type { AccountSessions } from './account-session.ts';
import type { AccountService } from './account-service.ts';
import { authorizePage, type AppInfo } from './app-pages.ts';
import type { Csrf } from './csrf.ts';
import type { Html } from './html.ts';
import type { LoginGuard } from './login-guard.ts';
import { loginPage } from './login-page.ts';
import { fieldErrors, hasErrors, isRefusal, loginFieldErrors } from './page-errors.ts';
import { TEXT } from './page-text.ts';
import { pageErrors } from './provider-pages.ts';

export interface PageDeps {
  provider: () => Promise<Provider>;
  service: AccountService;
  csrf: Csrf;
  sessions: AccountSessions;
  login: LoginGuard;
  /** Ends the identity provider's login sessions of an account, at logout. */
  endProviderSessions(accountId: string): void;
}

const form = express.urlencoded({ extended: false, limit: '16kb' });
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/** The login and consent steps of the authorization code flow, as plain HTML forms in Swedish or English. */
export function interactionPages(deps: PageDeps): Router {
  const { service, csrf } = deps;
  const router = express.Router();
  const render = (req: Request, res: Response, lang: Lang, uid: string, status: number, view: { title: string; body: Html }, headers?: Record<string, string>) =>
    sendPage(res, status, frame(lang, view.title, view.body, switchHref(req, lang, `/.account/interaction/${uid}`)), headers);

  const loginStep = async (req: Request, res: Response, lang: Lang, details: Details, status: number, errors: FieldErrors = {}, headers?: Record<string, string>) => {
    const uid = details.uid;
    const signedIn = service.accounts.byId(deps.sessions.accountId(req) ?? '');
    const view = loginPage({
      lang, action: `/.account/interaction/${uid}/login`, token: csrf.token(req, res), email: text(req.body?.email), errors,
      app: await appInfo(await deps.provider(), details), resumeAs: signedIn?.email,
      signupHref: service.signupOpen ? `/.account/signup?interaction=${encodeURIComponent(uid)}` : undefined,
    });
    render(req, res, lang, uid, status, view, headers);
  };

  router.get('/.account/interaction/:uid', async (req, res) => {
    const lang = chooseLang(req, res);
    const provider = await deps.provider();
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') return loginStep(req, res, lang, details, 200);
    const account = service.accounts.byId(String(details.session?.accountId));
    const scopes = String(details.params.scope ?? '').split(' ');
    const view = authorizePage({
      lang, app: await appInfo(provider, details), webId: account?.webId ?? '', offline: scopes.includes('offline_access'),
      action: `/.account/interaction/${details.uid}/consent`, token: csrf.token(req, res),
    });
    render(req, res, lang, details.uid, 200, view);
  });

  router.post('/.account/interaction/:uid/login', form, async (req, res) => {
    csrf.verify(req, req.body?.csrf);
    const lang = chooseLang(req, res);
    const provider = await deps.provider();
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name !== 'login') throw new Forbidden('This step is not a login');
    let account = req.body.continue === 'yes' ? service.accounts.byId(deps.sessions.accountId(req) ?? '') : undefined;
    if (!account) {
      const input = { email: text(req.body.email), password: text(req.body.password) };
      const missing = loginFieldErrors(input, lang);
      if (hasErrors(missing)) return loginStep(req, res, lang, details, 400, missing);
      try {
        account = await deps.login.login(req, input.email, input.password);
      } catch (error) {
        // A limit or a busy server: say so on the form, with Retry-After.
        if (isRefusal(error)) return loginStep(req, res, lang, details, error.status, fieldErrors(error, lang), error.headers);
        throw error;
      }
    }
    if (!account) return loginStep(req, res, lang, details, 401, { password: TEXT[lang].errors.wrongLogin });
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
    const result: InteractionResults = { consent: { grantId } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
  });

  router.use(pageErrors());
  return router;
}

/**
 * The app as oidc-provider knows it: from its Client ID Document (bounded, cached fetch) or its
 * registration. Only strings are taken; every one is escaped where it is shown.
 */
async function appInfo(provider: Provider, details: Details): Promise<AppInfo> {
  const clientId = String(details.params.client_id ?? '');
  const client = await provider.Client.find(clientId).catch(() => undefined);
  const name = typeof client?.clientName === 'string' && client.clientName.trim() ? oneLine(client.clientName) : undefined;
  const logo = typeof client?.logoUri === 'string' ? client.logoUri : undefined;
  return { clientId, name, logo };
}

/** An app's self-chosen name as one printable line of at most 200 characters. */
function oneLine(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim().slice(0, 200);
}
