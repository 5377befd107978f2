// The embedded default: one SQLite file (better-sqlite3) in the data directory. WAL mode with full
// sync: a committed batch survives a crash or a power cut, and readers never wait for a writer.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JobSearchAd } from '../../../vocab/index.ts';
import { adId } from './ids.ts';
import type { AdRecord, AdStore, AdTransaction, Posting, StreamCursor } from './types.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS ads (
  id TEXT PRIMARY KEY, json TEXT NOT NULL, updated_at INTEGER NOT NULL, removed INTEGER NOT NULL,
  block TEXT, signature BLOB);
CREATE INDEX IF NOT EXISTS ads_stream ON ads (updated_at, id);
CREATE INDEX IF NOT EXISTS ads_live ON ads (id) WHERE removed = 0;
CREATE TABLE IF NOT EXISTS postings (
  source TEXT NOT NULL, source_id TEXT NOT NULL, own_id TEXT NOT NULL, ad_id TEXT NOT NULL,
  publisher TEXT, content_hash TEXT NOT NULL, url TEXT, label TEXT, PRIMARY KEY (source, source_id));
CREATE INDEX IF NOT EXISTS postings_ad ON postings (ad_id);
CREATE INDEX IF NOT EXISTS postings_own ON postings (own_id);
CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, ad_id TEXT NOT NULL, PRIMARY KEY (band, ad_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS bands_ad ON bands (ad_id);
`;

interface AdRow { id: string; json: string; updated_at: number; removed: number; block: string | null; signature: Buffer | null }
interface PostingRow { source: string; source_id: string; ad_id: string; publisher: string | null; content_hash: string; url: string | null; label: string | null }

const toSignature = (blob: Buffer): Uint32Array => new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
const fromSignature = (signature: Uint32Array | undefined): Buffer | null =>
  signature ? Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength) : null;

/** A row as a record; the ad is parsed only when asked for (a stream writes the stored JSON as it is). */
function toRecord(row: AdRow): AdRecord {
  let parsed: JobSearchAd | undefined;
  return {
    id: row.id, json: row.json, updatedAt: row.updated_at, removed: row.removed === 1,
    get ad() { return (parsed ??= JSON.parse(row.json) as JobSearchAd); },
    ...(row.block === null ? {} : { block: row.block }), ...(row.signature === null ? {} : { signature: toSignature(row.signature) }),
  };
}
function toPosting(row: PostingRow): Posting {
  return {
    source: row.source, sourceId: row.source_id, adId: row.ad_id, contentHash: row.content_hash,
    ...(row.publisher === null ? {} : { publisher: row.publisher }), ...(row.url === null ? {} : { url: row.url }), ...(row.label === null ? {} : { label: row.label }),
  };
}

/**
 * A band key as a 53-bit integer (two 32-bit FNV-style hashes): the band index stays small, and a
 * collision only adds a candidate, which is compared by its signature anyway.
 */
function bandKey(band: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ band.length;
  for (let i = 0; i < band.length; i++) {
    const c = band.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
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
      ad: db.prepare<[string], AdRow>('SELECT * FROM ads WHERE id = ?'),
      byOwnId: db.prepare<[string], { ad_id: string }>('SELECT ad_id FROM postings WHERE own_id = ? LIMIT 1'),
      posting: db.prepare<[string, string], PostingRow>('SELECT * FROM postings WHERE source = ? AND source_id = ?'),
      postingsOf: db.prepare<[string], PostingRow>('SELECT * FROM postings WHERE ad_id = ? ORDER BY rowid'),
      putAd: db.prepare('INSERT OR REPLACE INTO ads (id, json, updated_at, removed, block, signature) VALUES (?, ?, ?, ?, ?, ?)'),
      deleteBands: db.prepare('DELETE FROM bands WHERE ad_id = ?'),
      bandAds: db.prepare<[number], { ad_id: string }>('SELECT ad_id FROM bands WHERE band = ? LIMIT 64'),
      signature: db.prepare<[string], { signature: Buffer | null }>('SELECT signature FROM ads WHERE id = ? AND removed = 0'),
      putPosting: db.prepare('INSERT OR REPLACE INTO postings (source, source_id, own_id, ad_id, publisher, content_hash, url, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      deletePosting: db.prepare('DELETE FROM postings WHERE source = ? AND source_id = ?'),
      changes: db.prepare<[number, number, string, number, number], AdRow>(
        'SELECT * FROM ads WHERE (updated_at > ? OR (updated_at = ? AND id > ?)) AND updated_at < ? ORDER BY updated_at, id LIMIT ?'),
      live: db.prepare<[string, number], AdRow>('SELECT * FROM ads WHERE removed = 0 AND id > ? ORDER BY id LIMIT ?'),
      counts: db.prepare<[], { live: number; removed: number }>('SELECT COALESCE(SUM(removed = 0), 0) AS live, COALESCE(SUM(removed = 1), 0) AS removed FROM ads'),
      lastStamp: db.prepare<[], { stamp: number | null }>('SELECT MAX(updated_at) AS stamp FROM ads'),
    };
    this.#lastStamp = this.#sql.lastStamp.get()?.stamp ?? 0;
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
      const seen = new Set<string>();
      const out: Array<{ id: string; signature: Uint32Array }> = [];
      for (const band of bands) {
        for (const { ad_id: id } of this.#sql.bandAds.all(bandKey(band))) {
          if (seen.has(id)) continue;
          seen.add(id);
          const signature = this.#sql.signature.get(id)?.signature;
          if (signature) out.push({ id, signature: toSignature(signature) });
          if (out.length >= limit) return out;
        }
      }
      return out;
    },
    putAd: async (record, bands) => {
      const stamp = Math.max(Date.now(), this.#lastStamp + 1);
      this.#lastStamp = stamp;
      this.#sql.putAd.run(record.id, JSON.stringify({ ...record.ad, id: record.id, timestamp: stamp }), stamp, record.removed ? 1 : 0, record.block ?? null, fromSignature(record.signature));
      if (bands === undefined && !record.removed) return stamp;
      this.#sql.deleteBands.run(record.id);
      if (!record.removed && bands?.length) this.#bandInsert(bands.length).run(...bands.flatMap((band) => [bandKey(band), record.id]));
      return stamp;
    },
    putPosting: async (p) => {
      this.#sql.putPosting.run(p.source, p.sourceId, adId(p.source, p.sourceId), p.adId, p.publisher ?? null, p.contentHash, p.url ?? null, p.label ?? null);
    },
    deletePosting: async (source, sourceId) => { this.#sql.deletePosting.run(source, sourceId); },
  };

  readonly #bandInserts = new Map<number, Database.Statement>();

  /** One INSERT for all of an ad's bands (statements, not rows, are what costs here). */
  #bandInsert(n: number): Database.Statement {
    let statement = this.#bandInserts.get(n);
    if (!statement) {
      statement = this.#db.prepare(`INSERT OR IGNORE INTO bands (band, ad_id) VALUES ${Array.from({ length: n }, () => '(?, ?)').join(', ')}`);
      this.#bandInserts.set(n, statement);
    }
    return statement;
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
    return this.#sql.changes.all(after.updatedAt, after.updatedAt, after.id, before, limit).map(toRecord);
  }

  async live(afterId: string, limit: number): Promise<AdRecord[]> { return this.#sql.live.all(afterId, limit).map(toRecord); }

  async counts(): Promise<{ live: number; removed: number }> { return this.#sql.counts.get()!; }

  async close(): Promise<void> {
    await this.#queue;
    this.#db.close();
  }
}
