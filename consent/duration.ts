// ISO 8601 durations ("P90D", "P1Y6M", "PT12H", "P2W") and adding them to dates (calendar arithmetic, UTC).

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface Duration { years: number; months: number; weeks: number; days: number; hours: number; minutes: number; seconds: number }

export function parseDuration(iso: string): Duration | undefined {
  const m = PATTERN.exec(iso);
  if (!m) return undefined;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

export const isDuration = (iso: unknown): iso is string => typeof iso === 'string' && parseDuration(iso) !== undefined;

/** "P90D" for 90. */
export function daysToDuration(days: number): string {
  if (!Number.isInteger(days) || days <= 0) throw new RangeError(`duration in days must be a positive integer, got ${days}`);
  return `P${days}D`;
}

/** start + duration, calendar-aware in UTC (P1M from 31 Jan is 3 March in a leap-less year, like Date does). */
export function addDuration(start: Date, iso: string): Date {
  const d = parseDuration(iso);
  if (!d) throw new RangeError(`not an ISO 8601 duration: ${iso}`);
  const t = new Date(start.getTime());
  t.setUTCFullYear(t.getUTCFullYear() + d.years, t.getUTCMonth() + d.months, t.getUTCDate() + d.weeks * 7 + d.days);
  return new Date(t.getTime() + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
}
