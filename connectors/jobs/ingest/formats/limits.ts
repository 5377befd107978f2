// The bounds every format and the validator keep, so that no ad a stranger sends costs more than a
// known amount of work or space.
export const LIMITS = {
  /** Ads read from one batch; the rest are refused with one reason. */
  maxAdsPerBatch: 100_000,
  headline: 500,
  /** Each long text (description parts, application information). */
  text: 50_000,
  /** HTML read before conversion to text (markup is larger than the text it holds). */
  html: 200_000,
  /** Any other string: names, codes, e-mail addresses, URLs. */
  shortString: 2_048,
  /** Entries of any one list (skills, languages, driving licences, source links, keywords …). */
  listLength: 200,
  enrichedConcepts: 1_000,
  vacancies: 10_000,
  weight: 1_000,
} as const;

/** Words for a JSON value's type in reasons: "got number", "got array", "got null". */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Dates as the formats write them, as xsd:dateTime ("2019-08-23 00:00:00" and "2019-08-23" included); undefined when not a date. */
export function normaliseDateTime(s: string, endOfDay = false): string | undefined {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return valid(`${t}T${endOfDay ? '23:59:59' : '00:00:00'}`);
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return undefined;
  const zone = m[4] && m[4] !== 'Z' && !m[4].includes(':') ? `${m[4].slice(0, 3)}:${m[4].slice(3)}` : m[4] ?? '';
  return valid(`${m[1]}T${m[2]}${m[3] ?? ':00'}${zone}`);
}

const XSD_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;
export function isXsdDateTime(s: string): boolean {
  if (!XSD_DATE_TIME.test(s)) return false;
  const [y, mo, d, h, mi, se] = [s.slice(0, 4), s.slice(5, 7), s.slice(8, 10), s.slice(11, 13), s.slice(14, 16), s.slice(17, 19)].map(Number);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate(); // day 0 of the next month
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59 && se <= 59;
}
const valid = (s: string): string | undefined => (isXsdDateTime(s) ? s : undefined);
