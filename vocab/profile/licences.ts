// Languages and licences/certifications sections.
import { bool, str, typed } from '../rdf.ts';
import { CEFR_LEVELS, cefrIri, JM, NS, PD, RDF, SCHEMA, XSD, type CefrLevel } from '../terms.ts';
import {
  byId, clean, concept, conceptId, conceptIds, findSection, itemId, itemIri, optStr, partialDate, personOf, requireString,
  writeHeader, SectionReadError, type SectionCodec,
} from './common.ts';
import type { Credential, DrivingLicence, LanguageSkill, LanguagesSection, LicencesSection } from './types.ts';

export const languagesCodec: SectionCodec<LanguagesSection> = {
  name: 'languages',
  classIri: JM.LanguagesSection,
  categories: [PD.Language],
  write(g, doc, value) {
    writeHeader(g, doc, this, value.person);
    for (const l of value.languages) {
      const s = itemIri(doc, l.id);
      g.add(doc, JM.hasLanguageSkill, s).add(s, RDF.type, JM.LanguageSkill).add(s, JM.language, concept(l.language))
        .add(s, JM.cefrLevel, l.cefr && cefrIri(l.cefr))
        .add(s, JM.nativeLanguage, l.native === undefined ? undefined : bool(l.native));
    }
  },
  read(g, doc) {
    const section = findSection(g, doc, this);
    const languages = g.nodes(section, JM.hasLanguageSkill).map((s): LanguageSkill => {
      const lang = g.node(s, JM.language);
      if (!lang) throw new SectionReadError(`language skill <${s}> has no jm:language`);
      const level = g.node(s, JM.cefrLevel)?.slice(`${NS.jm}cefr-`.length);
      if (level !== undefined && !CEFR_LEVELS.includes(level as CefrLevel)) throw new SectionReadError(`unknown CEFR level on <${s}>`);
      return clean({ id: itemId(doc, s), language: conceptId(lang), cefr: level as CefrLevel | undefined, native: g.boolean(s, JM.nativeLanguage) });
    });
    return { person: personOf(g, section), languages: byId(languages) };
  },
};

export const licencesCodec: SectionCodec<LicencesSection> = {
  name: 'licences',
  classIri: JM.LicencesSection,
  categories: [PD.ProfessionalCertification],
  write(g, doc, value) {
    writeHeader(g, doc, this, value.person);
    for (const d of value.drivingLicences) {
      const s = itemIri(doc, d.id);
      g.add(doc, JM.hasDrivingLicence, s).add(s, RDF.type, JM.DrivingLicence).add(s, JM.drivingLicenceCategory, concept(d.category))
        .add(s, SCHEMA.validFrom, partialDate(d.validFrom)).add(s, SCHEMA.expires, partialDate(d.expires));
    }
    for (const c of value.credentials) {
      const s = itemIri(doc, c.id);
      g.add(doc, JM.hasCredential, s).add(s, RDF.type, SCHEMA.EducationalOccupationalCredential).add(s, SCHEMA.name, str(c.name))
        .add(s, SCHEMA.credentialCategory, optStr(c.category))
        .add(s, SCHEMA.validFrom, partialDate(c.validFrom)).add(s, SCHEMA.expires, partialDate(c.expires))
        .add(s, SCHEMA.url, c.url === undefined ? undefined : typed(c.url, XSD.anyURI))
        .addAll(s, SCHEMA.competencyRequired, (c.skills ?? []).map((id) => concept(id)!));
      if (c.issuer !== undefined) {
        const org = g.blank();
        g.add(s, SCHEMA.recognizedBy, org).add(org, RDF.type, SCHEMA.Organization).add(org, SCHEMA.name, str(c.issuer));
      }
    }
  },
  read(g, doc) {
    const section = findSection(g, doc, this);
    const drivingLicences = g.nodes(section, JM.hasDrivingLicence).map((s): DrivingLicence => {
      const cat = g.node(s, JM.drivingLicenceCategory);
      if (!cat) throw new SectionReadError(`driving licence <${s}> has no category`);
      return clean({ id: itemId(doc, s), category: conceptId(cat), validFrom: g.string(s, SCHEMA.validFrom), expires: g.string(s, SCHEMA.expires) });
    });
    const credentials = g.nodes(section, JM.hasCredential).map((s): Credential => {
      const issuer = g.node(s, SCHEMA.recognizedBy);
      const skills = conceptIds(g, s, SCHEMA.competencyRequired);
      return clean({
        id: itemId(doc, s),
        name: requireString(g, s, SCHEMA.name, 'credential name'),
        category: g.string(s, SCHEMA.credentialCategory),
        issuer: issuer && g.string(issuer, SCHEMA.name),
        validFrom: g.string(s, SCHEMA.validFrom),
        expires: g.string(s, SCHEMA.expires),
        url: g.string(s, SCHEMA.url),
        skills: skills.length ? skills : undefined,
      });
    });
    return { person: personOf(g, section), drivingLicences: byId(drivingLicences), credentials: byId(credentials) };
  },
};
