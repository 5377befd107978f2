// Experience and education sections.
import { str } from '../rdf.ts';
import { JM, PD, RDF, SCHEMA } from '../terms.ts';
import {
  byId, clean, concept, conceptId, findSection, itemId, itemIri, optStr, partialDate, personOf, requireString, writeHeader,
  type SectionCodec,
} from './common.ts';
import type { EducationRecord, EducationSection, ExperienceSection, WorkExperience } from './types.ts';

export const experienceCodec: SectionCodec<ExperienceSection> = {
  name: 'experience',
  classIri: JM.ExperienceSection,
  categories: [PD.EmploymentHistory],
  write(g, doc, value) {
    writeHeader(g, doc, this, value.person);
    for (const x of value.experiences) {
      const s = itemIri(doc, x.id);
      const org = g.blank();
      g.add(doc, JM.hasWorkExperience, s).add(s, RDF.type, JM.WorkExperience)
        .add(s, JM.occupation, concept(x.occupation)).add(s, SCHEMA.roleName, str(x.title))
        .add(s, JM.employer, org).add(org, RDF.type, SCHEMA.Organization).add(org, SCHEMA.name, str(x.employer.name))
        .add(org, JM.organisationNumber, optStr(x.employer.organisationNumber))
        .add(s, SCHEMA.startDate, partialDate(x.start)).add(s, SCHEMA.endDate, partialDate(x.end))
        .add(s, SCHEMA.description, optStr(x.description)).add(s, JM.location, concept(x.location));
    }
  },
  read(g, doc) {
    const section = findSection(g, doc, this);
    const experiences = g.nodes(section, JM.hasWorkExperience).map((s): WorkExperience => {
      const org = g.node(s, JM.employer);
      const occupation = g.node(s, JM.occupation);
      const location = g.node(s, JM.location);
      return clean({
        id: itemId(doc, s),
        occupation: occupation && conceptId(occupation),
        title: requireString(g, s, SCHEMA.roleName, 'title (schema:roleName)'),
        employer: clean({
          name: org ? requireString(g, org, SCHEMA.name, 'employer name') : '',
          organisationNumber: org ? g.string(org, JM.organisationNumber) : undefined,
        }),
        start: requireString(g, s, SCHEMA.startDate, 'start date'),
        end: g.string(s, SCHEMA.endDate),
        description: g.string(s, SCHEMA.description),
        location: location && conceptId(location),
      });
    });
    return { person: personOf(g, section), experiences: byId(experiences) };
  },
};

export const educationCodec: SectionCodec<EducationSection> = {
  name: 'education',
  classIri: JM.EducationSection,
  categories: [PD.EducationExperience, PD.EducationQualification],
  write(g, doc, value) {
    writeHeader(g, doc, this, value.person);
    for (const e of value.educations) {
      const s = itemIri(doc, e.id);
      const inst = g.blank();
      g.add(doc, JM.hasEducation, s).add(s, RDF.type, JM.EducationRecord)
        .add(s, JM.institution, inst).add(inst, RDF.type, SCHEMA.EducationalOrganization).add(inst, SCHEMA.name, str(e.institution))
        .add(s, SCHEMA.name, optStr(e.programme)).add(s, JM.educationLevel, concept(e.level)).add(s, JM.educationField, concept(e.field))
        .add(s, SCHEMA.educationalCredentialAwarded, optStr(e.degree))
        .add(s, SCHEMA.startDate, partialDate(e.start)).add(s, SCHEMA.endDate, partialDate(e.end));
    }
  },
  read(g, doc) {
    const section = findSection(g, doc, this);
    const educations = g.nodes(section, JM.hasEducation).map((s): EducationRecord => {
      const inst = g.node(s, JM.institution);
      const level = g.node(s, JM.educationLevel);
      const field = g.node(s, JM.educationField);
      return clean({
        id: itemId(doc, s),
        institution: inst ? requireString(g, inst, SCHEMA.name, 'institution name') : '',
        programme: g.string(s, SCHEMA.name),
        level: level && conceptId(level),
        field: field && conceptId(field),
        degree: g.string(s, SCHEMA.educationalCredentialAwarded),
        start: g.string(s, SCHEMA.startDate),
        end: g.string(s, SCHEMA.endDate),
      });
    });
    return { person: personOf(g, section), educations: byId(educations) };
  },
};
