// The limits on the open surfaces (inbox, sign-up, login), read from the environment; each is a
// whole number and 0 turns a count limit off. See README's settings table.
import { wholeNumber } from '../service-kit/config.ts';
import type { PodServerConfig } from './config.ts';

/**
 * What strangers may put in a citizen's inbox (access requests and plain notifications). The
 * owner (anyone with Write on the inbox) is not limited. 0 turns a limit off.
 */
export interface InboxLimitSettings {
  /** POSTs per sender WebID per pod per hour (INBOX_SENDER_PER_HOUR). */
  senderPerHour: number;
  /** POSTs per pod per hour, all senders together (INBOX_POD_PER_HOUR). */
  podPerHour: number;
  /** Largest notification or access request body, bytes (INBOX_MAX_NOTIFICATION_BYTES). */
  maxNotificationBytes: number;
  /** Bytes of notifications an inbox may hold (INBOX_MAX_BYTES). */
  maxBytes: number;
  /** Notifications an inbox may hold (INBOX_MAX_ITEMS). */
  maxItems: number;
  /** Access requests waiting for the citizen's decision, per pod (CONSENT_MAX_PENDING). */
  maxPending: number;
  /** … from one requester WebID (CONSENT_MAX_PENDING_PER_REQUESTER). */
  maxPendingPerRequester: number;
  /** … from requesters the citizen has never approved (CONSENT_MAX_PENDING_UNKNOWN). */
  maxPendingUnknown: number;
}

export const DEFAULT_INBOX_LIMITS: InboxLimitSettings = {
  senderPerHour: 20,
  podPerHour: 200,
  maxNotificationBytes: 64 * 1024,
  maxBytes: 5 * 1024 * 1024,
  maxItems: 1000,
  maxPending: 100,
  maxPendingPerRequester: 3,
  maxPendingUnknown: 20,
};

const INBOX_LIMIT_VARIABLES: Record<keyof InboxLimitSettings, string> = {
  senderPerHour: 'INBOX_SENDER_PER_HOUR',
  podPerHour: 'INBOX_POD_PER_HOUR',
  maxNotificationBytes: 'INBOX_MAX_NOTIFICATION_BYTES',
  maxBytes: 'INBOX_MAX_BYTES',
  maxItems: 'INBOX_MAX_ITEMS',
  maxPending: 'CONSENT_MAX_PENDING',
  maxPendingPerRequester: 'CONSENT_MAX_PENDING_PER_REQUESTER',
  maxPendingUnknown: 'CONSENT_MAX_PENDING_UNKNOWN',
};

export function inboxLimitsFromEnv(env: NodeJS.ProcessEnv): InboxLimitSettings {
  const limits = { ...DEFAULT_INBOX_LIMITS };
  for (const [key, name] of Object.entries(INBOX_LIMIT_VARIABLES) as [keyof InboxLimitSettings, string][]) {
    limits[key] = wholeNumber(env, name, limits[key]);
  }
  return limits;
}

/** Limits on the open identity surfaces (sign-up, login), each a whole number; 0 turns a count limit off. */
export function identityLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<PodServerConfig> {
  const count = (name: string, fallback: number) => wholeNumber(env, name, fallback);
  const concurrency = count('PASSWORD_HASH_CONCURRENCY', 1);
  if (concurrency < 1) throw new Error('PASSWORD_HASH_CONCURRENCY must be at least 1');
  const proxy = env.TRUST_PROXY?.trim();
  return {
    passwordHashConcurrency: concurrency,
    passwordHashQueue: count('PASSWORD_HASH_QUEUE', 16),
    loginFailuresPerAddress: count('LOGIN_FAILURES_PER_ADDRESS', 20),
    loginFailuresPerAccount: count('LOGIN_FAILURES_PER_ACCOUNT', 10),
    loginWindowSeconds: wholeNumber(env, 'LOGIN_WINDOW_SECONDS', 900) || 900,
    signupsPerAddress: count('SIGNUPS_PER_ADDRESS', 10),
    signupWindowSeconds: wholeNumber(env, 'SIGNUP_WINDOW_SECONDS', 3600) || 3600,
    ...(proxy ? { trustProxy: /^\d+$/.test(proxy) ? Number(proxy) : proxy } : {}),
  };
}

/** The identity provider's limits out of the configuration (absent values keep the provider's defaults). */
export function identityLimits(config: PodServerConfig) {
  return {
    passwordHashConcurrency: config.passwordHashConcurrency,
    passwordHashQueue: config.passwordHashQueue,
    failuresPerAddress: config.loginFailuresPerAddress,
    failuresPerAccount: config.loginFailuresPerAccount,
    windowSeconds: config.loginWindowSeconds,
    signupsPerAddress: config.signupsPerAddress,
    signupWindowSeconds: config.signupWindowSeconds,
  };
}
