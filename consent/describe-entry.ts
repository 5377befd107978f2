// Access-log entries in plain words, in English and Swedish:
// "Employer X read your skills on 3 March 10:14 under the consent you gave on 1 March".
import { sectionOfResource, type AccessMode } from './model.ts';
import type { AccessLogEntry } from './audit-log.ts';

export type Locale = 'en' | 'sv';

const SECTION_WORDS: Record<Locale, Record<string, string>> = {
  en: { skills: 'your skills', experience: 'your work experience', education: 'your education', languages: 'your languages',
    licences: 'your licences and certificates', preferences: 'your job preferences', contact: 'your contact details' },
  sv: { skills: 'dina kompetenser', experience: 'din arbetslivserfarenhet', education: 'din utbildning', languages: 'dina språk',
    licences: 'dina körkort och certifikat', preferences: 'dina önskemål om jobb', contact: 'dina kontaktuppgifter' },
};
const VERBS: Record<Locale, Record<AccessMode, string>> = {
  en: { read: 'read', append: 'added to', write: 'changed', control: 'changed the access to' },
  sv: { read: 'läste', append: 'lade till i', write: 'ändrade', control: 'ändrade behörigheterna för' },
};
const MONTHS: Record<Locale, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
};

interface Parts { year: number; month: number; day: number; hour: string; minute: string; zone: string }
function partsIn(iso: string, timeZone: string): Parts {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: p.hour, minute: p.minute, zone: p.timeZoneName };
}

function dateWords(p: Parts, locale: Locale, withYear: boolean, withTime: boolean, withZone = false): string {
  const date = `${p.day} ${MONTHS[locale][p.month - 1]}${withYear ? ` ${p.year}` : ''}`;
  if (!withTime) return date;
  return `${date}${locale === 'sv' ? ' kl.' : withZone ? ' at' : ''} ${p.hour}:${p.minute}${withZone ? ` ${p.zone}` : ''}`;
}

export interface DescribeOptions {
  /** Display name of the grantee (e.g. from its WebID profile); the WebID is used otherwise. */
  granteeName?: string;
  /** When the consent was given (the record's 'given' status time). */
  recordGivenAt?: string;
  /** Default Europe/Stockholm. */
  timeZone?: string;
  /** Years are shown only when the date is not in this year (default: the current year). */
  now?: Date;
  /** Always the year, and the time zone after the time ("1 December 2026 at 14:05 CET"): for pages kept for years. */
  fullDates?: boolean;
}

/** One sentence saying who did what to which part of the profile, when, and under which consent. */
export function describeEntry(entry: AccessLogEntry, opts: DescribeOptions = {}, locale: Locale = 'en'): string {
  const tz = opts.timeZone ?? 'Europe/Stockholm';
  const thisYear = partsIn((opts.now ?? new Date()).toISOString(), tz).year;
  const who = opts.granteeName?.trim() || entry.grantee;
  const section = sectionOfResource(entry.resource);
  const what = section ? SECTION_WORDS[locale][section] : `<${entry.resource}>`;
  const at = partsIn(entry.time, tz);
  const full = opts.fullDates === true;
  const when = dateWords(at, locale, full || at.year !== thisYear, true, full);
  const verb = VERBS[locale][entry.mode];
  let sentence = locale === 'sv' ? `${who} ${verb} ${what} den ${when}` : `${who} ${verb} ${what} on ${when}`;
  if (opts.recordGivenAt) {
    const g = partsIn(opts.recordGivenAt, tz);
    const given = dateWords(g, locale, full || g.year !== thisYear, false);
    sentence += locale === 'sv' ? ` enligt samtycket du gav den ${given}` : ` under the consent you gave on ${given}`;
  } else {
    sentence += locale === 'sv' ? ' enligt ditt samtycke' : ' under your consent';
  }
  return sentence;
}
