// The legacy Platsbanken source format (annonsId, annonsrubrik, annonstext …) -> JobAd. Coded
// values ({varde, namn}) are legacy taxonomy ids and become concepts through the taxonomy.
import type { ConceptRef, JobAd, Requirements, TaxonomyIndex, WeightedConcept } from '../../../../vocab/index.ts';
import { conceptByLegacyId, refOf, withAncestors } from './concepts.ts';
import { htmlToText, looksLikeHtml } from './html-text.ts';
import type { FormatResult } from './jobsearch.ts';
import { isObject, LIMITS, normaliseDateTime, typeName } from './limits.ts';

/** Where a legacy ad is read on Platsbanken (legacy ads carry no link of their own). */
export const PLATSBANKEN_AD_URL = 'https://arbetsformedlingen.se/platsbanken/annonser/';
/** Legacy requirement weight from which a requirement is a must (10 = "krav"; lower = "meriterande"). */
const MUST_WEIGHT = 10;

export function parseLegacyAd(item: unknown, taxonomy: TaxonomyIndex): FormatResult {
  if (!isObject(item)) return { reasons: [`a legacy ad must be an object, got ${typeName(item)}`] };
  const reasons: string[] = [];
  const str = (k: string): string | undefined => {
    const v = item[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    reasons.push(`${k} must be text, got ${typeName(v)}`);
    return undefined;
  };
  // Ids and codes are numbers in some versions of the format, text in others.
  const id = (k: string): string | undefined => (Number.isSafeInteger(item[k]) ? String(item[k]) : str(k));
  const bool = (k: string): boolean | undefined => {
    const v = item[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    reasons.push(`${k} must be true or false, got ${typeName(v)}`);
    return undefined;
  };
  const num = (k: string): number | undefined => {
    const v = item[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    reasons.push(`${k} must be a number, got ${typeName(v)}`);
    return undefined;
  };
  const date = (k: string, endOfDay = false): string | undefined => {
    const v = str(k);
    if (v === undefined) return undefined;
    const d = normaliseDateTime(v, endOfDay);
    if (d === undefined) reasons.push(`${k} "${v.slice(0, 40)}" is not a date`);
    return d;
  };
  const coded = (k: string, type: string, v: unknown = item[k]): ConceptRef | undefined => codedConcept(v, k, type, taxonomy, reasons);

  const sourceId = id('annonsId');
  const formatted = str('annonstextFormaterad');
  const ad: JobAd = { id: sourceId ?? '' };
  const noExperience = bool('ingenErfarenhetKravs');
  Object.assign(ad, {
    externalId: id('externtAnnonsId'),
    sourceType: str('kallaTyp'),
    headline: str('annonsrubrik'),
    description: clean({
      // The formatted text keeps the paragraphs that the plain one runs together.
      text: formatted === undefined ? str('annonstext') : looksLikeHtml(formatted) ? htmlToText(formatted.slice(0, LIMITS.html)) : formatted,
      conditions: str('villkorsbeskrivning'),
    }),
    publicationDate: date('publiceringsdatum'),
    lastPublicationDate: date('sistaPubliceringsdatum', true),
    applicationDeadline: date('sistaAnsokningsdatum', true),
    removed: bool('avpublicerad'),
    removedDate: date('avpubliceringsdatum'),
    numberOfVacancies: num('antalPlatser'),
    employmentType: coded('anstallningTyp', 'employment-type'),
    duration: coded('varaktighetTyp', 'employment-duration'),
    worktimeExtent: coded('arbetstidTyp', 'worktime-extent'),
    salaryType: coded('lonTyp', 'wage-type'),
    salaryDescription: str('lonebeskrivning'),
    access: str('tilltradeBeskrivning'),
    workplaceId: id('arbetsplatsId'),
    employer: clean({
      id: id('arbetsgivareId'), name: str('arbetsgivareNamn'), workplace: str('arbetsplatsNamn'),
      organisationNumber: id('organisationsnummer'), url: str('webbadress'),
      phone: str('telefonnummer'), email: str('epost'),
    }),
    application: clean({
      email: str('ansokningssattEpost'), viaAf: bool('ansokningssattViaAF'), url: str('ansokningssattWebbadress'),
      information: str('informationAnsokningssatt'), reference: str('referens'), other: str('ansokningssattAnnatSatt'),
    }),
    experienceRequired: noExperience === undefined ? undefined : !noExperience,
    accessToOwnCar: bool('tillgangTillEgenBil'),
    workplaceAddress: address(item.arbetsplatsadress, coded, reasons),
    timestamp: num('uppdateradTid'),
  });
  const occupation = coded('yrkesroll', 'occupation-name');
  if (occupation) Object.assign(ad, withAncestors(occupation, taxonomy));
  const licences = list(item.korkort ?? item.korkortstyper, 'korkort', reasons).map((v, i) => coded(`korkort[${i}]`, 'driving-license', v)).filter((r) => r !== undefined);
  if (licences.length) { ad.drivingLicences = licences; ad.drivingLicenceRequired = true; }
  const weighted = (key: string, type: string) => list(item[key], key, reasons).map((v, i) => {
    const ref = coded(`${key}[${i}]`, type, v);
    const weight = isObject(v) && typeof v.vikt === 'number' ? v.vikt : undefined;
    return ref && { ...ref, ...(weight === undefined ? {} : { weight }) };
  }).filter((r): r is WeightedConcept => r !== undefined);
  const skills = weighted('kompetenser', 'skill');
  const languages = weighted('sprak', 'language');
  const experiences = weighted('yrkeserfarenheter', 'occupation-name');
  const split = (must: boolean): Requirements => {
    const pick = (l: WeightedConcept[]) => l.filter((r) => ((r.weight ?? MUST_WEIGHT) >= MUST_WEIGHT) === must);
    return { skills: pick(skills), languages: pick(languages), workExperiences: pick(experiences) };
  };
  if (skills.length + languages.length + experiences.length) { ad.mustHave = split(true); ad.niceToHave = split(false); }
  if (sourceId) {
    ad.webpageUrl = PLATSBANKEN_AD_URL + encodeURIComponent(sourceId);
    ad.sourceLinks = [{ label: 'Platsbanken', url: ad.webpageUrl }];
  }
  return { ad: clean(ad as unknown as Record<string, unknown>) as unknown as JobAd, reasons, sourceId };
}

/** {varde, namn}: the legacy id and its name; the concept when the taxonomy knows the id, else just the name and id. */
function codedConcept(v: unknown, field: string, type: string, taxonomy: TaxonomyIndex, reasons: string[]): ConceptRef | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) { reasons.push(`${field} must be an object {varde, namn}, got ${typeName(v)}`); return undefined; }
  const code = typeof v.varde === 'number' ? String(v.varde) : v.varde;
  const name = v.namn;
  if (code !== undefined && code !== null && typeof code !== 'string') { reasons.push(`${field}.varde must be text, got ${typeName(code)}`); return undefined; }
  if (name !== undefined && name !== null && typeof name !== 'string') { reasons.push(`${field}.namn must be text, got ${typeName(name)}`); return undefined; }
  const concept = code ? conceptByLegacyId(taxonomy, type, code) : undefined;
  if (concept) return { ...refOf(concept), ...(name ? { label: name } : {}) };
  return clean({ label: name ?? undefined, legacyId: code ?? undefined });
}

function address(v: unknown, coded: (k: string, type: string, v?: unknown) => ConceptRef | undefined, reasons: string[]): JobAd['workplaceAddress'] {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) { reasons.push(`arbetsplatsadress must be an object, got ${typeName(v)}`); return undefined; }
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : v[k] === undefined || v[k] === null ? undefined : void reasons.push(`arbetsplatsadress.${k} must be text, got ${typeName(v[k])}`));
  const municipality = coded('arbetsplatsadress.kommun', 'municipality', v.kommun);
  const region = coded('arbetsplatsadress.lan', 'region', v.lan);
  const country = typeof v.land === 'string' ? { label: v.land } : coded('arbetsplatsadress.land', 'country', v.land);
  const lat = coordinate(v.latitud, 'arbetsplatsadress.latitud', reasons);
  const lon = coordinate(v.longitud, 'arbetsplatsadress.longitud', reasons);
  return clean({
    streetAddress: s('gatuadress'), postcode: s('postnr'), city: s('postort'),
    municipality: municipality?.label, municipalityCode: municipality?.legacyId, municipalityConcept: municipality?.id,
    region: region?.label, regionCode: region?.legacyId, regionConcept: region?.id,
    country: country?.label, countryCode: 'legacyId' in (country ?? {}) ? (country as ConceptRef).legacyId : undefined, countryConcept: 'id' in (country ?? {}) ? (country as ConceptRef).id : undefined,
    coordinates: lat !== undefined && lon !== undefined ? { latitude: lat, longitude: lon } : undefined,
  });
}

function coordinate(v: unknown, field: string, reasons: string[]): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n === 'number' && Number.isFinite(n)) return n;
  reasons.push(`${field} must be a number, got ${typeName(v)}`);
  return undefined;
}

function list(v: unknown, field: string, reasons: string[]): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) { reasons.push(`${field} must be a list, got ${typeName(v)}`); return []; }
  if (v.length > LIMITS.listLength) { reasons.push(`${field} has ${v.length} entries; at most ${LIMITS.listLength} are allowed`); return []; }
  return v;
}

function clean<T extends Record<string, unknown>>(o: T): T | undefined {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return Object.keys(o).length ? o : undefined;
}
