// createAgent: a connector's identity, inbox, session and consents in one object.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type Router } from 'express';
import type { Section } from '../../consent/index.ts';
import { errorHandler } from '../../service-kit/http/error-handler.ts';
import { SolidOidcVerifier } from '../../service-kit/solid-oidc/solid-oidc.ts';
import { ConsentBook, type HeldConsent } from './consent-book.ts';
import { AgentConsents, type AccessAsk, type Ended } from './consents.ts';
import { inboxRouter } from './inbox.ts';
import { profileRouter, type ProfileInput } from './profile.ts';
import { provisionCredentials, type StoredCredentials } from './provision.ts';
import { AgentSession } from './session.ts';

export interface AgentOptions {
  /** The connector's public origin, e.g. http://localhost:3001 (its WebID is {origin}/profile/card#me). */
  origin: string;
  /** The name citizens are shown (foaf:name, schema:name). */
  name: string;
  /** The issuer the agent's account lives on (by default our pod server). */
  issuer: string;
  /** Issuers whose senders may post to the inbox, and pod servers whose receipts count. Default: [issuer]. */
  trustedIssuers?: string[];
  /** Credentials, consent book; undefined keeps the book in memory (credentials then need `credentials`). */
  dataDir?: string;
  /** The account to create or use on first start (see provision.ts). */
  account?: { podName: string; email: string; password?: string };
  /** Credentials made elsewhere: skips provisioning. */
  credentials?: StoredCredentials;
  inbox?: { maxBytes?: number; perSenderPerHour?: number };
  statusMaxAgeMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface Agent {
  webId: string;
  inbox: string;
  /** Mount at the root of the connector's app: the profile and the inbox. */
  router: Router;
  /** Provisions (first start) and logs in; call once the app listens, since the issuer reads the profile. */
  start(): Promise<void>;
  /** fetch as the agent (DPoP-bound tokens, renewed before they expire). */
  fetch: typeof fetch;
  /** Sends an access request; throws ProfileError (bad WebID, no inbox) or ConsentHttpError (the pod refused). */
  requestAccess(ask: AccessAsk): Promise<string>;
  /** The inbox a WebID's public profile names (bounded, unauthenticated). */
  findInbox(webId: string): Promise<string>;
  readSection(record: string, section: Section): Promise<{ url: string; contentType: string; body: string }>;
  statusOf(record: string, options?: { fresh?: boolean }): Promise<HeldConsent['status']>;
  consent(record: string): HeldConsent | undefined;
  activeConsents(): HeldConsent[];
  onConsent(handler: (consent: HeldConsent) => Promise<void> | void): void;
  onEnded(handler: (ended: Ended) => Promise<void> | void): void;
  close(): Promise<void>;
}

export function createAgent(options: AgentOptions): Agent {
  const origin = new URL(options.origin).origin;
  const document = `${origin}/profile/card`;
  const webId = `${document}#me`;
  const inbox = `${origin}/inbox/`;
  const issuers = [...new Set([options.issuer, ...(options.trustedIssuers ?? [])])];
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  let registrationToken: string | undefined;
  const profile = (): ProfileInput => ({ webId, document, name: options.name, issuers: [options.issuer], inbox, registrationToken });

  const book = new ConsentBook(options.dataDir && join(options.dataDir, 'consents.sqlite'));
  let session: AgentSession | undefined;
  const agentFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    if (!session) throw new Error('the agent has not started');
    return session.fetch(input, init);
  }) as typeof fetch;
  const consents = new AgentConsents({
    fetch: agentFetch, webId, inbox, origin, book, trustedPodServers: issuers, statusMaxAgeMs: options.statusMaxAgeMs, log,
    // Read when a request is built: the session exists only after start().
    get clientId() { return session?.clientId; },
  });

  const router = express.Router();
  router.use(profileRouter('/profile/card', profile));
  router.use(inboxRouter({
    url: inbox,
    verifier: new SolidOidcVerifier({ baseUrl: `${origin}/`, trustedIssuers: issuers }),
    maxBytes: options.inbox?.maxBytes ?? 64 * 1024,
    perSenderPerHour: options.inbox?.perSenderPerHour ?? 600,
    receive: (item) => consents.receive(item),
    log,
  }));
  router.use(errorHandler((message) => log(message)));

  return {
    webId, inbox, router, fetch: agentFetch,
    async start() {
      let credentials = options.credentials;
      if (!credentials) {
        if (!options.dataDir || !options.account) throw new Error('createAgent needs dataDir and account to provision credentials (or credentials)');
        await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
        credentials = await provisionCredentials({
          issuerBase: options.issuer, webId, dataDir: options.dataDir, account: options.account, clientName: options.name,
          profile: (token) => { registrationToken = token; },
        });
      }
      session = new AgentSession(credentials);
      await session.login();
    },
    requestAccess: (ask) => consents.requestAccess(ask),
    findInbox: (webId) => consents.findInbox(webId),
    readSection: (record, section) => consents.readSection(record, section),
    statusOf: (record, o) => consents.statusOf(record, o),
    consent: (record) => consents.get(record),
    activeConsents: () => consents.active(),
    onConsent: (handler) => consents.onConsent(handler),
    onEnded: (handler) => consents.onEnded(handler),
    async close() {
      await session?.close();
      book.close();
    },
  };
}
