import { errorSummary, field, type FieldErrors } from '../pages/forms.ts';
import type { Lang } from '../pages/lang.ts';
import type { Account } from './accounts.ts';
import { html, type Html } from './html.ts';
import { TEXT } from './page-text.ts';

export interface AccountView {
  lang: Lang;
  token: string;
  account: Account;
  issuer: string;
  credentials: { name: string; clientId: string }[];
  /** Credentials just made: the only time their secret is shown. */
  created?: { name: string; clientId: string; clientSecret: string };
  errors?: FieldErrors;
  /** The label entered before an error. */
  label?: string;
}

/** Who you are (WebID), where your pod is, your consents, keys for programs, and log out. */
export function accountPage(v: AccountView): { title: string; body: Html } {
  const t = TEXT[v.lang].account;
  const errors = v.errors ?? {};
  const rows = v.credentials.map((c) => html`<tr><td>${c.name}</td><td><code>${c.clientId}</code></td>
<td><form method="post" action="/.account/credential-form/revoke"><input type="hidden" name="csrf" value="${v.token}">
<input type="hidden" name="clientId" value="${c.clientId}"><button type="submit" class="danger" aria-label="${t.revokeLabel(c.name)}">${t.revoke}</button></form></td></tr>`);
  const created = v.created ? html`<div class="notice" role="status"><p>${t.created(v.created.name)}</p>
<dl class="facts"><dt>${t.clientId}</dt><dd><code id="client-id">${v.created.clientId}</code></dd><dt>${t.clientSecret}</dt><dd><code id="client-secret">${v.created.clientSecret}</code></dd></dl></div>` : '';
  const body = html`<h1>${t.title}</h1>${errorSummary(v.lang, errors, ['cred-name'])}${created}
<dl class="facts"><dt>${t.email}</dt><dd>${v.account.email}</dd>
<dt>${t.webId}</dt><dd><a href="${v.account.webId}"><code>${v.account.webId}</code></a><small>${t.webIdHint}</small></dd>
<dt>${t.pod}</dt><dd><a href="${v.account.podUrl}"><code>${v.account.podUrl}</code></a><small>${t.podHint}</small></dd>
<dt>${t.issuer}</dt><dd><code>${v.issuer}</code></dd></dl>
<p><a href="/.account/consent">${t.consents}</a></p>
<form method="post" action="/.account/logout"><input type="hidden" name="csrf" value="${v.token}"><button type="submit">${t.logout}</button></form>
<h2>${t.credentials}</h2><p class="hint">${t.credentialsIntro}</p>
${rows.length ? html`<table><thead><tr><th scope="col">${t.credentialName}</th><th scope="col">${t.clientId}</th><td></td></tr></thead><tbody>${rows}</tbody></table>` : html`<p>${t.noCredentials}</p>`}
<form method="post" action="/.account/credential-form" novalidate><input type="hidden" name="csrf" value="${v.token}">
${field({ name: 'name', id: 'cred-name', label: t.newName, hint: t.newNameHint, value: v.label, error: errors['cred-name'], required: true, autocomplete: 'off', attributes: html` maxlength="100"` })}
<div class="actions"><button type="submit">${t.create}</button></div></form>`;
  return { title: t.title, body };
}
