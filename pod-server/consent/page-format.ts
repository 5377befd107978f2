// Dates, times and durations in words, always in Swedish time (Europe/Stockholm) with the zone shown.
import { addDuration, parseDuration } from '../../consent/index.ts';
import { TEXT, type Lang } from './page-text.ts';

export { endOfSwedishDay, ZONE } from '../../consent/swedish-time.ts';
import { ZONE } from '../../consent/swedish-time.ts';
const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const zoneFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'short', hour: 'numeric' });
const isoDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** "1 december 2026 kl. 14:05 CET" / "1 December 2026 at 14:05 CET". */
export function dateTimeWords(iso: string | Date, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  let format = dateTimeFormats.get(lang);
  if (!format) dateTimeFormats.set(lang, (format = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, dateStyle: 'long', timeStyle: 'short' })));
  return `${format.format(date)} ${zoneName(date)}`;
}

/** "1 december 2026" / "1 December 2026": the day in Sweden. */
export function dateWords(iso: string | Date, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, dateStyle: 'long' })));
  return format.format(date);
}

/** CET or CEST. */
export function zoneName(date: Date): string {
  return zoneFormat.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? ZONE;
}

/** The calendar day in Sweden at this instant, as YYYY-MM-DD (what an <input type=date> holds). */
export function swedishDay(date: Date): string {
  return isoDateFormat.format(date);
}

/** "P30D" -> "30 dagar" / "30 days"; "P1Y6M" -> "1 år och 6 månader". Unreadable input is shown as given. */
export function durationWords(iso: string, lang: Lang): string {
  const d = parseDuration(iso);
  if (!d) return iso;
  const { units, and } = TEXT[lang];
  const parts = (['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const)
    .filter((unit) => d[unit] > 0)
    .map((unit) => `${d[unit]} ${units[unit][d[unit] === 1 ? 0 : 1]}`);
  if (parts.length === 0) return iso;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
}

/** The dates a citizen may choose for "until": today in Sweden to the day the requested time ends. */
export function untilRange(duration: string, now: Date): { min: string; max: string; end: Date } {
  const end = addDuration(now, duration);
  return { min: swedishDay(now), max: swedishDay(end), end };
}

/** A list in words: "a, b och c". */
export function listWords(items: string[], lang: Lang): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${TEXT[lang].and} ${items.at(-1)}`;
}
