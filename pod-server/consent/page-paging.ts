import { html, type Html } from '../identity/html.ts';
import { TEXT, type Lang } from './page-text.ts';

export const PENDING_PER_PAGE = 20;
export const LOG_PER_PAGE = 50;
export const HISTORY_PER_PAGE = 20;
const MAX_PAGE = 100_000;

export interface Slice<T> { items: T[]; page: number; pages: number }

/** The page number asked for in `?name=`, 1 when absent or not a number. */
export function pageParam(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(n, 1), MAX_PAGE);
}

/**
 * One page of a list the service returned whole. When the service pages itself, this is the
 * one place that changes: pass its page through instead of slicing here.
 */
export function slice<T>(all: readonly T[], page: number, size: number): Slice<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const current = Math.min(page, pages);
  return { items: all.slice((current - 1) * size, current * size), page: current, pages };
}

/** Previous / next links that keep the other lists' pages; nothing when there is one page. */
export function pagingNav(slice: Slice<unknown>, lang: Lang, href: (page: number) => string, label: string): Html | string {
  if (slice.pages <= 1) return '';
  const t = TEXT[lang];
  const prev = slice.page > 1 ? html`<a rel="prev" href="${href(slice.page - 1)}">← ${t.previous}</a>` : '';
  const next = slice.page < slice.pages ? html`<a rel="next" href="${href(slice.page + 1)}">${t.next} →</a>` : '';
  return html`<nav class="paging" aria-label="${label}">${prev}<span>${t.pageOf(slice.page, slice.pages)}</span>${next}</nav>`;
}
