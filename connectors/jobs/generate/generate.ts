// Deterministic, seeded job ads in the JobSearch JSON format, built from the taxonomy: occupation ->
// group -> field, skills that fit, a workplace with coordinates, an employer from a skewed pool and a
// Swedish text. Streaming: memory stays constant whatever `count` is (the pools are fixed-size).
import type { Concept, JobSearchAd, JobSearchConceptRef, JobSearchWeightedRef, TaxonomyIndex } from '../../../vocab/index.ts';
import { buildEmployers, type Employer } from './employers.ts';
import { Places } from './places.ts';
import { Random, WeightedTable } from './prng.ts';
import { SkillAffinity } from './skill-affinity.ts';
import { occupationForms, skillTerm } from './swedish.ts';
import { adText, CONTACT_NAMES, headline } from './text.ts';

export interface GenerateOptions {
  seed: number;
  count: number;
  taxonomy: TaxonomyIndex;
  /** Publication dates are spread over the 30 days before this (default 2025-01-01, so output is reproducible). */
  start?: Date;
}

const DAY = 86_400_000;
const DEFAULT_START = Date.UTC(2025, 0, 1);
const EMPLOYER_POOL_SEED = 20250101;

/** Occupation names ads ask for most often; they get extra weight within their field. */
const COMMON_OCCUPATIONS = new Set(['Undersköterska, hemtjänst', 'Undersköterska, vård- och specialavdelning', 'Sjuksköterska, grundutbildad',
  'Personlig assistent', 'Lagerarbetare', 'Lastbilsförare', 'Butikssäljare, fackhandel', 'Butikssäljare/Medarbetare, dagligvaror',
  'Systemutvecklare/Programmerare', 'Mjukvaruutvecklare', 'Backend-utvecklare', 'Frontend-utvecklare', 'Barnskötare', 'Förskollärare',
  'Lärare i grundskolan, årskurs 7-9', 'Kock, à la carte', 'Städare/Lokalvårdare', 'Installationselektriker', 'Träarbetare/Snickare',
  'Ekonomiassistent', 'Truckförare', 'Bussförare/Busschaufför', 'Fordonstekniker/Bilmekaniker/Personbilsmekaniker', 'Väktare',
  'Stödassistent', 'Boendestödjare', 'Socialsekreterare', 'Redovisningsekonom', 'Innesäljare', 'Restaurangbiträde', 'CNC-operatör']);

/** Fixed tables of the run: everything here is independent of the ad count. */
class Catalogue {
  readonly places: Places;
  readonly employers: { employers: Employer[]; table: WeightedTable<Employer> };
  readonly affinity: SkillAffinity;
  private readonly occupationsByField = new Map<string, WeightedTable<Concept>>();
  readonly byLabel = new Map<string, Concept>();

  constructor(readonly taxonomy: TaxonomyIndex) {
    this.places = new Places(taxonomy);
    this.employers = buildEmployers(this.places, EMPLOYER_POOL_SEED);
    this.affinity = new SkillAffinity(taxonomy);
    const lists = new Map<string, Concept[]>();
    for (const o of [...taxonomy.byType('occupation-name')].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const field = taxonomy.ancestors(o.id).find((c) => c.type === 'occupation-field');
      if (!field) continue;
      const list = lists.get(field.id) ?? [];
      list.push(o);
      lists.set(field.id, list);
    }
    for (const [field, list] of lists) this.occupationsByField.set(field, new WeightedTable(list, (o) => (COMMON_OCCUPATIONS.has(o.label) ? 40 : 1)));
    for (const type of ['employment-type', 'employment-duration', 'worktime-extent', 'wage-type', 'language', 'driving-license']) {
      for (const c of taxonomy.byType(type)) this.byLabel.set(`${type}:${c.label}`, c);
    }
  }

  occupation(fieldId: string, random: Random): Concept | undefined { return this.occupationsByField.get(fieldId)?.pick(random); }
  concept(type: string, label: string): Concept {
    const c = this.byLabel.get(`${type}:${label}`);
    if (!c) throw new Error(`taxonomy has no ${type} "${label}"`);
    return c;
  }
}

const ref = (c: Concept | undefined): JobSearchConceptRef | null => (c ? { concept_id: c.id, label: c.label, legacy_ams_taxonomy_id: c.legacyId ?? null } : null);
const weighted = (c: Concept, weight: number): JobSearchWeightedRef => ({ ...ref(c)!, weight });
/** JobSearch writes local times without zone: "2019-03-13T00:00:00". */
const isoLocal = (ms: number) => new Date(ms).toISOString().slice(0, 19);

function drawFrom<T extends string>(random: Random, table: ReadonlyArray<readonly [T, number]>): T {
  let r = random.next() * table.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of table) { if ((r -= w) < 0) return v; }
  return table[table.length - 1][0];
}

