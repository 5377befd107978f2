import { currentStatus, describeEntry, type AccessLogEntry, type ConsentRecord } from '../../consent/index.ts';
import { html, type Html } from '../identity/html.ts';
import { dateTimeWords, listWords } from './page-format.ts';
import { TEXT, type Lang } from './page-text.ts';
import { whoNote, type Who } from './page-who.ts';

const sectionWords = (sections: string[], lang: Lang): string => listWords(sections.map((s) => TEXT[lang].sections[s]?.toLocaleLowerCase(lang) ?? s), lang);

/** An active consent: who, what, until when, and the button that leads to the withdrawal step. */
export function grantItem(record: ConsentRecord, w: Who, token: string, lang: Lang): Html {
  const t = TEXT[lang];
  const given = record.statusHistory.find((s) => s.status === 'given')?.at ?? record.validFrom;
  return html`<li class="grant"><strong>${w.name}</strong> ${whoNote(w, lang)} ${t.mayRead(sectionWords(record.sections, lang), dateTimeWords(record.validUntil, lang))}.
<span class="hint">${t.given} ${dateTimeWords(given, lang)}.</span>
<form method="post" action="/.account/consent/withdraw"><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="record" value="${record.id}">
<button type="submit" class="danger">${t.withdraw}</button></form></li>`;
}

/** A refused, withdrawn or expired consent with its whole status history. */
export function historyItem(record: ConsentRecord, w: Who, lang: Lang): Html {
  const t = TEXT[lang];
  const changes = record.statusHistory.map((change) => t.statusLine(t.statusWords[change.status] ?? change.status, dateTimeWords(change.at, lang)));
  return html`<li class="history" data-status="${currentStatus(record)}"><strong>${w.name}</strong> ${whoNote(w, lang)} — ${sectionWords(record.sections, lang)}: ${changes.join(' · ')}</li>`;
}

/** Ended consents, the most recently changed first. */
export function endedRecords(records: ConsentRecord[]): ConsentRecord[] {
  const last = (r: ConsentRecord) => r.statusHistory.at(-1)?.at ?? '';
  return records.filter((r) => currentStatus(r) !== 'given').sort((a, b) => last(b).localeCompare(last(a)));
}

/** One line of the access log in words, naming the grantee as its consent record recorded it. */
export function logItem(entry: AccessLogEntry, w: Who | undefined, record: ConsentRecord | undefined, lang: Lang): Html {
  const givenAt = record?.statusHistory.find((s) => s.status === 'given')?.at;
  return html`<li class="read">${describeEntry(entry, { granteeName: w?.name, recordGivenAt: givenAt, fullDates: true }, lang)}</li>`;
}
