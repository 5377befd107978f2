// The embedded default: one SQLite file (better-sqlite3) in the data directory. WAL mode with full
// sync: a committed batch survives a crash or a power cut, and readers never wait for a writer.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JobSearchAd } from '../../../vocab/index.ts';
import { BandIndex, bandKeys } from './band-index.ts';
import { adId } from './ids.ts';
import type { AdRecord, AdStore, AdTransaction, Posting, StreamCursor } from './types.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS ads (
  id TEXT PRIMARY KEY, json TEXT NOT NULL, updated_at INTEGER NOT NULL, removed INTEGER NOT NULL,
  block TEXT, signature BLOB, bands BLOB);
CREATE INDEX IF NOT EXISTS ads_stream ON ads (updated_at, id);
CREATE INDEX IF NOT EXISTS ads_live ON ads (id) WHERE removed = 0;
CREATE TABLE IF NOT EXISTS postings (
  source TEXT NOT NULL, source_id TEXT NOT NULL, own_id TEXT NOT NULL, ad_id TEXT NOT NULL,
  publisher TEXT, content_hash TEXT NOT NULL, url TEXT, label TEXT, PRIMARY KEY (source, source_id));
CREATE INDEX IF NOT EXISTS postings_ad ON postings (ad_id);
CREATE INDEX IF NOT EXISTS postings_own ON postings (own_id);
`;

/** Everything of an ad but its band keys (only the band index reads those); the JSON as its UTF-8 bytes, written out as they are. */
const AD_COLUMNS = 'id, CAST(json AS BLOB) AS json, updated_at, removed, block, signature';

interface AdRow { id: string; json: Buffer; updated_at: number; removed: number; block: string | null; signature: Buffer | null }
interface PostingRow { source: string; source_id: string; ad_id: string; publisher: string | null; content_hash: string; url: string | null; label: string | null }

const toSignature = (blob: Buffer): Uint32Array => new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
const fromSignature = (signature: Uint32Array | undefined): Buffer | null =>
  signature ? Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength) : null;

/** A row as a record; the ad is parsed only when asked for (a stream writes the stored JSON as it is). */
function toRecord(row: AdRow): AdRecord {
  let parsed: JobSearchAd | undefined;
  return {
    id: row.id, json: row.json, updatedAt: row.updated_at, removed: row.removed === 1,
    get ad() { return (parsed ??= JSON.parse(row.json.toString('utf8')) as JobSearchAd); },
    ...(row.block === null ? {} : { block: row.block }), ...(row.signature === null ? {} : { signature: toSignature(row.signature) }),
  };
}
function toPosting(row: PostingRow): Posting {
  return {
    source: row.source, sourceId: row.source_id, adId: row.ad_id, contentHash: row.content_hash,
    ...(row.publisher === null ? {} : { publisher: row.publisher }), ...(row.url === null ? {} : { url: row.url }), ...(row.label === null ? {} : { label: row.label }),
  };
}

export class SqliteAdStore implements AdStore {
  readonly #db: Database.Database;
  readonly #sql;
  #lastStamp: number;
  #queue: Promise<unknown> = Promise.resolve();

  /** Opens (or creates) the store at path; ':memory:' for a throwaway store. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('busy_timeout = 5000');
    this.#db.pragma('cache_size = -65536'); // 64 MB of pages: the band index stays in memory while it is written
    this.#db.exec(SCHEMA);
    const db = this.#db;
    this.#sql = {
      ad: db.prepare<[string], AdRow>(`SELECT ${AD_COLUMNS} FROM ads WHERE id = ?`),
      byOwnId: db.prepare<[string], { ad_id: string }>('SELECT ad_id FROM postings WHERE own_id = ? LIMIT 1'),
      posting: db.prepare<[string, string], PostingRow>('SELECT * FROM postings WHERE source = ? AND source_id = ?'),
      postingsOf: db.prepare<[string], PostingRow>('SELECT * FROM postings WHERE ad_id = ? ORDER BY rowid'),
      putAd: db.prepare('INSERT OR REPLACE INTO ads (id, json, updated_at, removed, block, signature, bands) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      putAdKeepBands: db.prepare('UPDATE ads SET json = ?, updated_at = ?, removed = ?, block = ?, signature = ? WHERE id = ?'),
      signature: db.prepare<[string], { signature: Buffer | null }>('SELECT signature FROM ads WHERE id = ? AND removed = 0'),
      liveBands: db.prepare<[], { id: string; bands: Buffer }>('SELECT id, bands FROM ads WHERE removed = 0 AND bands IS NOT NULL'),
      putPosting: db.prepare('INSERT OR REPLACE INTO postings (source, source_id, own_id, ad_id, publisher, content_hash, url, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      deletePosting: db.prepare('DELETE FROM postings WHERE source = ? AND source_id = ?'),
      changes: db.prepare<[number, string, number, number], AdRow>(
        `SELECT ${AD_COLUMNS} FROM ads WHERE (updated_at, id) > (?, ?) AND updated_at < ? ORDER BY updated_at, id LIMIT ?`),
      live: db.prepare<[string, number], AdRow>(`SELECT ${AD_COLUMNS} FROM ads WHERE removed = 0 AND id > ? ORDER BY id LIMIT ?`),
      counts: db.prepare<[], { live: number; removed: number }>('SELECT COALESCE(SUM(removed = 0), 0) AS live, COALESCE(SUM(removed = 1), 0) AS removed FROM ads'),
      lastStamp: db.prepare<[], { stamp: number | null }>('SELECT MAX(updated_at) AS stamp FROM ads'),
    };
    this.#lastStamp = this.#sql.lastStamp.get()?.stamp ?? 0;
    this.#bandIndex();
  }

  transaction<T>(fn: (tx: AdTransaction) => Promise<T>): Promise<T> {
    const run = async () => {
      this.#db.exec('BEGIN IMMEDIATE');
      const stampBefore = this.#lastStamp;
      try {
        const result = await fn(this.#tx);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        this.#lastStamp = stampBefore;
        this.#bands = undefined; // it may hold keys of ads that were rolled back: rebuilt on next use
        throw error;
      }
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  readonly #tx: AdTransaction = {
    ad: async (id) => this.#adNow(id),
    posting: async (source, sourceId) => {
      const row = this.#sql.posting.get(source, sourceId);
      return row && toPosting(row);
    },
    postingsOf: async (id) => this.#sql.postingsOf.all(id).map(toPosting),
    duplicateCandidates: async (bands, limit) => {
      const out: Array<{ id: string; signature: Uint32Array }> = [];
      for (const id of this.#bandIndex().candidates(bandKeys(bands), limit)) {
        const signature = this.#sql.signature.get(id)?.signature;
        if (signature) out.push({ id, signature: toSignature(signature) });
      }
      return out;
    },
    putAd: async (record, bands) => {
      // Microseconds: strictly increasing and still on the clock at thousands of writes a second.
      const stamp = Math.max(Date.now() * 1000, this.#lastStamp + 1);
      this.#lastStamp = stamp;
      const json = JSON.stringify({ ...record.ad, id: record.id, timestamp: Math.floor(stamp / 1000) });
      const signature = fromSignature(record.signature);
      if (bands === undefined && !record.removed) {
        this.#sql.putAdKeepBands.run(json, stamp, 0, record.block ?? null, signature, record.id);
        return stamp;
      }
      const keys = record.removed ? undefined : bandKeys(bands ?? []);
      this.#sql.putAd.run(record.id, json, stamp, record.removed ? 1 : 0, record.block ?? null, signature, keys ? Buffer.from(keys.buffer) : null);
      if (keys) this.#bandIndex().add(record.id, keys);
      else this.#bandIndex().remove(record.id);
      return stamp;
    },
    putPosting: async (p) => {
      this.#sql.putPosting.run(p.source, p.sourceId, adId(p.source, p.sourceId), p.adId, p.publisher ?? null, p.contentHash, p.url ?? null, p.label ?? null);
    },
    deletePosting: async (source, sourceId) => { this.#sql.deletePosting.run(source, sourceId); },
  };

  #bands?: BandIndex;

  /** The in-memory band index, built from the stored keys on first use (a scan of the live ads). */
  #bandIndex(): BandIndex {
    if (!this.#bands) {
      this.#bands = new BandIndex();
      for (const row of this.#sql.liveBands.iterate()) {
        this.#bands.add(row.id, new Int32Array(row.bands.buffer.slice(row.bands.byteOffset, row.bands.byteOffset + row.bands.byteLength)));
      }
    }
    return this.#bands;
  }

  #adNow(id: string): AdRecord | undefined {
    const row = this.#sql.ad.get(id);
    return row && toRecord(row);
  }

  async get(id: string): Promise<AdRecord | undefined> {
    const own = this.#adNow(id);
    if (own) return own;
    const alias = this.#sql.byOwnId.get(id);
    return alias ? this.#adNow(alias.ad_id) : undefined;
  }

  async postingsOf(id: string): Promise<Posting[]> { return this.#sql.postingsOf.all(id).map(toPosting); }

  async changes(after: StreamCursor, before: number, limit: number): Promise<AdRecord[]> {
    return this.#sql.changes.all(after.updatedAt, after.id, before, limit).map(toRecord);
  }

  async live(afterId: string, limit: number): Promise<AdRecord[]> { return this.#sql.live.all(afterId, limit).map(toRecord); }

  async counts(): Promise<{ live: number; removed: number }> { return this.#sql.counts.get()!; }

  async close(): Promise<void> {
    await this.#queue;
    this.#db.close();
  }
}
