import express, { type Express } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AccessControl } from './auth/access-control.ts';
import { anonymousOnly, type CredentialsExtractor } from '../service-kit/solid-oidc/credentials.ts';
import { solidOidcVerifier } from './auth/solid-oidc-wiring.ts';
import { initializeRoot } from './bootstrap.ts';
import { identityLimits } from './config-limits.ts';
import { DEFAULT_CONVERSION_CACHE_BYTES, DEFAULT_STALL_LOG_MS, DEFAULT_WORK_BUDGET_MS, type PodServerConfig } from './config.ts';
import { ConsentGate } from './consent/gate.ts';
import { consentWellKnown } from './consent/well-known.ts';
import { errorHandler } from '../service-kit/http/error-handler.ts';
import { lazyRouter } from './http/lazy-router.ts';
import { stallWatchdog, type StallWatchdog } from './http/stall-watchdog.ts';
import { createIdentity, type Identity } from './identity/index.ts';
import type { LdpContext } from './ldp/context.ts';
import { readLargeJsonLd, registerJsonLdContext } from './rdf/parse.ts';
import { readLargeJsonLdWith } from '../vocab/jsonld-offload.ts';
import { CONTEXT_IRI } from '../vocab/terms.ts';
import { ldpHandler } from './ldp/handler.ts';
import { landingPage } from './landing.ts';
import { ByteLru } from '../service-kit/byte-lru.ts';
import { FileStore } from './storage/file.ts';
import { KeyedLock } from './storage/keyed-lock.ts';
import { MemoryStore } from './storage/memory.ts';
import type { ResourceStore } from './storage/store.ts';

export interface PodServer {
  app: Express;
  /** The identity provider, when config.identity is on. */
  identity?: Identity;
  store: ResourceStore;
  config: PodServerConfig;
  /** Starts listening; resolves with the port actually bound (PORT=0 picks a free one). */
  listen(): Promise<number>;
  close(): Promise<void>;
}

export interface PodServerParts {
  credentials?: CredentialsExtractor;
  store?: ResourceStore;
}

/** The composition root: every part of the pod server is wired here, by hand. */
export async function createPodServer(config: PodServerConfig, parts: PodServerParts = {}): Promise<PodServer> {
  const store = parts.store ?? (config.storage === 'memory' ? new MemoryStore() : new FileStore({ dataDir: config.dataDir, durable: config.durableWrites }));
  await initializeRoot(store, config.baseUrl);
  const context: LdpContext = {
    baseUrl: config.baseUrl,
    store,
    access: new AccessControl({ store, baseUrl: config.baseUrl }),
    patchQueue: new KeyedLock(),
    maxBodyBytes: config.maxBodyBytes,
    workBudgetMs: config.workBudgetMs ?? DEFAULT_WORK_BUDGET_MS,
    conversions: new ByteLru<Buffer>(config.conversionCacheBytes ?? DEFAULT_CONVERSION_CACHE_BYTES),
  };
  // Large JSON-LD read by the consent library (inbox access requests) goes to the same worker pool.
  readLargeJsonLdWith(readLargeJsonLd);

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  // Per-address limits count req.ip: behind a reverse proxy, TRUST_PROXY says whose X-Forwarded-For to believe.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  const stallLogMs = config.stallLogMs ?? DEFAULT_STALL_LOG_MS;
  let watchdog: StallWatchdog | undefined;
  if (stallLogMs > 0) {
    const dog = (watchdog = stallWatchdog(stallLogMs));
    app.use((req, res, next) => dog.track(req, res, next));
  }
  let credentials = parts.credentials ?? anonymousOnly;
  let identity: Identity | undefined;
  if (config.identity) {
    // Discovery, the OIDC endpoints and /.account/* must be routed before the LDP handler.
    identity = await createIdentity({
      baseUrl: config.baseUrl, dataDir: config.storage === 'file' ? config.dataDir : undefined, store, access: context.access,
      signup: config.signup ?? 'open', durable: config.durableWrites, limits: identityLimits(config),
    });
    context.consent = mountConsent(app, config, context, identity);
    app.use(identity.router);
    credentials = parts.credentials ?? solidOidcVerifier(config, identity);
  }
  mountVocabulary(app, config.baseUrl);
  app.use(landingPage({ identity: identity !== undefined }));
  app.use(ldpHandler(context, credentials));
  app.use(errorHandler());

  let server: Server | undefined;
  return {
    app,
    identity,
    store,
    config,
    listen: () => new Promise((resolve, reject) => {
      // Express 5 calls back with the error when listening fails (e.g. EADDRINUSE).
      server = app.listen(config.port, (error?: Error) => (error ? reject(error) : resolve((server!.address() as AddressInfo).port)));
      server.keepAliveTimeout = 65_000;
    }),
    close: () => new Promise((resolve) => {
      watchdog?.stop();
      if (!server) return resolve();
      server.close(() => {
        identity?.close();
        resolve();
      });
      server.closeAllConnections();
    }),
  };
}

/**
 * The vocabulary, shapes and taxonomy pages for developers, and our JSON-LD context for
 * request bodies; both load on first use, since most requests never need them.
 */
function mountVocabulary(app: Express, baseUrl: string): void {
  const vocabulary = () => import('../vocab/index.ts');
  const router = lazyRouter(async () => (await vocabulary()).createVocabRouter({ baseUrl }));
  app.use((req, res, next) => (VOCABULARY_PATHS.test(req.path) ? router(req, res, next) : next()));
  const context = async () => (await vocabulary()).CONTEXT_DOCUMENT;
  registerJsonLdContext(`${baseUrl}vocab/context.jsonld`, context);
  registerJsonLdContext(CONTEXT_IRI, context);
}

const VOCABULARY_PATHS = /^\/(vocab|taxonomy)(\/|$)/;

/**
 * Consent needs identities to grant things to: the receipt keys and status endpoint, and the
 * citizen's consent pages (loaded on first use) beside the account pages.
 */
function mountConsent(app: Express, config: PodServerConfig, context: LdpContext, identity: Identity): ConsentGate {
  const gate = new ConsentGate({
    store: context.store,
    access: context.access,
    baseUrl: config.baseUrl,
    keyFile: config.storage === 'file' ? join(config.dataDir, 'consent$', 'receipt-key.json') : undefined,
    cooldownMs: (config.consentCooldownSeconds ?? 24 * 3600) * 1000,
    inboxLimits: config.inboxLimits,
    agentFetch: identity.agent.fetch,
    // Names are recorded when a request arrives, never re-read when a page shows it.
    recordNames: async (request, profileName) => (await import('./consent/requester-names.ts')).recordNames(request, profileName, {
      registeredClientName: (clientId, webId) => { const c = identity.accounts.credential(clientId); return c?.webId === webId ? c.name : undefined; },
    }),
  });
  app.use(consentWellKnown(gate));
  const pages = lazyRouter(async () => (await import('./consent/pages.ts')).consentPages({
    pages: identity.pages, gate, store: context.store, baseUrl: config.baseUrl,
    cooldownMs: (config.consentCooldownSeconds ?? 24 * 3600) * 1000, verifiedOrganisations: config.verifiedOrganisations,
  }));
  app.use((req, res, next) => (req.path.startsWith('/.account/consent') ? pages(req, res, next) : next()));
  return gate;
}
