import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { AccountStore } from './accounts.ts';
import { fetchClientIdDocument } from './client-documents.ts';
import type { IdentityDatabase } from './database.ts';
import { oidcRow, PERSISTENT_MODELS } from './oidc-rows.ts';

interface Entry { payload: AdapterPayload; expiresAt?: number }

/**
 * Storage for oidc-provider: long-lived models (clients, grants, sessions, refresh tokens) are
 * rows in the identity database, one row per write; short-lived ones stay in memory. Client
 * credentials created through the account API are served straight from the account store, so
 * revoking one takes effect at the next token request.
 */
export class OidcStorage {
  readonly #memory = new Map<string, Map<string, Entry>>();
  readonly #accounts: AccountStore;
  readonly #loopbackClientIds: boolean;
  readonly #sql;
  #nextSweep = 0;

  constructor(db: IdentityDatabase, accounts: AccountStore, loopbackClientIds: boolean) {
    this.#accounts = accounts;
    this.#loopbackClientIds = loopbackClientIds;
    type Row = { payload: string; expires_at: number | null };
    this.#sql = {
      upsert: db.prepare(`INSERT OR REPLACE INTO oidc (model, id, payload, expires_at, grant_id, uid, user_code) VALUES (@model, @id, @payload, @expiresAt, @grantId, @uid, @userCode)`),
      find: db.prepare<[string, string], Row>('SELECT payload, expires_at FROM oidc WHERE model = ? AND id = ?'),
      findByUid: db.prepare<[string, string], Row & { id: string }>('SELECT id, payload, expires_at FROM oidc WHERE model = ? AND uid = ?'),
      findByUserCode: db.prepare<[string, string], Row & { id: string }>('SELECT id, payload, expires_at FROM oidc WHERE model = ? AND user_code = ?'),
      destroy: db.prepare<[string, string]>('DELETE FROM oidc WHERE model = ? AND id = ?'),
      revokeByGrantId: db.prepare<[string, string]>('DELETE FROM oidc WHERE model = ? AND grant_id = ?'),
      sweep: db.prepare<[number]>('DELETE FROM oidc WHERE expires_at IS NOT NULL AND expires_at <= ?'),
      endSessions: db.prepare<[string]>("DELETE FROM oidc WHERE model = 'Session' AND json_extract(payload, '$.accountId') = ?"),
    };
  }

  /**
   * Ends the identity provider's own login sessions of an account (logging out of the account
   * pages ends them too): an app that asks to log in next time meets the login form again,
   * however long the provider's session cookie would still have lived.
   */
  endSessionsOf(accountId: string): number {
    return this.#sql.endSessions.run(accountId).changes;
  }

  /** The adapter class oidc-provider instantiates once per model name. */
  adapter(): new (name: string) => Adapter {
    const storage = this;
    return class implements Adapter {
      constructor(readonly name: string) {}
      async upsert(id: string, payload: AdapterPayload, expiresIn?: number) { storage.#upsert(this.name, id, payload, expiresIn); }
      find(id: string) { return storage.#find(this.name, id); }
      async findByUserCode(code: string) { return storage.#findBy(this.name, 'userCode', code); }
      async findByUid(uid: string) { return storage.#findBy(this.name, 'uid', uid); }
      async consume(id: string) {
        const entry = storage.#get(this.name, id);
        if (entry) storage.#upsert(this.name, id, { ...entry.payload, consumed: Math.floor(Date.now() / 1000) }, undefined, entry.expiresAt);
      }
      async destroy(id: string) {
        if (PERSISTENT_MODELS.has(this.name)) storage.#sql.destroy.run(this.name, id);
        else storage.#table(this.name).delete(id);
      }
      async revokeByGrantId(grantId: string) {
        if (PERSISTENT_MODELS.has(this.name)) return void storage.#sql.revokeByGrantId.run(this.name, grantId);
        const table = storage.#table(this.name);
        for (const [id, entry] of table) if (entry.payload.grantId === grantId) table.delete(id);
      }
    };
  }

  #table(name: string): Map<string, Entry> {
    let table = this.#memory.get(name);
    if (!table) this.#memory.set(name, (table = new Map()));
    return table;
  }

  #upsert(name: string, id: string, payload: AdapterPayload, expiresIn?: number, expiresAt?: number): void {
    const until = expiresIn ? Date.now() + expiresIn * 1000 : expiresAt;
    this.#sweep();
    if (PERSISTENT_MODELS.has(name)) this.#sql.upsert.run(oidcRow(name, id, payload, until));
    else this.#table(name).set(id, { payload, expiresAt: until });
  }

  #get(name: string, id: string): Entry | undefined {
    if (!PERSISTENT_MODELS.has(name)) return this.#table(name).get(id);
    const row = this.#sql.find.get(name, id);
    return row && { payload: JSON.parse(row.payload) as AdapterPayload, expiresAt: row.expires_at ?? undefined };
  }

  async #find(name: string, id: string): Promise<AdapterPayload | undefined> {
    if (name === 'Client') {
      const credential = this.#accounts.credential(id);
      if (credential) return credentialClient(credential.clientId, credential.clientSecret);
      if (id.startsWith('https://')) return fetchClientIdDocument(id);
      if (this.#loopbackClientIds && /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(id)) return fetchClientIdDocument(id);
    }
    return this.#live(name, id, this.#get(name, id));
  }

  #findBy(name: string, field: 'uid' | 'userCode', value: string): AdapterPayload | undefined {
    if (PERSISTENT_MODELS.has(name)) {
      const row = (field === 'uid' ? this.#sql.findByUid : this.#sql.findByUserCode).get(name, value);
      return row && this.#live(name, row.id, { payload: JSON.parse(row.payload) as AdapterPayload, expiresAt: row.expires_at ?? undefined });
    }
    for (const [id, entry] of this.#table(name)) if (entry.payload[field] === value) return this.#live(name, id, entry);
    return undefined;
  }

  #live(name: string, id: string, entry: Entry | undefined): AdapterPayload | undefined {
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      if (PERSISTENT_MODELS.has(name)) this.#sql.destroy.run(name, id);
      else this.#table(name).delete(id);
      return undefined;
    }
    return entry.payload;
  }

  /** Drops expired entries once a minute at most, so the tables stay bounded. */
  #sweep(): void {
    const now = Date.now();
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + 60_000;
    this.#sql.sweep.run(now);
    for (const table of this.#memory.values()) for (const [id, entry] of table) if (entry.expiresAt !== undefined && entry.expiresAt <= now) table.delete(id);
  }
}

function credentialClient(clientId: string, clientSecret: string): AdapterPayload {
  return {
    client_id: clientId,
    client_secret: clientSecret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: 'openid webid offline_access',
  };
}
