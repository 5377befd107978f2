// The citizen's access log: one JSON line per read under a grant, each entry hash-chained to the one before,
// so that changing, deleting, reordering or inserting a line is detected. Appending never rewrites the log.
import { createHash } from 'node:crypto';
import type { AccessMode } from './model.ts';

export const GENESIS = '0'.repeat(64);

export interface AccessLogFields {
  grantee: string;
  clientId?: string;
  resource: string;
  mode: AccessMode;
  /** The consent record the access was allowed under. */
  recordId: string;
}

export interface AccessLogEntry {
  seq: number;
  /** ISO 8601, UTC. */
  time: string;
  grantee: string;
  clientId: string | null;
  resource: string;
  mode: AccessMode;
  recordId: string;
  prev: string;
  hash: string;
}

const KEYS = ['seq', 'time', 'grantee', 'clientId', 'resource', 'mode', 'recordId', 'prev', 'hash'] as const;

/** The canonical serialisation hashed: a JSON array of the fields in fixed order (hash excluded). */
export function canonical(e: Omit<AccessLogEntry, 'hash'>): string {
  return JSON.stringify([e.seq, e.time, e.grantee, e.clientId, e.resource, e.mode, e.recordId, e.prev]);
}
export const entryHash = (e: Omit<AccessLogEntry, 'hash'>): string => createHash('sha256').update(canonical(e), 'utf8').digest('hex');

/** The next entry after `last` (undefined for the first). The caller must serialise appends per log. */
export function appendEntry(last: AccessLogEntry | undefined, fields: AccessLogFields, now: Date): AccessLogEntry {
  const body: Omit<AccessLogEntry, 'hash'> = {
    seq: last ? last.seq + 1 : 1,
    time: now.toISOString(),
    grantee: fields.grantee,
    clientId: fields.clientId ?? null,
    resource: fields.resource,
    mode: fields.mode,
    recordId: fields.recordId,
    prev: last ? last.hash : GENESIS,
  };
  return { ...body, hash: entryHash(body) };
}

/** One JSON line (with the trailing newline) in fixed key order. */
export function serializeEntry(e: AccessLogEntry): string {
  return `${JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, e[k]])))}\n`;
}

/** The last entry of a log text, for appending (reads only the last line). */
export function lastEntry(text: string): AccessLogEntry | undefined {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const line = lines[lines.length - 1];
  if (line === undefined) return undefined;
  const parsed = parseLine(line);
  if (typeof parsed === 'string') throw new Error(`access log's last line is unreadable: ${parsed}`);
  return parsed;
}

/**
 * How many bytes at the start of a log are whole entries. A crash, a power loss or a full disk
 * can leave the last line unfinished (or zeros where it should be); everything after the last
 * line that reads as an entry is such a tail. Lines before it are not judged here: a broken
 * line in the middle is for verifyChain to report, not for a repair to remove.
 */
export function intactLength(log: Uint8Array): number {
  const bytes = Buffer.from(log.buffer, log.byteOffset, log.byteLength);
  let end = bytes.lastIndexOf(NEWLINE) + 1; // '\n' never occurs inside a UTF-8 character
  while (end > 0) {
    const start = end >= 2 ? bytes.lastIndexOf(NEWLINE, end - 2) + 1 : 0;
    const line = bytes.toString('utf8', start, end - 1);
    if (line.trim() === '' || typeof parseLine(line) !== 'string') break;
    end = start;
  }
  return end;
}
const NEWLINE = 0x0a;

export type ChainResult =
  | { valid: true; count: number; head: string }
  | { valid: false; at: number; reason: string };

const MODES = ['read', 'append', 'write', 'control'];
function parseLine(line: string): AccessLogEntry | string {
  let o: unknown;
  try { o = JSON.parse(line); } catch { return 'not JSON'; }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'not an object';
  const r = o as Record<string, unknown>;
  const extra = Object.keys(r).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (extra.length) return `unexpected field(s) ${extra.join(', ')}`;
  const ok = Number.isInteger(r.seq) && typeof r.time === 'string' && !Number.isNaN(Date.parse(r.time)) && typeof r.grantee === 'string'
    && (r.clientId === null || typeof r.clientId === 'string') && typeof r.resource === 'string' && MODES.includes(r.mode as string)
    && typeof r.recordId === 'string' && typeof r.prev === 'string' && /^[0-9a-f]{64}$/.test(r.prev) && typeof r.hash === 'string';
  return ok ? (r as unknown as AccessLogEntry) : 'missing or mistyped field';
}

/**
 * Verifies a whole log (its text, its lines, or parsed entries). Detects changed fields, deleted, reordered
 * and inserted lines. Truncation at the end can only be detected against a head remembered elsewhere:
 * pass `expectHead` (e.g. the head the owner last saw) to check that the log still contains it.
 */
export function verifyChain(input: string | readonly string[] | readonly AccessLogEntry[], opts: { expectHead?: { seq: number; hash: string }; after?: { seq: number; hash: string } } = {}): ChainResult {
  const items: Array<string | AccessLogEntry> = typeof input === 'string'
    ? input.split('\n').filter((l) => l.trim() !== '')
    : (input as Array<string | AccessLogEntry>).filter((l) => typeof l !== 'string' || l.trim() !== '');
  let prev = opts.after?.hash ?? GENESIS;
  let prevTime = -Infinity;
  let seenHead = false;
  for (let i = 0; i < items.length; i++) {
    const expectedSeq = (opts.after?.seq ?? 0) + i + 1;
    const item = items[i];
    const e = typeof item === 'string' ? parseLine(item) : parseLine(JSON.stringify(item));
    if (typeof e === 'string') return { valid: false, at: expectedSeq, reason: `line ${expectedSeq}: ${e}` };
    if (e.seq !== expectedSeq) return { valid: false, at: expectedSeq, reason: `expected seq ${expectedSeq}, found ${e.seq} (a line was deleted, inserted or moved)` };
    if (e.prev !== prev) return { valid: false, at: e.seq, reason: `entry ${e.seq} does not link to the entry before it` };
    if (entryHash(e) !== e.hash) return { valid: false, at: e.seq, reason: `entry ${e.seq} was altered (hash mismatch)` };
    const t = Date.parse(e.time);
    if (t < prevTime) return { valid: false, at: e.seq, reason: `entry ${e.seq} is older than the entry before it` };
    if (opts.expectHead && e.seq === opts.expectHead.seq) seenHead = e.hash === opts.expectHead.hash;
    prev = e.hash;
    prevTime = t;
  }
  if (opts.expectHead && !seenHead) {
    return { valid: false, at: opts.expectHead.seq, reason: `the log no longer contains entry ${opts.expectHead.seq} as last seen (truncated or rewritten)` };
  }
  return { valid: true, count: items.length, head: prev };
}

/**
 * Checks a run of consecutive entries (oldest first) taken from anywhere in a log, such as one
 * page of it: each entry is intact and links to the one before. The whole chain back to the
 * first entry needs the whole log (verifyChain).
 */
export function verifyRun(entries: readonly AccessLogEntry[]): ChainResult {
  if (entries.length === 0) return { valid: true, count: 0, head: GENESIS };
  return verifyChain(entries, { after: { seq: entries[0].seq - 1, hash: entries[0].prev } });
}

/** Parses a verified log text into entries (throws on an unreadable line). */
export function parseLog(text: string): AccessLogEntry[] {
  return text.split('\n').filter((l) => l.trim() !== '').map((l, i) => {
    const e = parseLine(l);
    if (typeof e === 'string') throw new Error(`access log line ${i + 1}: ${e}`);
    return e;
  });
}
