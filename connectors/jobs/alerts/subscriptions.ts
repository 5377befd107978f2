// Alert subscriptions: the copy of a citizen's preferences (and skills) read under a consent,
// and which ads were already sent, so none is sent twice.
import Database from 'better-sqlite3';
import type { RemoteOption } from '../../../vocab/index.ts';

/** What matching needs of the citizen's sections: concept ids only. */
export interface AlertProfile {
  occupations: string[];
  locations: string[];
  employmentTypes: string[];
  worktimeExtents: string[];
  remote?: RemoteOption;
  /** Skill concept ids, when the citizen granted the skills section too. */
  skills?: string[];
}

export interface Subscription {
  /** The consent record's URL: the key, since everything here lives and dies with that consent. */
  record: string;
  subject: string;
  /** The citizen's inbox, where alerts go. */
  inbox: string;
  profile: AlertProfile;
  createdAt: string;
  updatedAt: string;
}

/**
 * The narrow interface the alerts use; SQLite below, PostgreSQL later behind the same methods
 * (plain tables, text keys, JSON as text: jsonb there).
 */
export interface SubscriptionStore {
  put(subscription: Subscription): void;
  get(record: string): Subscription | undefined;
  all(): Subscription[];
  /** Deletes the subscription and everything kept for it; true when there was one. */
  remove(record: string): boolean;
  /** Of these ad ids, the ones not yet sent under this subscription. */
  unsent(record: string, adIds: string[]): string[];
  markSent(record: string, adIds: string[], at?: Date): void;
  close(): void;
}

interface Row { record: string; subject: string; inbox: string; profile: string; created_at: string; updated_at: string }

export class SqliteSubscriptions implements SubscriptionStore {
  readonly #db: Database.Database;
  readonly #sql;

  /** `file` undefined: in memory. */
  constructor(file?: string) {
    this.#db = new Database(file ?? ':memory:');
    if (file) this.#db.pragma('journal_mode = WAL');
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS alert_subscriptions (
        record TEXT PRIMARY KEY, subject TEXT NOT NULL, inbox TEXT NOT NULL, profile TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS alert_sent (
        record TEXT NOT NULL, ad_id TEXT NOT NULL, sent_at TEXT NOT NULL, PRIMARY KEY (record, ad_id)
      );`);
    this.#sql = {
      put: this.#db.prepare(`INSERT INTO alert_subscriptions (record, subject, inbox, profile, created_at, updated_at)
        VALUES (@record, @subject, @inbox, @profile, @createdAt, @updatedAt)
        ON CONFLICT (record) DO UPDATE SET inbox = excluded.inbox, profile = excluded.profile, updated_at = excluded.updated_at`),
      get: this.#db.prepare<[string], Row>('SELECT * FROM alert_subscriptions WHERE record = ?'),
      all: this.#db.prepare<[], Row>('SELECT * FROM alert_subscriptions ORDER BY created_at, record'),
      remove: this.#db.prepare<[string]>('DELETE FROM alert_subscriptions WHERE record = ?'),
      removeSent: this.#db.prepare<[string]>('DELETE FROM alert_sent WHERE record = ?'),
      sent: this.#db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM alert_sent WHERE record = ? AND ad_id = ?'),
      markSent: this.#db.prepare<[string, string, string]>('INSERT OR IGNORE INTO alert_sent (record, ad_id, sent_at) VALUES (?, ?, ?)'),
    };
  }

  put(s: Subscription): void {
    this.#sql.put.run({ record: s.record, subject: s.subject, inbox: s.inbox, profile: JSON.stringify(s.profile), createdAt: s.createdAt, updatedAt: s.updatedAt });
  }

  get(record: string): Subscription | undefined { return subscription(this.#sql.get.get(record)); }
  all(): Subscription[] { return this.#sql.all.all().map((row) => subscription(row)!); }

  remove(record: string): boolean {
    return this.#db.transaction(() => {
      this.#sql.removeSent.run(record);
      return this.#sql.remove.run(record).changes > 0;
    })();
  }

  unsent(record: string, adIds: string[]): string[] {
    return adIds.filter((id) => this.#sql.sent.get(record, id) === undefined);
  }

  markSent(record: string, adIds: string[], at = new Date()): void {
    this.#db.transaction(() => { for (const id of adIds) this.#sql.markSent.run(record, id, at.toISOString()); })();
  }

  close(): void { this.#db.close(); }
}

function subscription(row: Row | undefined): Subscription | undefined {
  return row && { record: row.record, subject: row.subject, inbox: row.inbox, profile: JSON.parse(row.profile) as AlertProfile, createdAt: row.created_at, updatedAt: row.updated_at };
}
