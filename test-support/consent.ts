import { Session } from '@inrupt/solid-client-authn-node';
import { buildRequest, noticeHash, type AccessRequest, type Section } from '../consent/index.ts';
import { createCredentials, createPod, type ClientCredentials, type PodAccount } from './identity.ts';

/** One agent of a consent scenario: an account with a pod, and a logged-in session. */
export interface Agent { account: PodAccount; credentials: ClientCredentials; session: Session; inbox: string }

export async function agent(baseUrl: string, name: string, clientName = 'app'): Promise<Agent> {
  const account = await createPod(baseUrl, name);
  return { account, ...(await login(baseUrl, account, clientName)) };
}

/** A second client (another app) for the same account. */
export async function login(baseUrl: string, account: PodAccount, clientName: string): Promise<Omit<Agent, 'account'>> {
  const credentials = await createCredentials(baseUrl, account, clientName);
  const session = new Session();
  await session.login({ clientId: credentials.clientId, clientSecret: credentials.clientSecret, oidcIssuer: credentials.issuer, tokenType: 'DPoP' });
  return { credentials, session, inbox: `${account.podUrl}inbox/` };
}

export const NOTICE_EN = 'We read your skills and experience to assess your application for Welder, Gothenburg.';
export const NOTICE_SV = 'Vi läser dina kompetenser och erfarenheter för att bedöma din ansökan till Svetsare, Göteborg.';

/** An employer's request for sections of a citizen's profile, bound to the client it logged in with. */
export function employerRequest(employer: Agent, citizen: Agent, sections: Section[], overrides: Partial<Parameters<typeof buildRequest>[0]> = {}): AccessRequest {
  return buildRequest({
    requester: employer.account.webId,
    clientId: employer.credentials.clientId,
    dataSubject: citizen.account.webId,
    sections,
    purpose: 'https://w3id.org/dpv#HumanResourceManagement',
    legalBasis: 'https://w3id.org/dpv#Consent',
    notice: { en: NOTICE_EN, sv: NOTICE_SV, url: `${employer.account.podUrl}privacy/welder-2026`, sha256: noticeHash(NOTICE_EN) },
    duration: 'P30D',
    retention: 'P90D',
    replyTo: employer.inbox,
    ...overrides,
  });
}

/** The citizen's competence profile, one document per section (so consent can be partial). */
export async function writeProfile(citizen: Agent): Promise<void> {
  const sections: Record<string, string> = {
    skills: '<#java> a <https://w3id.org/jobtech-mydata/vocab#SkillClaim>; <http://schema.org/name> "Welding (MIG/MAG)".',
    experience: '<#job1> a <https://w3id.org/jobtech-mydata/vocab#WorkExperience>; <http://schema.org/name> "Welder at Volvo".',
    contact: '<#me> <http://schema.org/telephone> "+46 70 123 45 67".',
  };
  for (const [section, turtle] of Object.entries(sections)) {
    const response = await citizen.session.fetch(`${citizen.account.podUrl}competence/${section}`, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: turtle });
    if (!response.ok) throw new Error(`writing ${section}: ${response.status} ${await response.text()}`);
  }
}
