import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { getTaxonomy } from '../../../../vocab/index.ts';
import { parseBatch } from './index.ts';

const taxonomy = getTaxonomy();
const LEGACY = JSON.parse(readFileSync(new URL('./fixtures/legacy-source-format-sample.json', import.meta.url), 'utf8')) as { testannonser: Array<Record<string, unknown>> };

describe('legacy Platsbanken format', () => {
  const [first, second] = parseBatch(LEGACY, 'legacy', taxonomy);

  it('maps the first sample ad, its codes becoming concepts', () => {
    expect(first.reasons).to.deep.equal([]);
    expect(first.sourceId).to.equal('23483261');
    const ad = first.ad!;
    expect(ad).to.deep.include({
      id: '23483261', headline: 'Drivna pedagoger sökes till Norlandia förskolor Lilla Alsike', sourceType: 'VIA_ANNONSERA',
      publicationDate: '2019-08-23T00:00:00', applicationDeadline: '2019-11-30T23:59:59', numberOfVacancies: 10,
      removed: false, experienceRequired: true, accessToOwnCar: false, timestamp: 1566554294366, workplaceId: '87149133',
      webpageUrl: 'https://arbetsformedlingen.se/platsbanken/annonser/23483261',
    });
    expect(ad.employmentType).to.deep.equal({ id: 'PFZr_Syz_cUq', label: 'Vanlig anställning', legacyId: '1' });
    expect(ad.duration?.id).to.equal('a7uU_j21_mkL');
    expect(ad.worktimeExtent?.id).to.equal('6YE1_gAC_R2G');
    expect(ad.salaryType?.id).to.equal('oG8G_9cW_nRf');
    expect(ad.occupation).to.deep.equal({ id: 'rUcW_z9R_Qsv', label: 'Lärare i förskola/Förskollärare', legacyId: '5714' });
    expect(ad.occupationGroup?.id).to.equal('5ek3_Cgq_WeZ');
    expect(ad.employer).to.deep.equal({
      id: '20447792', name: 'Norlandia Care AB', workplace: 'Lilla & Stora Alsike', organisationNumber: '5565762266', url: 'http://www.norlandiaforskolor.se',
    });
    expect(ad.application).to.deep.equal({ email: 'nisse.hult@norlandia.com', viaAf: false });
    expect(ad.workplaceAddress).to.deep.equal({
      streetAddress: 'Brunnbyvägen 48', postcode: '74147', city: 'KNIVSTA', municipality: 'Knivsta', municipalityCode: '0330', municipalityConcept: 'KALq_sG6_VrW',
      region: 'Uppsala län', regionCode: '03', regionConcept: 'zBon_eET_fFU', coordinates: { latitude: 59.7605624674344, longitude: 17.7740779997386 },
    });
    expect(ad.sourceLinks).to.deep.equal([{ label: 'Platsbanken', url: 'https://arbetsformedlingen.se/platsbanken/annonser/23483261' }]);
    // The formatted text keeps its paragraphs; its markup is gone.
    expect(ad.description!.text).to.match(/^Vi söker framtidens proffsiga pedagoger till\s+Norlandia/).and.not.include('<');
  });

  it('maps the second: removal, country, conditions, application and the work experience it asks for', () => {
    expect(second.reasons).to.deep.equal([]);
    const ad = second.ad!;
    expect(ad).to.deep.include({ externalId: '46-556694-5324-000000372345F1410C', removed: true, removedDate: '2019-10-04T15:55:14', salaryDescription: 'Fast lön' });
    expect(ad.description!.conditions).to.equal('Heltid\r\nVisstid');
    expect(ad.duration?.id).to.equal('qQUd_4qe_NDT');
    expect(ad.workplaceAddress).to.deep.include({ country: 'Sverige', countryCode: '199', countryConcept: 'i46j_HmG_v64', municipalityConcept: 'CCVZ_JA7_d3y' });
    expect(ad.application).to.deep.include({ url: 'http://www.jurek.se/ansok/1234567890', viaAf: false });
    expect(ad.mustHave!.workExperiences).to.deep.equal([{ id: 'KgVN_RhS_bjH', label: 'Kontorist', legacyId: '5841', weight: 10 }]);
  });

  it('splits requirements by weight (10 = must), resolves licences and languages, and gives wrong types as reasons', () => {
    const base = LEGACY.testannonser[0];
    const [ok, bad] = parseBatch({ testannonser: [
      { ...base, sprak: [{ varde: '502', namn: 'Svenska', vikt: 10 }, { varde: '283', namn: 'Engelska', vikt: 5 }], korkort: [{ varde: '3', namn: 'B' }] },
      { ...base, annonsrubrik: 17, arbetsplatsadress: { latitud: 'north' }, sprak: 'svenska' },
    ] }, 'auto', taxonomy);
    expect(ok.ad!.mustHave!.languages.map((l) => l.id)).to.deep.equal(['zSLA_vw2_FXN']);
    expect(ok.ad!.niceToHave!.languages.map((l) => l.id)).to.deep.equal(['NVxJ_hLg_TYS']);
    expect(ok.ad!).to.deep.include({ drivingLicenceRequired: true, drivingLicences: [{ id: 'VTK8_WRx_GcM', label: 'B', legacyId: '3' }] });
    expect([...bad.reasons].sort()).to.deep.equal([
      'annonsrubrik must be text, got number', 'arbetsplatsadress.latitud must be a number, got string', 'sprak must be a list, got string',
    ]);
  });
});
