// What the agent knows of its consents: requests it sent, receipts it holds, and how each ended.
import Database from 'better-sqlite3';
import type { ReceiptClaims } from '../../consent/index.ts';

export type EndReason = 'withdrawn' | 'expired' | 'refused' | 'unknown';

export interface HeldConsent {
  record: string;
  request?: string;
  subject: string;
  receipt: string;
  claims: ReceiptClaims;
  status: 'given' | EndReason;
}

interface ConsentRow { record: string; request: string | null; subject: string; receipt: string; claims: string; status: string }

/**
 * A small SQLite book (a file in the data directory, or memory). Receipts are kept after the
 * consent ends, as proof of what was agreed; the data read under them is the connector's to delete.
 * Plain tables and one statement per change, so a PostgreSQL version is a direct translation.
 */
export class ConsentBook {
  readonly #db: Database.Database;
  readonly #sql;

  constructor(file?: string) {
    this.#db = new Database(file ?? ':memory:');
    if (file) this.#db.pragma('journal_mode = WAL');
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS sent_requests (url TEXT PRIMARY KEY, subject TEXT NOT NULL, sent_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS consents (
        record TEXT PRIMARY KEY, request TEXT, subject TEXT NOT NULL, receipt TEXT NOT NULL, claims TEXT NOT NULL,
        status TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS consents_by_subject ON consents (subject);`);
    this.#sql = {
      sent: this.#db.prepare<[string, string, string]>('INSERT OR REPLACE INTO sent_requests (url, subject, sent_at) VALUES (?, ?, ?)'),
      request: this.#db.prepare<[string], { subject: string }>('SELECT subject FROM sent_requests WHERE url = ?'),
      put: this.#db.prepare<[string, string | null, string, string, string, string]>(`INSERT INTO consents (record, request, subject, receipt, claims, status, updated_at) VALUES (?, ?, ?, ?, ?, 'given', ?)
        ON CONFLICT (record) DO NOTHING`),
      get: this.#db.prepare<[string], ConsentRow>('SELECT * FROM consents WHERE record = ?'),
      active: this.#db.prepare<[], ConsentRow>(`SELECT * FROM consents WHERE status = 'given' ORDER BY updated_at`),
      end: this.#db.prepare<[string, string, string]>(`UPDATE consents SET status = ?, updated_at = ? WHERE record = ? AND status = 'given'`),
    };
  }

  requestSent(url: string, subject: string, now = new Date()): void { this.#sql.sent.run(url, subject, now.toISOString()); }
  subjectOfRequest(url: string): string | undefined { return this.#sql.request.get(url)?.subject; }

  /** Records a verified receipt; false when this record was known already (a repeated notification). */
  hold(receipt: string, claims: ReceiptClaims, now = new Date()): boolean {
    return this.#sql.put.run(claims.jti, claims.request ?? null, claims.sub, receipt, JSON.stringify(claims), now.toISOString()).changes === 1;
  }

  get(record: string): HeldConsent | undefined { return held(this.#sql.get.get(record)); }
  active(): HeldConsent[] { return this.#sql.active.all().map((row) => held(row)!); }

  /** Marks an active consent ended; false when it was not active (so handlers run once). */
  end(record: string, reason: EndReason, now = new Date()): boolean {
    return this.#sql.end.run(reason, now.toISOString(), record).changes === 1;
  }

  close(): void { this.#db.close(); }
}

function held(row: ConsentRow | undefined): HeldConsent | undefined {
  if (!row) return undefined;
  return { record: row.record, ...(row.request ? { request: row.request } : {}), subject: row.subject, receipt: row.receipt, claims: JSON.parse(row.claims) as ReceiptClaims, status: row.status as HeldConsent['status'] };
}
