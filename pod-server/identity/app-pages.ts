import { html, type Html } from './html.ts';
import type { Lang } from '../pages/lang.ts';
import { TEXT } from './page-text.ts';

/** An app as the person is shown it: the name from its Client ID Document (or registration), its address in small print. */
export interface AppInfo {
  clientId: string;
  name?: string;
  logo?: string;
}

/** Who is asking: name (marked as the app's own claim), logo when https, and its client_id below. */
export function appCard(app: AppInfo, lang: Lang): Html {
  const t = TEXT[lang].authorize;
  const logo = app.logo?.startsWith('https://') ? html`<img src="${app.logo}" alt="" width="48" height="48">` : '';
  return html`<section class="app" aria-labelledby="app-name">${logo}<h2 id="app-name">${app.name ?? t.app}</h2>
<small class="url"><code>${app.clientId}</code></small><p class="who"><span class="self">(${app.name ? t.selfDeclared : t.noName})</span></p></section>`;
}

/**
 * "Give this app access?": who asks (the name is the app's own claim, so it stays in the card
 * with that said, not in the heading), as whom it will act, what that means, and allow or deny.
 */
export function authorizePage(o: { lang: Lang; app: AppInfo; webId: string; offline: boolean; action: string; token: string }): { title: string; body: Html } {
  const t = TEXT[o.lang].authorize;
  const body = html`<h1>${t.heading}</h1>${appCard(o.app, o.lang)}
<dl class="facts"><dt>${t.webId}</dt><dd><code>${o.webId}</code><small>${TEXT[o.lang].account.webIdHint}</small></dd></dl>
<ul><li>${t.what}</li>${o.offline ? html`<li>${t.offline}</li>` : ''}<li>${t.consents}</li></ul>
<form method="post" action="${o.action}"><input type="hidden" name="csrf" value="${o.token}">
<div class="actions"><button type="submit" name="decision" value="allow">${t.allow}</button> <button type="submit" name="decision" value="deny" class="danger">${t.deny}</button></div></form>`;
  return { title: t.title, body };
}
