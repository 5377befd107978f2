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
import { interactionPages, type PageDeps } from './interaction-pages.ts';
import { loadOrCreateKeys, publicJwks } from './keys.ts';
import { OidcStorage } from './oidc-adapter.ts';
import { ServerAgent } from './server-agent.ts';
import { OIDC_PREFIX } from './oidc-paths.ts';
import type { JWK } from 'jose';
import { isLoopbackUrl } from '../auth/loopback.ts';

export interface IdentityOptions {
  baseUrl: string;
  /** Where keys, accounts and OIDC state live; undefined keeps everything in memory. */
  dataDir?: string;
  store: ResourceStore;
  access: AccessControl;
  signup: 'open' | 'closed';
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
}

/** The identity provider, wired by hand: keys, stores, oidc-provider and the account routes. */
export async function createIdentity(options: IdentityOptions): Promise<Identity> {
  const dir = options.dataDir && join(options.dataDir, 'identity$');
  // Password hashes, client secrets and signing keys: readable by the server's user only.
  if (dir) await mkdir(dir, { recursive: true, mode: 0o700 });
  const keys = await loadOrCreateKeys(dir && join(dir, 'keys.json'));
  const accounts = await AccountStore.open(dir && join(dir, 'accounts.json'));
  const storage = await OidcStorage.open(dir && join(dir, 'oidc.json'), accounts, isLoopbackUrl(options.baseUrl));
  const issuer = options.baseUrl;
  const agent = new ServerAgent({ baseUrl: options.baseUrl, accounts });
  await agent.provision({ store: options.store, access: options.access });
  let building: Promise<Provider> | undefined;
  const provider = () => (building ??= import('./provider.ts').then(({ createProvider }) => createProvider({ issuer, keys, accounts, storage })));
  const service = new AccountService({ accounts, store: options.store, access: options.access, baseUrl: options.baseUrl, issuer, signup: options.signup });
  const deps = { provider, service, csrf: new Csrf({ key: keys.cookies[0], baseUrl: options.baseUrl }), sessions: new AccountSessions({ key: keys.cookies[0], baseUrl: options.baseUrl }) };

  const router = express.Router();
  let oidc: ReturnType<Provider['callback']> | undefined;
  router.use((req, res, next) => {
    const path = req.path;
    if (path !== '/.well-known/openid-configuration' && !path.startsWith(`${OIDC_PREFIX}/`)) return next();
    provider().then((p) => { oidc ??= p.callback(); oidc(req, res); }, next);
  });
  router.use(accountApi(service));
  router.use(interactionPages(deps));
  router.use(accountPages(deps));
  return { issuer, jwks: publicJwks(keys), accounts, provider, router, pages: deps, agent };
}
