// Preferences and contact sections.
import { dec, str, typed } from '../rdf.ts';
import { JM, NS, PD, RDF, REMOTE_OPTIONS, remoteIri, SCHEMA, VCARD, XSD, type RemoteOption } from '../terms.ts';
import {
  clean, concept, conceptId, conceptIds, findSection, optStr, personOf, requireString, writeHeader, SectionReadError,
  type SectionCodec,
} from './common.ts';
import type { ContactSection, PreferencesSection, SalaryExpectation } from './types.ts';

const concepts = (ids: string[]) => ids.map((id) => concept(id)!);

export const preferencesCodec: SectionCodec<PreferencesSection> = {
  name: 'preferences',
  classIri: JM.PreferencesSection,
  categories: [PD.Preference],
  write(g, doc, v) {
    writeHeader(g, doc, this, v.person);
    g.addAll(doc, JM.desiredOccupation, concepts(v.occupations)).addAll(doc, JM.desiredLocation, concepts(v.locations))
      .addAll(doc, JM.desiredEmploymentType, concepts(v.employmentTypes))
      .addAll(doc, JM.desiredWorktimeExtent, concepts(v.worktimeExtents))
      .add(doc, JM.remoteWork, v.remote && remoteIri(v.remote))
      .add(doc, JM.earliestStartDate, v.earliestStart === undefined ? undefined : typed(v.earliestStart, XSD.date));
    if (v.salary) {
      const m = g.blank();
      g.add(doc, JM.salaryExpectation, m).add(m, RDF.type, SCHEMA.MonetaryAmount)
        .add(m, SCHEMA.minValue, v.salary.min === undefined ? undefined : dec(v.salary.min))
        .add(m, SCHEMA.maxValue, v.salary.max === undefined ? undefined : dec(v.salary.max))
        .add(m, SCHEMA.currency, str(v.salary.currency)).add(m, SCHEMA.unitText, str(v.salary.unit));
    }
  },
  read(g, doc) {
    const s = findSection(g, doc, this);
    const remote = g.node(s, JM.remoteWork)?.slice(`${NS.jm}remote-`.length);
    if (remote !== undefined && !REMOTE_OPTIONS.includes(remote as RemoteOption)) throw new SectionReadError(`unknown remote-work option on <${s}>`);
    const m = g.node(s, JM.salaryExpectation);
    return clean({
      person: personOf(g, s),
      occupations: conceptIds(g, s, JM.desiredOccupation),
      locations: conceptIds(g, s, JM.desiredLocation),
      employmentTypes: conceptIds(g, s, JM.desiredEmploymentType),
      worktimeExtents: conceptIds(g, s, JM.desiredWorktimeExtent),
      remote: remote as RemoteOption | undefined,
      earliestStart: g.string(s, JM.earliestStartDate),
      salary: m ? clean({
        min: g.number(m, SCHEMA.minValue),
        max: g.number(m, SCHEMA.maxValue),
        currency: requireString(g, m, SCHEMA.currency, 'salary currency'),
        unit: requireString(g, m, SCHEMA.unitText, 'salary unit') as SalaryExpectation['unit'],
      }) : undefined,
    });
  },
};

export const contactCodec: SectionCodec<ContactSection> = {
  name: 'contact',
  classIri: JM.ContactSection,
  categories: [PD.Contact],
  write(g, doc, v) {
    writeHeader(g, doc, this, v.person);
    const card = `${doc.replace(/#.*$/, '')}#card`;
    g.add(doc, JM.contactCard, card).add(card, RDF.type, VCARD.Individual).add(card, VCARD.fn, str(v.fullName))
      .add(card, VCARD['given-name'], optStr(v.givenName)).add(card, VCARD['family-name'], optStr(v.familyName))
      .addAll(card, VCARD.hasEmail, v.emails.map((e) => `mailto:${e}`))
      .addAll(card, VCARD.hasTelephone, v.phones.map((p) => `tel:${p}`))
      .add(card, JM.homeMunicipality, concept(v.municipality))
      .add(card, VCARD.url, v.homepage);
    if (v.address) {
      const a = g.blank();
      g.add(card, VCARD.hasAddress, a).add(a, RDF.type, VCARD.Address)
        .add(a, VCARD['street-address'], optStr(v.address.street)).add(a, VCARD['postal-code'], optStr(v.address.postalCode))
        .add(a, VCARD.locality, optStr(v.address.locality)).add(a, VCARD['country-name'], optStr(v.address.country));
    }
  },
  read(g, doc) {
    const s = findSection(g, doc, this);
    const card = g.node(s, JM.contactCard);
    if (!card) throw new SectionReadError(`contact section <${s}> has no jm:contactCard`);
    const a = g.node(card, VCARD.hasAddress);
    const municipality = g.node(card, JM.homeMunicipality);
    return clean({
      person: personOf(g, s),
      fullName: requireString(g, card, VCARD.fn, 'full name (vcard:fn)'),
      givenName: g.string(card, VCARD['given-name']),
      familyName: g.string(card, VCARD['family-name']),
      emails: g.nodes(card, VCARD.hasEmail).map((e) => e.replace(/^mailto:/, '')).sort(),
      phones: g.nodes(card, VCARD.hasTelephone).map((p) => p.replace(/^tel:/, '')).sort(),
      address: a ? clean({
        street: g.string(a, VCARD['street-address']), postalCode: g.string(a, VCARD['postal-code']),
        locality: g.string(a, VCARD.locality), country: g.string(a, VCARD['country-name']),
      }) : undefined,
      municipality: municipality && conceptId(municipality),
      homepage: g.node(card, VCARD.url),
    });
  },
};
