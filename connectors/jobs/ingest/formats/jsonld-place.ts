// A JobPosting's jobLocation (Place with PostalAddress and GeoCoordinates) -> the ad's workplace
// address, with the municipality, region and country concepts the address names.
import type { JobAd, TaxonomyIndex } from '../../../../vocab/index.ts';
import { conceptByLabel } from './concepts.ts';
import { number, resolve, term, text, values, type NodeIndex } from './jsonld-read.ts';
import { isObject, typeName } from './limits.ts';

type Workplace = NonNullable<JobAd['workplaceAddress']>;

export function locationOf(place: unknown, index: NodeIndex, taxonomy: TaxonomyIndex, reasons: string[]): Workplace | undefined {
  if (typeof place === 'string') return addressOf(place, taxonomy, reasons);
  if (!isObject(place)) { reasons.push(`jobLocation must be a Place, got ${typeName(place)}`); return undefined; }
  const address = resolve(values(term(place, 'address'))[0], index);
  const out: Workplace = (address === undefined ? undefined : addressOf(address, taxonomy, reasons)) ?? {};
  const geo = resolve(values(term(place, 'geo'))[0], index);
  if (isObject(geo)) {
    const latitude = number(term(geo, 'latitude'), 'jobLocation.geo.latitude', reasons);
    const longitude = number(term(geo, 'longitude'), 'jobLocation.geo.longitude', reasons);
    if (latitude !== undefined && longitude !== undefined) out.coordinates = { latitude, longitude };
  }
  return Object.keys(out).length ? out : undefined;
}

function addressOf(address: unknown, taxonomy: TaxonomyIndex, reasons: string[]): Workplace | undefined {
  if (typeof address === 'string') return withConcepts({ city: address.trim() }, taxonomy);
  if (!isObject(address)) { reasons.push(`jobLocation.address must be a PostalAddress, got ${typeName(address)}`); return undefined; }
  const t = (name: string) => text(term(address, name), `jobLocation.address.${name}`, reasons)?.trim();
  const countryValue = values(term(address, 'addressCountry'))[0];
  const country = isObject(countryValue) && !('@value' in countryValue)
    ? text(term(countryValue, 'name') ?? term(countryValue, 'identifier'), 'jobLocation.address.addressCountry.name', reasons)
    : text(countryValue, 'jobLocation.address.addressCountry', reasons);
  return withConcepts({
    streetAddress: t('streetAddress'), postcode: t('postalCode'), city: t('addressLocality'), region: t('addressRegion'), country: country?.trim(),
  }, taxonomy);
}

/** Municipality by the locality's exact name, its region from the taxonomy (else by the region's name), country by name or ISO code. */
function withConcepts(w: Workplace, taxonomy: TaxonomyIndex): Workplace | undefined {
  const municipality = w.city ? conceptByLabel(taxonomy, 'municipality', w.city) : undefined;
  if (municipality) {
    w.municipality = municipality.label;
    w.municipalityConcept = municipality.id;
    if (municipality.legacyId) w.municipalityCode = municipality.legacyId;
  }
  const region = (municipality && taxonomy.broader(municipality.id)) ?? (w.region ? conceptByLabel(taxonomy, 'region', w.region) : undefined);
  if (region?.type === 'region') {
    w.regionConcept = region.id;
    w.region ??= region.label;
    if (region.legacyId) w.regionCode = region.legacyId;
  }
  const country = w.country ? countryConcept(w.country, taxonomy) : municipality ? countryConcept('SE', taxonomy) : undefined;
  if (country) {
    w.countryConcept = country.id;
    w.country ??= country.label;
    if (country.legacyId) w.countryCode = country.legacyId;
  }
  for (const k of Object.keys(w) as Array<keyof Workplace>) if (w[k] === undefined || w[k] === '') delete w[k];
  return Object.keys(w).length ? w : undefined;
}

function countryConcept(name: string, taxonomy: TaxonomyIndex) {
  const byLabel = conceptByLabel(taxonomy, 'country', name);
  if (byLabel) return byLabel;
  const code = name.trim().toUpperCase();
  if (code === 'SWEDEN') return conceptByLabel(taxonomy, 'country', 'Sverige');
  return /^[A-Z]{2}$/.test(code) ? taxonomy.byType('country').find((c) => c.countryCode === code) : undefined;
}