function licencesFor(occupation: Concept, fieldId: string, random: Random): string[] {
  const l = occupation.label.toLowerCase();
  if (/buss/.test(l)) return ['D'];
  if (/lastbil|distribution|skogstransport|tankbil|renhållningsförare|kranbil/.test(l)) return random.chance(0.5) ? ['C', 'CE'] : ['C'];
  if (/taxi|personbil|budbil|chaufför|förare/.test(l)) return ['B'];
  if (fieldId === 'ASGV_zcE_bWf') return random.chance(0.5) ? ['B'] : [];
  return random.chance(0.2) ? ['B'] : [];
}

/** What a variant keeps of another ad: the same employer, occupation and municipality. */
interface Pinned { employer: Employer; occupation: Concept; fieldId: string; municipality: Concept }

function makeAd(cat: Catalogue, random: Random, index: number, seed: number, startMs: number, pinned?: Pinned): JobSearchAd {
  const taxonomy = cat.taxonomy;
  let employer = pinned?.employer ?? cat.employers.table.pick(random);
  let fieldId = pinned?.fieldId ?? random.pick(employer.fields);
  let occupation = pinned?.occupation ?? cat.occupation(fieldId, random);
  while (!occupation) { employer = cat.employers.table.pick(random); fieldId = random.pick(employer.fields); occupation = cat.occupation(fieldId, random); }
  const group = taxonomy.broader(occupation.id);
  const field = taxonomy.get(fieldId)!;
  const workplace = cat.places.workplace(pinned?.municipality ?? random.pick(employer.sites), random);

  const forOccupation = cat.affinity.forOccupation(occupation, group);
  const forField = cat.affinity.forField(fieldId);
  const skills = [...new Set([...random.sample(forOccupation, 2), ...random.sample(forField, 5)])];
  const mustCount = random.int(1, Math.min(3, skills.length));
  const mustSkills = skills.slice(0, mustCount);
  const niceSkills = skills.slice(mustCount, mustCount + random.int(0, 2));

  const svenska = cat.concept('language', 'Svenska');
  const engelska = cat.concept('language', 'Engelska');
  const mustLanguages = random.chance(0.8) ? [svenska] : [];
  if (random.chance(fieldId === 'apaJ_2ja_LuF' ? 0.5 : 0.12)) mustLanguages.push(engelska);
  const niceLanguages = [] as Concept[];
  if (!mustLanguages.includes(engelska) && random.chance(0.2)) niceLanguages.push(engelska);
  if (random.chance(0.04)) niceLanguages.push(cat.concept('language', random.pick(['Arabiska', 'Finska', 'Tyska', 'Somaliska', 'Spanska', 'Polska'])));

  const licenceLabels = licencesFor(occupation, fieldId, random);
  const licences = licenceLabels.map((l) => cat.concept('driving-license', l));

  const employmentType = cat.concept('employment-type', drawFrom(random, [['Vanlig anställning', 85], ['Behovsanställning', 8], ['Sommarjobb / feriejobb', 6], ['Arbete utomlands', 1]]));
  const duration = cat.concept('employment-duration', employmentType.label.startsWith('Sommarjobb') ? '11 dagar - 3 månader'
    : drawFrom(random, [['Tillsvidare', 65], ['6 månader eller längre', 15], ['3 - 6 månader', 10], ['11 dagar - 3 månader', 8], ['max 10 dagar', 2]]));
  const extent = cat.concept('worktime-extent', drawFrom(random, [['Heltid', 75], ['Deltid', 20], ['Heltid/Deltid', 5]]));
  const partTime = extent.label === 'Deltid' ? random.int(5, 9) * 10 : 100;
  const wageType = cat.concept('wage-type', fieldId === 'RPTn_bxG_ExZ' && random.chance(0.4) ? 'Fast och rörlig lön'
    : drawFrom(random, [['Fast månads- vecko- eller timlön', 88], ['Fast och rörlig lön', 9], ['Rörlig ackords- eller provisionslön', 3]]));

  const published = startMs - random.int(0, 30 * DAY - 1);
  const publishedDay = published - (published % DAY);
  const deadlineMs = publishedDay + random.int(14, 45) * DAY + DAY - 1000;
  const deadlineDate = isoLocal(deadlineMs).slice(0, 10);
  const vacancies = random.chance(0.8) ? 1 : random.int(2, 10);
  const contactName = random.pick(CONTACT_NAMES);
  const contact = { name: contactName, phone: `${employer.phone.slice(0, 4)}${random.int(10000, 99999)}`, email: `${contactName.split(' ')[0].toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@${employer.email.split('@')[1]}` };

  const forms = occupationForms(occupation.label);
  const slots = {
    occupation: forms, fieldId, employer: employer.name, about: employer.about, municipality: workplace.municipality.label, vacancies,
    mustSkills: mustSkills.map((s) => skillTerm(s.label)), niceSkills: niceSkills.map((s) => skillTerm(s.label)),
    languages: { must: mustLanguages.map((l) => l.label), nice: niceLanguages.map((l) => l.label) }, licences: licenceLabels,
    employmentType: employmentType.label, duration: duration.label, extent: extent.label, deadline: deadlineDate, contact,
  };
  const title = headline(random, slots);
  const text = adText(random, slots);
  const jitter = () => (random.next() - 0.5) * 0.01;
  const experience = random.chance(0.7);
  const country = cat.places.country;

  return {
    id: `gen-${seed}-${index}`,
    external_id: `${employer.id}-${index}`,
    headline: title,
    application_deadline: isoLocal(deadlineMs),
    number_of_vacancies: vacancies,
    description: { text, company_information: employer.about, needs: null, requirements: null, conditions: null },
    workplace_id: `${employer.id}${workplace.municipality.legacyId ?? ''}`,
    employment_type: ref(employmentType),
    salary_type: ref(wageType),
    duration: ref(duration),
    working_hours_type: ref(extent),
    scope_of_work: { min: partTime, max: partTime === 100 ? 100 : Math.min(100, partTime + 10) },
    access: random.pick(['Snarast', 'Enligt överenskommelse', null]),
    employer: {
      id: employer.id, phone_number: employer.phone, email: employer.email, url: employer.url,
      organization_number: employer.organisationNumber, name: employer.name, workplace: employer.name,
    },
    application_details: { information: null, reference: `REF-${index}`, email: contact.email, via_af: random.chance(0.3), url: `${employer.url}/jobb/${index}`, other: null },
    experience_required: experience,
    access_to_own_car: licences.length > 0 && random.chance(0.2),
    driving_license_required: licences.length > 0,
    occupation: ref(occupation),
    occupation_group: ref(group),
    occupation_field: ref(field),
    workplace_address: {
      municipality_code: workplace.municipality.legacyId ?? null, municipality: workplace.municipality.label,
      region_code: workplace.region.legacyId ?? null, region: workplace.region.label,
      country_code: country?.legacyId ?? null, country: country?.label ?? 'Sverige',
      street_address: `${random.pick(['Storgatan', 'Kungsgatan', 'Industrivägen', 'Järnvägsgatan', 'Skolgatan', 'Parkvägen', 'Verkstadsgatan'])} ${random.int(1, 60)}`,
      postcode: String(random.int(10000, 98999)), city: workplace.place.label,
      coordinates: [Number((workplace.place.lon! + jitter()).toFixed(6)), Number((workplace.place.lat! + jitter()).toFixed(6))],
      municipality_concept_id: workplace.municipality.id, region_concept_id: workplace.region.id,
      ...(country ? { country_concept_id: country.id } : {}),
    },
    must_have: {
      skills: mustSkills.map((s) => weighted(s, 10)),
      languages: mustLanguages.map((l) => weighted(l, 10)),
      work_experiences: experience && random.chance(0.5) ? [weighted(occupation, 10)] : [],
    },
    nice_to_have: { skills: niceSkills.map((s) => weighted(s, 5)), languages: niceLanguages.map((l) => weighted(l, 5)), work_experiences: [] },
    publication_date: isoLocal(published),
    last_publication_date: isoLocal(deadlineMs),
    removed: false,
    removed_date: null,
    source_type: random.pick(['VIA_AF_FORMULAR', 'VIA_PLATSBANKEN_DXA', 'VIA_ANNONSERA']),
    keywords: null,
    timestamp: published,
    webpage_url: `https://jobs.example/annons/gen-${seed}-${index}`,
    driving_license: licences.map((l) => ref(l)!),
  };
}

