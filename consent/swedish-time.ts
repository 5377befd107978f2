// Swedish time (Europe/Stockholm) for the consent protocol: a consent "until" a day means the end
// of that day in Sweden, whether it was chosen on the consent page or sent to the owner API.
export const ZONE = 'Europe/Stockholm';

/** Minutes Stockholm is ahead of UTC at this instant (60 or 120). */
function offsetMinutes(date: Date): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(date).map((p) => [p.type, Number(p.value)]));
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** A wall-clock time in Sweden (YYYY-MM-DDTHH:MM[:SS]) as an instant; undefined when it is not one. */
export function fromSwedishWallTime(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  // The offset is taken at the instant itself (twice, to settle on the right side of a clock change).
  let instant = wall - offsetMinutes(new Date(wall)) * 60_000;
  instant = wall - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/**
 * 23:59:59 Swedish time on a YYYY-MM-DD day, as an instant (clocks change at 02:00/03:00, so late
 * evening has one offset all year).
 */
export function endOfSwedishDay(day: string): Date | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? fromSwedishWallTime(`${day}T23:59:59`) : undefined;
}
