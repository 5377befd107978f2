import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type Router } from 'express';
import type Provider from 'oidc-provider';
import type { AccessControl } from '../auth/access-control.ts';
import type { ResourceStore } from '../storage/store.ts';
import { accountApi } from './account-api.ts';
import { accountPages } from './account-pages.ts';
import { AccountService } from './account-service.ts';
import { AccountSessions } from './account-session.ts';
import { AccountStore } from './accounts.ts';
import { Csrf } from './csrf.ts';
import { openIdentityDatabase } from './database.ts';
import { DeviceCookies } from './device-cookie.ts';
import { LinkedWebIds } from './linked-webids.ts';
import { LoginGuard, type LoginLimits } from './login-guard.ts';
import { migrateJsonFiles } from './migrate-json.ts';
import { Passwords } from './password.ts';
import { interactionPages, type PageDeps } from './interaction-pages.ts';
import { loadOrCreateKeys, publicJwks } from './keys.ts';
import { OidcStorage } from './oidc-adapter.ts';
import { ServerAgent } from './server-agent.ts';
import { OIDC_PREFIX } from './oidc-paths.ts';
import type { JWK } from 'jose';
import { isLoopbackUrl } from '../../service-kit/solid-oidc/loopback.ts';
import { PersistentReplayCache, type ReplayCache } from '../../service-kit/solid-oidc/replay-cache.ts';

export interface IdentityOptions {
  baseUrl: string;
  /** Where keys and the identity database live; undefined keeps everything in memory. */
  dataDir?: string;
  store: ResourceStore;
  access: AccessControl;
  signup: 'open' | 'closed';
  /** fsync the identity database at each commit (file storage). Default true. */
  durable?: boolean;
  /** Limits on the open surfaces (see config.ts); absent per-address limits mean none. */
  limits?: IdentityLimits;
}

export interface IdentityLimits extends LoginLimits {
  passwordHashConcurrency?: number;
  passwordHashQueue?: number;
  signupsPerAddress?: number;
  signupWindowSeconds?: number;
}

export interface Identity {
  /** The Solid-OIDC issuer: this server's base URL. */
  issuer: string;
  /** The public signing keys, so this server verifies its own tokens without an HTTP round trip. */
  jwks: { keys: JWK[] };
  accounts: AccountStore;
  /** oidc-provider is large and only the OIDC endpoints need it, so it is built on first use. */
  provider: () => Promise<Provider>;
  /** Discovery, the OIDC endpoints and /.account/*; mount before the LDP handler. */
  router: Router;
  /** What other pages for logged-in people need: the account session, CSRF tokens, accounts. */
  pages: PageDeps;
  /** The server itself as an authenticated agent (for notifications to other servers). */
  agent: ServerAgent;
  /** DPoP proof ids seen, kept across restarts (file storage) for the token verifier. */
  replay: ReplayCache;
  /** Closes the identity database. */
  close(): void;
}

/** The identity provider, wired by hand: keys, stores, oidc-provider and the account routes. */
export async function createIdentity(options: IdentityOptions): Promise<Identity> {
  const dir = options.dataDir && join(options.dataDir, 'identity$');
  // Password hashes, client secrets and signing keys: readable by the server's user only.
  if (dir) await mkdir(dir, { recursive: true, mode: 0o700 });
  const keys = await loadOrCreateKeys(dir && join(dir, 'keys.json'));
  const db = openIdentityDatabase(dir && join(dir, 'identity.sqlite'), { durable: options.durable });
  if (dir) await migrateJsonFiles(db, { accounts: join(dir, 'accounts.json'), oidc: join(dir, 'oidc.json') });
  // Proof ids are written once per authenticated request: their own file, synced lazily (a crash of
  // the process loses none; power loss may lose the last ones, and a reboot outlasts their 65 s).
  const replayDb = openIdentityDatabase(dir && join(dir, 'dpop-replay.sqlite'), { durable: false });
  const replay = new PersistentReplayCache(replayDb);
  const limits = options.limits ?? {};
  const accounts = new AccountStore(db, new Passwords({ concurrency: limits.passwordHashConcurrency, queue: limits.passwordHashQueue }));
  const storage = new OidcStorage(db, accounts, isLoopbackUrl(options.baseUrl));
  const issuer = options.baseUrl;
  const agent = new ServerAgent({ baseUrl: options.baseUrl, accounts });
  await agent.provision({ store: options.store, access: options.access });
  let building: Promise<Provider> | undefined;
  const provider = () => (building ??= import('./provider.ts').then(({ createProvider }) => createProvider({ issuer, keys, accounts, storage })));
  const service = new AccountService({
    accounts, webIds: new LinkedWebIds(db), store: options.store, access: options.access, baseUrl: options.baseUrl, issuer, signup: options.signup,
    signupsPerAddress: limits.signupsPerAddress, signupWindowSeconds: limits.signupWindowSeconds,
  });
  const cookieKey = keys.cookies[0];
  const login = new LoginGuard({ accounts, devices: new DeviceCookies({ key: cookieKey, baseUrl: options.baseUrl }), limits });
  const deps: PageDeps = {
    provider, service, login,
    csrf: new Csrf({ key: cookieKey, baseUrl: options.baseUrl }),
    sessions: new AccountSessions({ key: cookieKey, baseUrl: options.baseUrl, db }),
    endProviderSessions: (accountId) => storage.endSessionsOf(accountId),
  };

  const router = express.Router();
  let oidc: ReturnType<Provider['callback']> | undefined;
  router.use((req, res, next) => {
    const path = req.path;
    if (path !== '/.well-known/openid-configuration' && !path.startsWith(`${OIDC_PREFIX}/`)) return next();
    provider().then((p) => { oidc ??= p.callback(); oidc(req, res); }, next);
  });
  router.use(accountApi(service, login));
  router.use(interactionPages(deps));
  router.use(accountPages(deps));
  const close = () => {
    db.close();
    replay.flush();
    replayDb.close();
  };
  return { issuer, jwks: publicJwks(keys), accounts, provider, router, pages: deps, agent, replay, close };
}
