import { readFile, rename } from 'node:fs/promises';
import type { IdentityDatabase } from './database.ts';
import { PERSISTENT_MODELS, oidcRow } from './oidc-rows.ts';

/**
 * Earlier versions kept identity state in lowdb JSON files (`accounts.json`, `oidc.json`). On
 * start each one found is copied into the database in one transaction, then renamed to
 * `*.migrated` (kept as a backup, never read again). A crash between the two steps is safe:
 * rows already there are left alone (INSERT OR IGNORE) and the rename happens next time.
 */
export async function migrateJsonFiles(db: IdentityDatabase, files: { accounts: string; oidc: string }): Promise<void> {
  const accounts = await readJson(files.accounts);
  if (accounts) {
    importAccounts(db, accounts as LegacyAccounts);
    await rename(files.accounts, `${files.accounts}.migrated`);
  }
  const oidc = await readJson(files.oidc);
  if (oidc) {
    importOidc(db, oidc as LegacyOidc);
    await rename(files.oidc, `${files.oidc}.migrated`);
  }
}

interface LegacyAccounts {
  accounts?: { id: string; email: string; passwordHash: string; podName: string; webId: string; podUrl: string; createdAt: string }[];
  credentials?: { clientId: string; clientSecret: string; name: string; accountId: string; webId: string; createdAt: string }[];
  revoked?: string[];
}
type LegacyOidc = Record<string, Record<string, { payload: Record<string, unknown>; expiresAt?: number }>>;

function importAccounts(db: IdentityDatabase, data: LegacyAccounts): void {
  const account = db.prepare(`INSERT OR IGNORE INTO accounts (id, email, pod_name, password_hash, web_id, pod_url, created_at, state)
    VALUES (@id, @email, @podName, @passwordHash, @webId, @podUrl, @createdAt, 'active')`);
  const credential = db.prepare(`INSERT OR IGNORE INTO credentials (client_id, client_secret, name, account_id, web_id, created_at)
    VALUES (@clientId, @clientSecret, @name, @accountId, @webId, @createdAt)`);
  const revoked = db.prepare<[string]>('INSERT OR IGNORE INTO revoked (client_id) VALUES (?)');
  db.transaction(() => {
    for (const a of data.accounts ?? []) account.run({ ...a, email: a.email.trim().toLowerCase() });
    for (const c of data.credentials ?? []) credential.run(c);
    for (const id of data.revoked ?? []) revoked.run(id);
  })();
}

function importOidc(db: IdentityDatabase, data: LegacyOidc): void {
  const insert = db.prepare(`INSERT OR IGNORE INTO oidc (model, id, payload, expires_at, grant_id, uid, user_code)
    VALUES (@model, @id, @payload, @expiresAt, @grantId, @uid, @userCode)`);
  const now = Date.now();
  db.transaction(() => {
    for (const [model, table] of Object.entries(data)) {
      if (!PERSISTENT_MODELS.has(model)) continue;
      for (const [id, entry] of Object.entries(table ?? {})) {
        if (entry.expiresAt !== undefined && entry.expiresAt <= now) continue;
        insert.run(oidcRow(model, id, entry.payload, entry.expiresAt));
      }
    }
  })();
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON, so it cannot be migrated into the identity database: ${(error as Error).message}`);
  }
}
