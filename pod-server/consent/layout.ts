/**
 * Where consent lives in a pod, and which pod a path belongs to. A pod is a top-level
 * container '/{name}/'; its owner's WebID is '{pod}profile/card#me' (as provisioned).
 */
export const CONSENT_DIR = 'consent/';
export const REQUESTS_DIR = 'consent/requests/';
export const RECORDS_DIR = 'consent/records/';
export const ACCESS_LOG = 'consent/access-log';
export const INBOX_DIR = 'inbox/';
/** '/anna/competence/skills' -> '/anna/'; '/' -> undefined. */
export function podOf(path: string): string | undefined {
  const match = /^\/[^/]+\//.exec(path);
  return match ? match[0] : undefined;
}

export const isConsentDataPath = (path: string): boolean => {
  const pod = podOf(path);
  return pod !== undefined && path.startsWith(pod + CONSENT_DIR);
};

export const isInboxPath = (path: string): boolean => {
  const pod = podOf(path);
  return pod !== undefined && path === pod + INBOX_DIR;
};

/** The owner's JSON API: '/{pod}/.consent/{decisions,withdrawals,requests,grants,records,log}' -> the action. */
export function apiAction(path: string): string | undefined {
  const match = /^\/[^/]+\/\.consent\/([a-z]+)$/.exec(path);
  return match ? match[1] : undefined;
}

export const ownerWebId = (podUrl: string): string => `${podUrl}profile/card#me`;
