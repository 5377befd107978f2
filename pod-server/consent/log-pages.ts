import { parseLog, type AccessLogEntry } from '../../consent/index.ts';
import type { ResourceStore } from '../storage/store.ts';

const NEWLINE = 0x0a;

/**
 * One page of an access log, newest first: `offset` entries from the end are skipped and the
 * next `limit` are parsed. Only the page's lines are parsed; the rest of the file is walked as
 * bytes (counting newlines), so page one of a 57k-line log costs one read and no JSON work
 * beyond the page. A torn last line (no newline yet) is not an entry and is not counted.
 */
export async function readLogPage(store: ResourceStore, path: string, paging: { offset: number; limit: number }): Promise<{ entries: AccessLogEntry[]; total: number }> {
  const file = await store.read(path);
  if (!file) return { entries: [], total: 0 };
  const bytes = file.body;
  const end = bytes.lastIndexOf(NEWLINE); // the end of the last complete line
  if (end < 0) return { entries: [], total: 0 };
  const total = countLines(bytes, end);
  // Walk back over `offset` lines, then take the next `limit` lines' bytes.
  let stop = end;
  for (let skipped = 0; skipped < paging.offset && stop >= 0; skipped++) stop = previousNewline(bytes, stop);
  let start = stop;
  for (let taken = 0; taken < paging.limit && start >= 0; taken++) start = previousNewline(bytes, start);
  if (stop <= start) return { entries: [], total };
  const entries = parseLog(bytes.subarray(start + 1, stop + 1).toString('utf8'));
  return { entries: entries.reverse(), total };
}

/** The index of the newline before the line ending at `at` (-1 at the start of the file). */
function previousNewline(bytes: Buffer, at: number): number {
  return at <= 0 ? -1 : bytes.lastIndexOf(NEWLINE, at - 1);
}

/** Non-empty lines up to `end` (a newline). */
function countLines(bytes: Buffer, end: number): number {
  let count = 0;
  let from = 0;
  while (from <= end) {
    const next = bytes.indexOf(NEWLINE, from);
    if (next < 0 || next > end) break;
    if (next > from) count += 1;
    from = next + 1;
  }
  return count;
}
