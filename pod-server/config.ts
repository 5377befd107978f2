import { resolve } from 'node:path';
import { wholeNumber } from '../service-kit/config.ts';
import { identityLimitsFromEnv, inboxLimitsFromEnv, type InboxLimitSettings } from './config-limits.ts';
import { DEFAULT_ALLOWANCE_MS } from './http/work-budget.ts';
import { verifiedOrganisationsFromFile, type VerifiedOrganisation } from './consent/verified-organisations.ts';

export type StorageKind = 'file' | 'memory';

export interface PodServerConfig {
  port: number;
  /** The public URL of the server, ending in '/'. Resource URLs are built from it. */
  baseUrl: string;
  storage: StorageKind;
  dataDir: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** fsync files before they replace the old ones (file storage). */
  durableWrites: boolean;
  /** Run the Solid-OIDC identity provider and verify DPoP-bound tokens (IDENTITY=off disables). Absent means off. */
  identity?: boolean;
  /** SIGNUP=closed refuses new accounts (for deployments that federate to a national e-ID). Default open. */
  signup?: 'open' | 'closed';
  /** TRUSTED_ISSUERS: further Solid-OIDC issuers whose tokens are accepted, besides this server's own. */
  trustedIssuers?: string[];
  /** After a citizen refuses a request, how long the requester must wait to ask again. */
  consentCooldownSeconds?: number;
  /** VERIFIED_ORGANISATIONS (a JSON file): requesters the operator has verified, shown with a badge on the consent pages. */
  verifiedOrganisations?: VerifiedOrganisation[];
  /** WORK_BUDGET_MS: synchronous work one request may cause (parsing, matching, converting) before it is refused. */
  workBudgetMs?: number;
  /** STALL_LOG_MS: log the requests in flight when the event loop is held longer than this (0: off). */
  stallLogMs?: number;
  /** CONVERSION_CACHE_BYTES: memory for documents converted to JSON-LD / N-Triples on GET. */
  conversionCacheBytes?: number;
  /** Rates and quotas on inbox POSTs from agents other than the owner (see InboxLimitSettings). */
  inboxLimits?: Partial<InboxLimitSettings>;
  /** PASSWORD_HASH_CONCURRENCY: password hashes (scrypt) computed at once. Default 1. */
  passwordHashConcurrency?: number;
  /** PASSWORD_HASH_QUEUE: password checks that may wait for one; more get 503 at once. Default 16. */
  passwordHashQueue?: number;
  /** LOGIN_FAILURES_PER_ADDRESS: failed logins per client address per login window. Absent or 0: none (configFromEnv: 20). */
  loginFailuresPerAddress?: number;
  /** LOGIN_FAILURES_PER_ACCOUNT: failed logins per account per window from devices not known to it. Default 10. */
  loginFailuresPerAccount?: number;
  /** LOGIN_WINDOW_SECONDS: the window of both login limits. Default 900. */
  loginWindowSeconds?: number;
  /** SIGNUPS_PER_ADDRESS: sign-ups per client address per sign-up window. Absent or 0: none (configFromEnv: 10). */
  signupsPerAddress?: number;
  /** SIGNUP_WINDOW_SECONDS: the sign-up window. Default 3600. */
  signupWindowSeconds?: number;
  /** TRUST_PROXY: express's 'trust proxy' (e.g. `loopback`, a hop count, addresses), so per-address limits see the client behind a reverse proxy. */
  trustProxy?: string | number;
}

const DEFAULT_MAX_BODY = 25 * 1024 * 1024;
export const DEFAULT_WORK_BUDGET_MS = DEFAULT_ALLOWANCE_MS;
export const DEFAULT_STALL_LOG_MS = 200;
export const DEFAULT_CONVERSION_CACHE_BYTES = 32 * 1024 * 1024;

/** Reads the configuration from the environment, refusing values that make no sense. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PodServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const storage = (env.STORAGE ?? 'file') as StorageKind;
  if (storage !== 'file' && storage !== 'memory') throw new Error(`STORAGE must be 'file' or 'memory', got ${env.STORAGE}`);
  const maxBodyBytes = Number(env.MAX_BODY_BYTES ?? DEFAULT_MAX_BODY);
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) throw new Error(`MAX_BODY_BYTES must be a positive integer, got ${env.MAX_BODY_BYTES}`);
  return {
    port,
    baseUrl: normalizeBaseUrl(env.BASE_URL ?? `http://localhost:${port}/`),
    storage,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    maxBodyBytes,
    durableWrites: env.DURABLE_WRITES !== 'false',
    ...identityFromEnv(env),
    consentCooldownSeconds: wholeNumber(env, 'CONSENT_COOLDOWN_SECONDS', 24 * 3600),
    verifiedOrganisations: verifiedOrganisationsFromFile(env.VERIFIED_ORGANISATIONS),
    workBudgetMs: wholeNumber(env, 'WORK_BUDGET_MS', DEFAULT_WORK_BUDGET_MS),
    stallLogMs: wholeNumber(env, 'STALL_LOG_MS', DEFAULT_STALL_LOG_MS),
    conversionCacheBytes: wholeNumber(env, 'CONVERSION_CACHE_BYTES', DEFAULT_CONVERSION_CACHE_BYTES),
    inboxLimits: inboxLimitsFromEnv(env),
    ...identityLimitsFromEnv(env),
  };
}

function identityFromEnv(env: NodeJS.ProcessEnv): Pick<PodServerConfig, 'identity' | 'signup' | 'trustedIssuers'> {
  const identity = env.IDENTITY ?? 'on';
  if (identity !== 'on' && identity !== 'off') throw new Error(`IDENTITY must be 'on' or 'off', got ${env.IDENTITY}`);
  const signup = env.SIGNUP ?? 'open';
  if (signup !== 'open' && signup !== 'closed') throw new Error(`SIGNUP must be 'open' or 'closed', got ${env.SIGNUP}`);
  const trustedIssuers = (env.TRUSTED_ISSUERS ?? '').split(/[\s,]+/).filter(Boolean).map((issuer) => {
    try {
      return new URL(issuer).href;
    } catch {
      throw new Error(`TRUSTED_ISSUERS must list absolute URLs, got ${issuer}`);
    }
  });
  return { identity: identity === 'on', signup, trustedIssuers };
}

export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`BASE_URL must be an absolute URL, got ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`BASE_URL must be http or https, got ${value}`);
  if (url.search || url.hash) throw new Error('BASE_URL must not have a query or fragment');
  return url.href.endsWith('/') ? url.href : url.href + '/';
}
