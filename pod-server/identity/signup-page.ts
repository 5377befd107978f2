import { errorSummary, field, type FieldErrors } from '../pages/forms.ts';
import type { Lang } from '../pages/lang.ts';
import { html, type Html } from './html.ts';
import { TEXT } from './page-text.ts';

/**
 * The pod-name rule of pod-names.ts for the browser (with minlength/maxlength for the length).
 * Browsers compile `pattern` with the `v` flag, where a bare `-` in a character class is an
 * error, so the pattern has no hyphen inside a class.
 */
export const POD_NAME_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*';

export interface SignupView {
  lang: Lang;
  open: boolean;
  token: string;
  baseUrl: string;
  /** Carried through: the OIDC interaction that sent the person here, the page to return to. */
  interaction: string;
  back: string;
  entered: { name?: string; email?: string };
  errors?: FieldErrors;
  loginHref: string;
}

/**
 * The sign-up form. `novalidate`: the browser's own bubbles would speak the browser's language,
 * so the server checks every field and answers beside each one in the page's language.
 */
export function signupPage(v: SignupView): { title: string; body: Html } {
  const t = TEXT[v.lang].signup;
  if (!v.open) return { title: t.closedTitle, body: html`<h1>${t.closedTitle}</h1><p>${t.closedText}</p>` };
  const errors = v.errors ?? {};
  const body = html`<h1>${t.title}</h1>${errorSummary(v.lang, errors, ['name', 'email', 'password'])}<p>${t.intro}</p>
<form method="post" action="/.account/signup" novalidate>
<input type="hidden" name="csrf" value="${v.token}"><input type="hidden" name="interaction" value="${v.interaction}"><input type="hidden" name="return" value="${v.back}">
${field({ name: 'name', label: t.name, hint: t.nameHint(`${v.baseUrl}anna/`), value: v.entered.name, error: errors.name, required: true, autocomplete: 'off', attributes: html` pattern="${POD_NAME_PATTERN}" minlength="2" maxlength="40" autocapitalize="none" spellcheck="false"` })}
${field({ name: 'email', label: t.email, hint: t.emailHint, type: 'email', autocomplete: 'email', value: v.entered.email, error: errors.email, required: true })}
${field({ name: 'password', label: t.password, hint: t.passwordHint, type: 'password', autocomplete: 'new-password', error: errors.password, required: true, attributes: html` minlength="8"` })}
<div class="actions"><button type="submit">${t.submit}</button></div></form>
<p>${t.haveAccount} <a href="${v.loginHref}">${t.login}</a>.</p>`;
  return { title: t.title, body };
}
