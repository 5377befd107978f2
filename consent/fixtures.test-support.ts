// Shared fixtures for the consent tests (not a test file itself).
import type { AccessRequest, ConsentRecord } from './model.ts';

export const POD = 'https://pod.example/anna/';
export const ANNA = 'https://pod.example/anna/profile/card#me';
export const EMPLOYER = 'https://employer.example/profile#org';
export const EMPLOYER_APP = 'https://employer.example/app/client.jsonld';
export const OTHER = 'https://other.example/profile#me';
export const NOTICE_HASH = 'a'.repeat(64);

export function sampleRequest(over: Partial<AccessRequest> = {}): AccessRequest {
  return {
    id: `${POD}inbox/req-1`,
    requester: EMPLOYER,
    clientId: EMPLOYER_APP,
    dataSubject: ANNA,
    sections: ['skills', 'experience'],
    modes: ['read'],
    purpose: 'https://w3id.org/dpv#HumanResourceManagement',
    notice: { sv: 'Vi läser dina kunskaper för tjänsten "Utvecklare" <b>.', en: 'We read your skills for the "Developer" vacancy <b>.', url: 'https://employer.example/privacy/v3', sha256: NOTICE_HASH },
    legalBasis: 'https://w3id.org/dpv#Consent',
    duration: 'P90D',
    retention: 'P30D',
    replyTo: 'https://employer.example/inbox/',
    createdAt: '2025-03-01T09:00:00.000Z',
    ...over,
  };
}

export function sampleRecord(over: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: `${POD}consent/rec-1`,
    request: `${POD}inbox/req-1`,
    dataSubject: ANNA,
    requester: EMPLOYER,
    clientId: EMPLOYER_APP,
    sections: ['skills', 'experience'],
    resources: [`${POD}competence/skills`, `${POD}competence/experience`],
    modes: ['read'],
    purpose: 'https://w3id.org/dpv#HumanResourceManagement',
    legalBasis: 'https://w3id.org/dpv#Consent',
    notice: { url: 'https://employer.example/privacy/v3', sha256: NOTICE_HASH },
    replyTo: 'https://employer.example/inbox/',
    retention: 'P30D',
    validFrom: '2025-03-01T10:00:00.000Z',
    validUntil: '2025-05-30T10:00:00.000Z',
    statusHistory: [{ status: 'given', at: '2025-03-01T10:00:00.000Z', actor: ANNA, method: 'consent-page' }],
    ...over,
  };
}
