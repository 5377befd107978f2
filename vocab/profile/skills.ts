// Skills section: jm:SkillClaim with self-assessment (schema:Rating), experience and evidence.
import { Graph, int, str, typed, type Node } from '../rdf.ts';
import { JM, PD, RDF, SCHEMA, XSD } from '../terms.ts';
import {
  byId, clean, concept, personOf, conceptId, findSection, itemId, itemIri, optStr, partialDate, requireString, writeHeader,
  SectionReadError, type SectionCodec,
} from './common.ts';
import type { Evidence, SkillClaim, SkillsSection } from './types.ts';

export const skillsCodec: SectionCodec<SkillsSection> = {
  name: 'skills',
  classIri: JM.SkillsSection,
  categories: [PD.ProfessionalExperience],
  write(g, doc, value) {
    writeHeader(g, doc, this, value.person);
    for (const claim of value.skills) {
      const s = itemIri(doc, claim.id);
      g.add(doc, JM.hasSkillClaim, s).add(s, RDF.type, JM.SkillClaim).add(s, JM.skill, concept(claim.skill))
        .add(s, SCHEMA.monthsOfExperience, claim.monthsOfExperience === undefined ? undefined : int(claim.monthsOfExperience))
        .add(s, JM.lastUsed, partialDate(claim.lastUsed))
        .add(s, SCHEMA.description, optStr(claim.description));
      if (claim.selfAssessment) {
        const r = g.blank();
        g.add(s, JM.selfAssessment, r).add(r, RDF.type, SCHEMA.Rating)
          .add(r, SCHEMA.ratingValue, int(claim.selfAssessment.value))
          .add(r, SCHEMA.worstRating, int(claim.selfAssessment.worst))
          .add(r, SCHEMA.bestRating, int(claim.selfAssessment.best));
      }
      for (const ev of claim.evidence ?? []) g.add(s, JM.evidence, writeEvidence(g, doc, ev));
    }
  },
  read(g, doc) {
    const section = findSection(g, doc, this);
    const skills = g.nodes(section, JM.hasSkillClaim).map((s): SkillClaim => {
      const skill = g.node(s, JM.skill);
      if (!skill) throw new SectionReadError(`skill claim <${s}> has no jm:skill`);
      const rating = g.node(s, JM.selfAssessment);
      const evidence = g.nodes(s, JM.evidence).map((e) => readEvidence(g, doc, e)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      return clean({
        id: itemId(doc, s),
        skill: conceptId(skill),
        selfAssessment: rating ? {
          value: g.number(rating, SCHEMA.ratingValue) ?? NaN,
          worst: g.number(rating, SCHEMA.worstRating) ?? NaN,
          best: g.number(rating, SCHEMA.bestRating) ?? NaN,
        } : undefined,
        monthsOfExperience: g.number(s, SCHEMA.monthsOfExperience),
        lastUsed: g.string(s, JM.lastUsed),
        evidence: evidence.length ? evidence : undefined,
        description: g.string(s, SCHEMA.description),
      });
    });
    return { person: personOf(g, section), skills: byId(skills) };
  },
};

function writeEvidence(g: Graph, doc: string, ev: Evidence): Node {
  if (ev.kind === 'credential') {
    const c = itemIri(doc, ev.credential);
    g.add(c, RDF.type, SCHEMA.EducationalOccupationalCredential);
    return c;
  }
  const n = g.blank();
  if (ev.kind === 'reference') {
    g.add(n, RDF.type, JM.Reference).add(n, SCHEMA.name, str(ev.name)).add(n, SCHEMA.email, optStr(ev.email))
      .add(n, SCHEMA.telephone, optStr(ev.phone)).add(n, JM.relationship, optStr(ev.relationship));
  } else {
    g.add(n, RDF.type, SCHEMA.CreativeWork).add(n, SCHEMA.url, typed(ev.url, XSD.anyURI)).add(n, SCHEMA.name, optStr(ev.name));
  }
  return n;
}

function readEvidence(g: Graph, doc: string, e: Node): Evidence {
  const types = g.types(e);
  if (types.includes(JM.Reference)) {
    return clean({
      kind: 'reference', name: requireString(g, e, SCHEMA.name, 'reference name'), email: g.string(e, SCHEMA.email),
      phone: g.string(e, SCHEMA.telephone), relationship: g.string(e, JM.relationship),
    });
  }
  if (types.includes(SCHEMA.CreativeWork)) {
    return clean({ kind: 'document', url: requireString(g, e, SCHEMA.url, 'document url'), name: g.string(e, SCHEMA.name) });
  }
  return { kind: 'credential', credential: itemId(doc, e) };
}
