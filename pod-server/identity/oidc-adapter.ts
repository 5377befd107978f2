import { Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { AccountStore } from './accounts.ts';
import { fetchClientIdDocument } from './client-documents.ts';

interface Entry { payload: AdapterPayload; expiresAt?: number }
type Tables = Record<string, Record<string, Entry>>;

/** Models that must survive a restart; the rest (codes, interactions, replay ids) are short-lived. */
const PERSISTENT = new Set(['Client', 'Grant', 'Session', 'RefreshToken', 'RegistrationAccessToken']);

/**
 * Storage for oidc-provider. Client credentials created through the account API are served
 * straight from the account store, so revoking one takes effect at the next token request.
 */
export class OidcStorage {
  readonly #db: Low<Tables>;
  readonly #memory: Tables = {};
  readonly #accounts: AccountStore;
  readonly #loopbackClientIds: boolean;

  private constructor(db: Low<Tables>, accounts: AccountStore, loopbackClientIds: boolean) {
    this.#db = db;
    this.#accounts = accounts;
    this.#loopbackClientIds = loopbackClientIds;
  }

  static async open(file: string | undefined, accounts: AccountStore, loopbackClientIds: boolean): Promise<OidcStorage> {
    const db = new Low<Tables>(file ? new JSONFile<Tables>(file) : new Memory<Tables>(), {});
    await db.read();
    db.data ??= {};
    return new OidcStorage(db, accounts, loopbackClientIds);
  }

  /** The adapter class oidc-provider instantiates once per model name. */
  adapter(): new (name: string) => Adapter {
    const storage = this;
    return class implements Adapter {
      constructor(readonly name: string) {}
      upsert(id: string, payload: AdapterPayload, expiresIn?: number) { return storage.#upsert(this.name, id, payload, expiresIn); }
      find(id: string) { return storage.#find(this.name, id); }
      findByUserCode(code: string) { return storage.#findBy(this.name, (p) => p.userCode === code); }
      findByUid(uid: string) { return storage.#findBy(this.name, (p) => p.uid === uid); }
      async consume(id: string) {
        const entry = storage.#table(this.name)[id];
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
        await storage.#persist(this.name);
      }
      async destroy(id: string) {
        delete storage.#table(this.name)[id];
        await storage.#persist(this.name);
      }
      async revokeByGrantId(grantId: string) {
        const table = storage.#table(this.name);
        for (const [id, entry] of Object.entries(table)) if (entry.payload.grantId === grantId) delete table[id];
        await storage.#persist(this.name);
      }
    };
  }

  #table(name: string): Record<string, Entry> {
    const tables = PERSISTENT.has(name) ? this.#db.data : this.#memory;
    return (tables[name] ??= {});
  }

  async #persist(name: string): Promise<void> {
    if (PERSISTENT.has(name)) await this.#db.write();
  }

  async #upsert(name: string, id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    this.#table(name)[id] = { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined };
    this.#sweep(name);
    await this.#persist(name);
  }

  async #find(name: string, id: string): Promise<AdapterPayload | undefined> {
    if (name === 'Client') {
      const credential = this.#accounts.credential(id);
      if (credential) return credentialClient(credential.clientId, credential.clientSecret);
      if (id.startsWith('https://')) return fetchClientIdDocument(id);
      if (this.#loopbackClientIds && /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(id)) return fetchClientIdDocument(id);
    }
    const entry = this.#table(name)[id];
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      delete this.#table(name)[id];
      return undefined;
    }
    return entry.payload;
  }

  async #findBy(name: string, test: (payload: AdapterPayload) => boolean): Promise<AdapterPayload | undefined> {
    const found = Object.keys(this.#table(name)).find((id) => test(this.#table(name)[id].payload));
    return found ? this.#find(name, found) : undefined;
  }

  /** Drops expired entries now and then, so the tables stay bounded. */
  #sweep(name: string): void {
    if (Math.random() > 0.02) return;
    const table = this.#table(name);
    const now = Date.now();
    for (const [id, entry] of Object.entries(table)) if (entry.expiresAt !== undefined && entry.expiresAt <= now) delete table[id];
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
