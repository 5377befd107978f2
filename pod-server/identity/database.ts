import Database from 'better-sqlite3';

export type IdentityDatabase = Database.Database;

/**
 * The identity provider's registry: accounts, client credentials, revoked client ids, account
 * sessions and oidc-provider's long-lived models, in one SQLite file under DATA_DIR (or in
 * memory). Each write is one row, appended to the write-ahead log, instead of the whole registry
 * rewritten per change; UNIQUE constraints make a check-then-insert race impossible.
 */
export function openIdentityDatabase(file: string | undefined, options: { durable?: boolean } = {}): IdentityDatabase {
  const db = new Database(file ?? ':memory:');
  if (file) {
    db.pragma('journal_mode = WAL');
    // FULL syncs the log at each commit (a sign-up survives power loss); NORMAL survives a crash of the process.
    db.pragma(`synchronous = ${options.durable === false ? 'NORMAL' : 'FULL'}`);
  }
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  -- NULL while an unfinished sign-up has given its email up to a newer one (see AccountStore.reserve)
  email TEXT UNIQUE,
  pod_name TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  web_id TEXT NOT NULL,
  pod_url TEXT NOT NULL,
  created_at TEXT NOT NULL,
  -- 'provisioning': the name is reserved and its pod is being (or failed to be) written
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('provisioning', 'active'))
);
CREATE TABLE IF NOT EXISTS credentials (
  client_id TEXT PRIMARY KEY,
  client_secret TEXT NOT NULL,
  name TEXT NOT NULL,
  account_id TEXT NOT NULL,
  web_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS credentials_by_account ON credentials (account_id);
CREATE TABLE IF NOT EXISTS revoked (client_id TEXT PRIMARY KEY);
-- WebIDs on other origins that an account proved it controls (see linked-webids.ts)
CREATE TABLE IF NOT EXISTS linked_webids (
  account_id TEXT NOT NULL,
  web_id TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (account_id, web_id)
);
CREATE TABLE IF NOT EXISTS webid_challenges (
  account_id TEXT NOT NULL,
  web_id TEXT NOT NULL,
  token TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, web_id)
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS oidc (
  model TEXT NOT NULL,
  id TEXT NOT NULL,
  payload TEXT NOT NULL,
  expires_at INTEGER,
  grant_id TEXT,
  uid TEXT,
  user_code TEXT,
  PRIMARY KEY (model, id)
);
CREATE INDEX IF NOT EXISTS oidc_by_grant ON oidc (model, grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_by_uid ON oidc (model, uid) WHERE uid IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_by_user_code ON oidc (model, user_code) WHERE user_code IS NOT NULL;
`;
