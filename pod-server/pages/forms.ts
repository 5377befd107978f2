import { html, type Html } from '../identity/html.ts';
import type { Lang } from './lang.ts';

/** What went wrong with a form, by the field's id; `form` is for what belongs to no one field. */
export type FieldErrors = Partial<Record<string, string>> & { form?: string };

export interface FieldOptions {
  /** The input's name, and its id unless `id` is given. */
  name: string;
  id?: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  /** What the person entered (never a password): shown again after an error. */
  value?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Extra attributes, already safe (built with html``). */
  attributes?: Html;
}

/**
 * A labelled input with its hint and its error beside it, both tied to the input with
 * aria-describedby, so a screen reader reads them when the field gets focus.
 */
export function field(o: FieldOptions): Html {
  const id = o.id ?? o.name;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [o.hint ? hintId : '', o.error ? errorId : ''].filter(Boolean).join(' ');
  return html`<div class="field"><label for="${id}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${hintId}">${o.hint}</p>` : ''}${o.error ? html`<p class="field-error" id="${errorId}">${o.error}</p>` : ''}
<input id="${id}" name="${o.name}" type="${o.type ?? 'text'}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.value ? html` value="${o.value}"` : ''}${o.required ? html` required` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}${o.attributes ?? ''}></div>`;
}

const SUMMARY = {
  sv: { heading: 'Något behöver rättas' },
  en: { heading: 'Something needs fixing' },
};

/**
 * The page-level summary of a form's errors, first in the page: each field's error links to the
 * field; an error of the whole form is said on its own. role=alert, so it is read out at once.
 */
export function errorSummary(lang: Lang, errors: FieldErrors, order: string[]): Html {
  const items = order.filter((name) => errors[name]).map((name) => html`<li><a href="#${name}">${errors[name]}</a></li>`);
  if (!errors.form && items.length === 0) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-heading"><h2 id="error-summary-heading">${SUMMARY[lang].heading}</h2>
${errors.form ? html`<p>${errors.form}</p>` : ''}${items.length ? html`<ul>${items}</ul>` : ''}</div>`;
}
