// The section registry and whole-profile read/write. Section documents live at {pod}/competence/{name}.
import { Graph } from '../rdf.ts';
import type { SectionCodec } from './common.ts';
import { skillsCodec } from './skills.ts';
import { educationCodec, experienceCodec } from './career.ts';
import { languagesCodec, licencesCodec } from './licences.ts';
import { contactCodec, preferencesCodec } from './preferences.ts';
import { SECTION_NAMES, type CompetenceProfile, type SectionName, type SectionTypes } from './types.ts';

export const SECTION_CODECS: { [K in SectionName]: SectionCodec<SectionTypes[K]> } = {
  skills: skillsCodec,
  experience: experienceCodec,
  education: educationCodec,
  languages: languagesCodec,
  licences: licencesCodec,
  preferences: preferencesCodec,
  contact: contactCodec,
};

/** IRI of a section document in a pod, e.g. sectionDocumentIri('https://pod.example/anna/', 'skills'). */
export function sectionDocumentIri(podRoot: string, section: SectionName): string {
  return `${podRoot.endsWith('/') ? podRoot : podRoot + '/'}competence/${section}`;
}

export function writeSection<K extends SectionName>(section: K, doc: string, value: SectionTypes[K], g = new Graph()): Graph {
  SECTION_CODECS[section].write(g, doc, value);
  return g;
}

export function readSection<K extends SectionName>(section: K, g: Graph, doc: string): SectionTypes[K] {
  return SECTION_CODECS[section].read(g, doc);
}

/** All present sections of a profile into one graph (e.g. to validate it as a whole). */
export function writeProfile(podRoot: string, profile: CompetenceProfile): Graph {
  const g = new Graph();
  for (const name of SECTION_NAMES) {
    const value = profile[name];
    if (value) (SECTION_CODECS[name] as SectionCodec<unknown>).write(g, sectionDocumentIri(podRoot, name), value);
  }
  return g;
}

export function readProfile(podRoot: string, g: Graph): CompetenceProfile {
  const profile: Record<string, unknown> = {};
  for (const name of SECTION_NAMES) {
    const codec = SECTION_CODECS[name] as SectionCodec<unknown>;
    if (g.instancesOf(codec.classIri).length > 0) profile[name] = codec.read(g, sectionDocumentIri(podRoot, name));
  }
  return profile as CompetenceProfile;
}
