// IRIs of the consent vocabulary. Consent-specific terms live under the jm: namespace and are defined
// here (not in vocab/); DPV and WAC terms are used where they exist.
import { NS } from '../vocab/index.ts';

const JMNS = NS.jm;
const DPVNS = NS.dpv;
export const ACL_NS = 'http://www.w3.org/ns/auth/acl#';
export const LDP_NS = 'http://www.w3.org/ns/ldp#';

function terms<const T extends readonly string[]>(base: string, names: T): { [K in T[number]]: string } {
  return Object.fromEntries(names.map((n) => [n, base + n])) as { [K in T[number]]: string };
}

/** Consent terms in the jm: namespace (documented in consent/PROTOCOL.md). */
export const CJM = terms(JMNS, [
  'AccessRequest', 'ConsentNotification', 'StatusChange',
  'requester', 'clientId', 'requestsSection', 'grantsSection', 'accessMode', 'resource',
  'requestedDuration', 'retentionPeriod', 'replyTo', 'noticeText', 'sha256',
  'validFrom', 'validUntil', 'statusChange', 'actor', 'method', 'forRequest', 'consentRecord', 'receipt',
  'requesterName', 'clientName',
] as const);

/** DPV terms used for requests and records (https://w3id.org/dpv#). */
export const CDPV = terms(DPVNS, [
  'ConsentRecord', 'PrivacyNotice', 'hasDataSubject', 'hasPurpose', 'hasLegalBasis', 'hasNotice', 'hasConsentStatus',
  'ConsentGiven', 'ConsentRefused', 'ConsentWithdrawn', 'ConsentExpired', 'Consent',
] as const);

export const ACL = terms(ACL_NS, ['Read', 'Append', 'Write', 'Control'] as const);
export const LDP = terms(LDP_NS, ['inbox'] as const);

/** The section individuals: jm:section-skills, …, jm:section-discoverable. */
export const sectionIri = (section: string): string => `${JMNS}section-${section}`;
export function sectionOfIri(iri: string): string | undefined {
  const p = `${JMNS}section-`;
  return iri.startsWith(p) ? iri.slice(p.length) : undefined;
}

/** Well-known DPV purposes and legal bases, for convenience (any DPV IRI is accepted). */
export const PURPOSES = {
  recruitment: `${DPVNS}HumanResourceManagement`,
  serviceProvision: `${DPVNS}ServiceProvision`,
  personalisedRecommendations: `${DPVNS}ProvidePersonalisedRecommendations`,
  research: `${DPVNS}ResearchAndDevelopment`,
} as const;
export const LEGAL_BASES = {
  consent: `${DPVNS}Consent`,
  contract: `${DPVNS}Contract`,
  legitimateInterest: `${DPVNS}LegitimateInterest`,
} as const;