const catalogues = new WeakMap<TaxonomyIndex, Catalogue>();
/** The fixed tables for a taxonomy, built once (about 50 ms) and shared by all runs. */
export function catalogueOf(taxonomy: TaxonomyIndex): Catalogue {
  let c = catalogues.get(taxonomy);
  if (!c) { c = new Catalogue(taxonomy); catalogues.set(taxonomy, c); }
  return c;
}

export function* generateAds(options: GenerateOptions): Generator<JobSearchAd> {
  const { seed, count, taxonomy } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const cat = catalogueOf(taxonomy);
  const startMs = options.start?.getTime() ?? DEFAULT_START;
  for (let i = 0; i < count; i++) {
    // One child stream per ad: ad i is the same whatever the count, and edits to one ad's recipe
    // do not shift the ads after it.
    const random = new Random(seed, i);
    yield makeAd(cat, random, i, seed, startMs);
  }
}

/**
 * Another vacancy of the same employer, occupation and municipality as `like` (one of our generated
 * ads), with its own text and terms: the hard case for duplicate detection. `id` names it.
 */
export function generateVariant(taxonomy: TaxonomyIndex, like: JobSearchAd, seed: number, index: number, id: string, start?: Date): JobSearchAd {
  const cat = catalogueOf(taxonomy);
  const employer = cat.employers.employers.find((e) => e.organisationNumber === like.employer?.organization_number);
  const occupation = taxonomy.get(like.occupation?.concept_id ?? '');
  const municipality = taxonomy.get(like.workplace_address?.municipality_concept_id ?? '');
  const fieldId = like.occupation_field?.concept_id ?? undefined;
  if (!employer || !occupation || !municipality || !fieldId) throw new Error(`ad ${like.id} was not made by generateAds`);
  const ad = makeAd(cat, new Random(seed ^ 0x7a11, index), index, seed, start?.getTime() ?? DEFAULT_START, { employer, occupation, fieldId, municipality });
  return { ...ad, id, webpage_url: `https://jobs.example/annons/${id}` };
}
