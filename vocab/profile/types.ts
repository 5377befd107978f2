// Plain TypeScript shapes of the profile sections. Concept fields hold JobTech concept ids
// (e.g. "rQds_YGd_quU"); ids of items are fragments ("#java") or absolute IRIs.
import type { CefrLevel, RemoteOption } from '../terms.ts';

export type ConceptId = string;
/** "YYYY", "YYYY-MM" or "YYYY-MM-DD" — CVs often know only the year or month. */
export type PartialDate = string;

export const SECTION_NAMES = ['skills', 'experience', 'education', 'languages', 'licences', 'preferences', 'contact'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export interface SelfAssessment { value: number; worst: number; best: number }
export type Evidence =
  | { kind: 'credential'; credential: string }
  | { kind: 'reference'; name: string; email?: string; phone?: string; relationship?: string }
  | { kind: 'document'; url: string; name?: string };

export interface SkillClaim {
  id: string;
  skill: ConceptId;
  selfAssessment?: SelfAssessment;
  monthsOfExperience?: number;
  lastUsed?: PartialDate;
  evidence?: Evidence[];
  description?: string;
}

export interface WorkExperience {
  id: string;
  occupation?: ConceptId;
  title: string;
  employer: { name: string; organisationNumber?: string };
  start: PartialDate;
  end?: PartialDate;
  description?: string;
  location?: ConceptId;
}

export interface EducationRecord {
  id: string;
  institution: string;
  programme?: string;
  level?: ConceptId;
  field?: ConceptId;
  degree?: string;
  start?: PartialDate;
  end?: PartialDate;
}

export interface LanguageSkill { id: string; language: ConceptId; cefr?: CefrLevel; native?: boolean }

export interface DrivingLicence { id: string; category: ConceptId; validFrom?: PartialDate; expires?: PartialDate }
export interface Credential {
  id: string;
  name: string;
  category?: string;
  issuer?: string;
  validFrom?: PartialDate;
  expires?: PartialDate;
  url?: string;
  skills?: ConceptId[];
}

export interface SalaryExpectation { min?: number; max?: number; currency: string; unit: 'HOUR' | 'MONTH' | 'YEAR' }

export interface SkillsSection { person: string; skills: SkillClaim[] }
export interface ExperienceSection { person: string; experiences: WorkExperience[] }
export interface EducationSection { person: string; educations: EducationRecord[] }
export interface LanguagesSection { person: string; languages: LanguageSkill[] }
export interface LicencesSection { person: string; drivingLicences: DrivingLicence[]; credentials: Credential[] }
export interface PreferencesSection {
  person: string;
  occupations: ConceptId[];
  locations: ConceptId[];
  employmentTypes: ConceptId[];
  worktimeExtents: ConceptId[];
  remote?: RemoteOption;
  earliestStart?: string;
  salary?: SalaryExpectation;
}
export interface ContactSection {
  person: string;
  fullName: string;
  givenName?: string;
  familyName?: string;
  emails: string[];
  phones: string[];
  address?: { street?: string; postalCode?: string; locality?: string; country?: string };
  municipality?: ConceptId;
  homepage?: string;
}

export interface SectionTypes {
  skills: SkillsSection;
  experience: ExperienceSection;
  education: EducationSection;
  languages: LanguagesSection;
  licences: LicencesSection;
  preferences: PreferencesSection;
  contact: ContactSection;
}

/** A whole competence profile: any subset of the sections. */
export type CompetenceProfile = { [K in SectionName]?: SectionTypes[K] };
