import type { AccessRequest } from '../../consent/index.ts';
import { html, type Html } from '../identity/html.ts';
import { dateTimeWords, dateWords, durationWords, listWords, untilRange } from './page-format.ts';
import { dpvLabel, TEXT, type Lang } from './page-text.ts';
import { whoNote, type Who } from './page-who.ts';

/** What went wrong with one card's form, shown beside the field, and what the citizen had entered. */
export interface CardState {
  errors: { sections?: string; validUntil?: string; general?: string };
  sections?: string[];
  validUntil?: string;
}

export interface ClientInfo { logo?: string; policy?: string }

/** One pending request: who asks (as recorded), what for, how long, and the form to answer. */
export function requestCard(request: AccessRequest, w: Who, client: ClientInfo, token: string, lang: Lang, now: Date, index: number, state?: CardState): Html {
  const t = TEXT[lang];
  const id = `r${index}`;
  const errors = state?.errors ?? {};
  const chosen = state?.sections ?? request.sections;
  const range = untilRange(request.duration, now);
  const sectionErrorId = `${id}-sections-error`;
  const checks = request.sections.map((section) => html`<label class="check"><input type="checkbox" name="sections" value="${section}"${chosen.includes(section) ? html` checked` : ''}> <span>${t.sections[section] ?? section}</span></label>`);
  const logo = client.logo?.startsWith('https://') ? html`<img src="${client.logo}" alt="" width="48" height="48">` : '';
  const app = request.clientId
    ? html`<dt>App</dt><dd>${request.clientName ? html`<strong>${request.clientName}</strong> <span class="self">(${t.selfDeclared})</span> ` : ''}<code>${request.clientId}</code>${client.policy ? html` · <a href="${client.policy}" rel="noreferrer">${t.privacyPolicy}</a>` : ''}</dd>`
    : '';
  const untilDescribedBy = [`${id}-until-hint`, errors.validUntil ? `${id}-until-error` : ''].filter(Boolean).join(' ');
  return html`<section class="request" aria-labelledby="${id}-name">${logo}<h3 id="${id}-name">${w.name}</h3><p class="who">${whoNote(w, lang)}</p>
${errors.general ? html`<p class="error" role="alert">${errors.general}</p>` : ''}
<dl class="facts"><dt>${t.sent}</dt><dd>${dateTimeWords(request.createdAt, lang)}</dd>
<dt>${t.webId}</dt><dd><code>${request.requester}</code></dd>${app}
<dt>${t.wantsToRead}</dt><dd>${listWords(request.sections.map((s) => t.sections[s] ?? s), lang)}</dd>
<dt>${t.why}</dt><dd>${request.notice[lang]} — <a href="${request.notice.url}" rel="noreferrer">${t.fullNotice}</a></dd>
<dt>${t.purpose}</dt><dd>${term(request.purpose, lang, 'purposes')}</dd>
<dt>${t.legalBasis}</dt><dd>${term(request.legalBasis, lang, 'legalBases')}</dd>
<dt>${t.howLong}</dt><dd>${t.forHowLong(durationWords(request.duration, lang), durationWords(request.retention, lang))}</dd></dl>
<form method="post" action="/.account/consent/decide" novalidate><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="request" value="${request.id}">
<fieldset${errors.sections ? html` aria-describedby="${sectionErrorId}" aria-invalid="true"` : ''}><legend>${t.share}</legend>${checks}
${errors.sections ? html`<p class="field-error" id="${sectionErrorId}">${errors.sections}</p>` : ''}</fieldset>
<div class="field"><label for="${id}-until">${t.until}</label>
<input type="date" id="${id}-until" name="validUntil" min="${range.min}" max="${range.max}" value="${state?.validUntil ?? ''}" aria-describedby="${untilDescribedBy}"${errors.validUntil ? html` aria-invalid="true"` : ''}>
<p class="hint" id="${id}-until-hint">${t.untilRange(dateWords(now, lang), dateWords(range.end, lang), dateTimeWords(range.end, lang))}</p>
${errors.validUntil ? html`<p class="field-error" id="${id}-until-error">${errors.validUntil}</p>` : ''}</div>
<div class="actions"><button type="submit" name="decision" value="approve">${t.approve}</button> <button type="submit" name="decision" value="deny" class="danger">${t.deny}</button></div></form></section>`;
}

/** A DPV term in words, with its IRI for those who want to look it up. */
export function term(iri: string, lang: Lang, kind: 'purposes' | 'legalBases'): Html {
  const label = dpvLabel(iri, lang, kind);
  return label ? html`${label} <small><code>${iri.replace('https://w3id.org/dpv#', 'dpv:')}</code></small>` : html`<code>${iri}</code>`;
}

/** "Deny X?": what follows (the cool-down), then the real deny, or back. */
export function confirmDeny(request: AccessRequest, w: Who, token: string, lang: Lang, cooldownMs: number): Html {
  const t = TEXT[lang];
  return html`<section class="confirm" aria-labelledby="confirm-heading"><h2 id="confirm-heading">${t.confirmDenyHeading(w.name)}</h2><p class="who">${whoNote(w, lang)}</p>
<p>${t.sectionsWord}: ${listWords(request.sections.map((s) => t.sections[s] ?? s), lang)}</p>
<p>${t.confirmDenyText(durationWords(secondsAsDuration(Math.max(1, Math.round(cooldownMs / 1000))), lang))}</p>
<form method="post" action="/.account/consent/decide"><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="request" value="${request.id}">
<input type="hidden" name="confirmed" value="yes"><div class="actions"><button type="submit" name="decision" value="deny" class="danger">${t.confirmDeny}</button> <a href="/.account/consent">${t.back}</a></div></form></section>`;
}

/** "Withdraw X?": access stops at once and the recipient must erase; then the real withdrawal, or back. */
export function confirmWithdraw(recordId: string, w: Who, sections: string[], token: string, lang: Lang): Html {
  const t = TEXT[lang];
  return html`<section class="confirm" aria-labelledby="confirm-heading"><h2 id="confirm-heading">${t.confirmWithdrawHeading(w.name)}</h2><p class="who">${whoNote(w, lang)}</p>
<p>${t.sectionsWord}: ${listWords(sections.map((s) => t.sections[s] ?? s), lang)}</p><p>${t.confirmWithdrawText}</p>
<form method="post" action="/.account/consent/withdraw"><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="record" value="${recordId}">
<input type="hidden" name="confirmed" value="yes"><div class="actions"><button type="submit" class="danger">${t.confirmWithdraw}</button> <a href="/.account/consent">${t.back}</a></div></form></section>`;
}

/** 86400 -> "P1D", 5400 -> "PT1H30M": the cool-down in the units people use. */
function secondsAsDuration(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const rest = seconds % 86400;
  const time = ([[Math.floor(rest / 3600), 'H'], [Math.floor((rest % 3600) / 60), 'M'], [rest % 60, 'S']] as const).filter(([n]) => n > 0).map(([n, u]) => `${n}${u}`).join('');
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
