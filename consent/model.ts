// The plain types of the consent protocol. Everything else converts to and from these.

export const SECTIONS = ['skills', 'experience', 'education', 'languages', 'licences', 'preferences', 'contact', 'discoverable'] as const;
export type Section = (typeof SECTIONS)[number];
/** Sections that are documents in the pod ('discoverable' is a flag for the matching search, not a resource). */
export const DOCUMENT_SECTIONS = SECTIONS.filter((s) => s !== 'discoverable') as Exclude<Section, 'discoverable'>[];
export const isSection = (s: unknown): s is Section => typeof s === 'string' && (SECTIONS as readonly string[]).includes(s);

export const MODES = ['read', 'append', 'write'] as const;
/** Modes a grant may carry. 'control' is never grantable through consent. */
export type GrantMode = (typeof MODES)[number];
export type AccessMode = GrantMode | 'control';
export const isGrantMode = (m: unknown): m is GrantMode => typeof m === 'string' && (MODES as readonly string[]).includes(m);

/** The human-readable notice the citizen is shown, and a hash of its text so that it cannot change silently. */
export interface Notice {
  sv: string;
  en: string;
  /** Where the full notice (privacy policy version) is published. */
  url: string;
  /** Lower-case hex SHA-256 of the notice text at `url`. */
  sha256: string;
}

export interface AccessRequest {
  /** URL of the stored request (set by the pod server; the request document's own IRI). */
  id: string;
  /** WebID of the requester. */
  requester: string;
  /** The Solid-OIDC client_id the requester authenticates with; a grant is bound to it when present. */
  clientId?: string;
  /**
   * The requester's name as its WebID profile gave it when the request arrived (set by the pod
   * server, never taken from the request): shown to the citizen, so a later rename rewrites nothing.
   */
  requesterName?: string;
  /** The client's name (Client ID Document client_name, or the registered client's label) at arrival. */
  clientName?: string;
  /** WebID of the citizen. */
  dataSubject: string;
  sections: Section[];
  modes: GrantMode[];
  /** A DPV purpose IRI, e.g. https://w3id.org/dpv#HumanResourceManagement. */
  purpose: string;
  notice: Notice;
  /** A DPV legal basis IRI, e.g. https://w3id.org/dpv#Consent. */
  legalBasis: string;
  /** Requested duration, ISO 8601 (e.g. "P90D"). */
  duration: string;
  /** How long the requester keeps the data after the consent ends, ISO 8601 (e.g. "P30D"). */
  retention: string;
  /** The requester's inbox, where the answer is sent. */
  replyTo: string;
  /** ISO 8601 date-time. */
  createdAt: string;
}

export type ConsentStatus = 'given' | 'refused' | 'withdrawn' | 'expired';
export const STATUSES: readonly ConsentStatus[] = ['given', 'refused', 'withdrawn', 'expired'];

export interface StatusChange {
  status: ConsentStatus;
  /** ISO 8601 date-time. */
  at: string;
  /** WebID (or server IRI) of whoever made the change. */
  actor: string;
  /** How: 'consent-page', 'api', 'expiry', … */
  method: string;
}

/** A consent record (ISO/IEC TS 27560 structure, DPV terms). Stored under {pod}/consent/. */
export interface ConsentRecord {
  /** URL of the record in the pod. */
  id: string;
  /** URL of the access request it answers. */
  request?: string;
  dataSubject: string;
  requester: string;
  clientId?: string;
  /** Copied from the request: the names the citizen saw when deciding. */
  requesterName?: string;
  clientName?: string;
  sections: Section[];
  /** Concrete resources the consent covers (section documents). */
  resources: string[];
  modes: GrantMode[];
  purpose: string;
  legalBasis: string;
  /** The notice actually shown to the citizen. */
  notice: { url: string; sha256: string };
  /** Where the requester is told about withdrawal. */
  replyTo?: string;
  retention?: string;
  validFrom: string;
  validUntil: string;
  /** Oldest first; the last entry is the current status. */
  statusHistory: StatusChange[];
}

/** The current status of a record (the last change). */
export function currentStatus(record: Pick<ConsentRecord, 'statusHistory'>): ConsentStatus {
  const last = record.statusHistory[record.statusHistory.length - 1];
  if (!last) throw new Error('consent record without status history');
  return last.status;
}

/** Effective status at a time: a given consent past its validUntil is expired. */
export function effectiveStatus(record: Pick<ConsentRecord, 'statusHistory' | 'validUntil'>, now: Date): ConsentStatus {
  const s = currentStatus(record);
  return s === 'given' && now.getTime() >= Date.parse(record.validUntil) ? 'expired' : s;
}

function podBase(podUrl: string): string { return podUrl.endsWith('/') ? podUrl : `${podUrl}/`; }

/** The resource a section names in a pod ('discoverable' names none). */
export function sectionResourceUrl(podUrl: string, section: Section): string | undefined {
  return section === 'discoverable' ? undefined : `${podBase(podUrl)}competence/${section}`;
}

/** Resources of several sections, in order, without 'discoverable'. */
export function sectionResources(podUrl: string, sections: readonly Section[]): string[] {
  return sections.map((s) => sectionResourceUrl(podUrl, s)).filter((u): u is string => u !== undefined);
}

/** The section a resource URL belongs to, if any (…/competence/skills or inside …/competence/skills/). */
export function sectionOfResource(url: string): Exclude<Section, 'discoverable'> | undefined {
  let path: string;
  try { path = new URL(url).pathname; } catch { return undefined; }
  const m = /\/competence\/([a-z]+)(?:\/.*)?$/.exec(path);
  return m && (DOCUMENT_SECTIONS as string[]).includes(m[1]) ? (m[1] as Exclude<Section, 'discoverable'>) : undefined;
}
