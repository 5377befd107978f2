import { errorSummary, field, type FieldErrors } from '../pages/forms.ts';
import type { Lang } from '../pages/lang.ts';
import type { AppInfo } from './app-pages.ts';
import { html, type Html } from './html.ts';
import { TEXT } from './page-text.ts';

export interface LoginView {
  lang: Lang;
  /** Where the form posts: the plain log-in, or an OIDC interaction's login step. */
  action: string;
  token: string;
  /** Hidden fields carried through (the page to return to). */
  hidden?: Record<string, string>;
  /** The email entered before an error (the password is never shown again). */
  email?: string;
  errors?: FieldErrors;
  /** A status line, e.g. "you are logged out". */
  notice?: string;
  /** The app that asked for the login (OIDC interaction). */
  app?: AppInfo;
  /** Already logged in here: offer to continue as this account. */
  resumeAs?: string;
  signupHref?: string;
}

/** The log-in form, shared by /.account/login and the login step of an app's authorization. */
export function loginPage(v: LoginView): { title: string; body: Html } {
  const t = TEXT[v.lang].login;
  const errors = v.errors ?? {};
  const hidden = Object.entries(v.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  const resume = v.resumeAs ? html`<form method="post" action="${v.action}"><input type="hidden" name="csrf" value="${v.token}">${hidden}
<button name="continue" value="yes">${t.continueAs(v.resumeAs)}</button></form><p>${t.orOther}</p>` : '';
  const body = html`<h1>${t.title}</h1>${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}${errorSummary(v.lang, errors, ['email', 'password'])}
${v.app ? html`<p>${t.forApp(v.app.name ?? t.someApp)}<small class="url"><code>${v.app.clientId}</code></small></p>` : html`<p>${t.intro}</p>`}${resume}
<form method="post" action="${v.action}" novalidate><input type="hidden" name="csrf" value="${v.token}">${hidden}
${field({ name: 'email', label: t.email, type: 'email', autocomplete: 'email', value: v.email, error: errors.email, required: true })}
${field({ name: 'password', label: t.password, type: 'password', autocomplete: 'current-password', error: errors.password, required: true })}
<div class="actions"><button type="submit">${t.submit}</button></div></form>
${v.signupHref ? html`<p>${t.noAccount} <a href="${v.signupHref}">${t.signup}</a>.</p>` : ''}`;
  return { title: t.title, body };
}
