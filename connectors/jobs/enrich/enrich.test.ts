import { expect } from 'chai';
import { getTaxonomy, type EnrichedConcept, type JobAd } from '../../../vocab/index.ts';
import { applyEnrichment, createEnricher, MAX_TEXT_CHARS } from './index.ts';
import { GENERAL_TITLES } from './defaults.ts';
import { LABELLED_ADS } from './labelled-ads.ts';
import { measureQuality } from './quality.ts';
import { baseForms } from './swedish.ts';
import { plainText, tokenise } from './tokens.ts';

const taxonomy = getTaxonomy();
const enricher = createEnricher(taxonomy);
const find = (headline: string, text = '') => enricher.enrich({ headline, text });
const ids = (found: EnrichedConcept[], type?: string) => found.filter((c) => type === undefined || c.type === type).map((c) => c.id);

describe('enrichment', () => {
  describe('finds concepts as Swedish ads write them', () => {
    const cases: Array<[what: string, text: string, type: string, id: string, term: string]> = [
      ['plural', 'Vi söker undersköterskor till hemtjänsten.', 'occupation-name', 'Y3QA_5pk_uXd', 'undersköterskor'],
      ['definite form', 'Som sjuksköterskan i teamet leder du arbetet.', 'occupation-name', 'bXNH_MNX_dUR', 'sjuksköterskan'],
      ['definite plural, narrowed by the ad', 'Lärarna i grundskolan årskurs 4-6 planerar tillsammans.', 'occupation-name', 'Nzmh_iTb_z7h', 'Lärarna i grundskolan årskurs 4-6'],
      ['hyphenated compound', 'Vi söker en Java-utvecklare.', 'skill', 'jCsR_WQX_CKD', 'Java'],
      ['hyphenated compound, occupation', 'Vi söker en Java-utvecklare.', 'occupation-name', 'fg7B_yov_smw', 'utvecklare'],
      ['joined compound, occupation', 'Vi söker en javautvecklare.', 'occupation-name', 'fg7B_yov_smw', 'javautvecklare'],
      ['joined compound, skill in it', 'Vi söker en javautvecklare.', 'skill', 'jCsR_WQX_CKD', 'javautvecklare'],
      ['label written joined', 'Vi söker en backendutvecklare.', 'occupation-name', '7wdX_4rv_33z', 'backendutvecklare'],
      ['activity -> occupation', 'Du har erfarenhet av lagerarbete.', 'occupation-name', 'sizv_uPq_nWf', 'lagerarbete'],
      ['activity -> skill (elided label)', 'Du har erfarenhet av lagerarbete.', 'skill', 'ijHY_aHk_ADE', 'lagerarbete'],
      ['upper case', 'VI SÖKER LAGERARBETARE', 'occupation-name', 'sizv_uPq_nWf', 'LAGERARBETARE'],
      ['B-körkort', 'B-körkort krävs.', 'driving-license', 'VTK8_WRx_GcM', 'B-körkort'],
      ['CE-kort', 'Du har CE-kort.', 'driving-license', 'zZu8_iZ9_wMH', 'CE-kort'],
      ['körkort B', 'Körkort B är ett krav.', 'driving-license', 'VTK8_WRx_GcM', 'Körkort B'],
      ['C-behörighet', 'C-behörighet är meriterande.', 'driving-license', 'BKCx_hST_Pcm', 'C-behörighet'],
      ['listed class', 'Du har C-körkort, gärna CE, och YKB.', 'driving-license', 'zZu8_iZ9_wMH', 'CE'],
      ['class after fillers', 'Krav på körkort lägst klass C1.', 'driving-license', 'swP6_psb_FCB', 'C1'],
      ['utökad B', 'Du har utökad B.', 'driving-license', 'ftCQ_gFu_L4b', 'utökad B'],
      ['language with a cue', 'Du talar och skriver svenska.', 'language', 'zSLA_vw2_FXN', 'svenska'],
      ['language, definite', 'Du behärskar engelskan väl.', 'language', 'NVxJ_hLg_TYS', 'engelskan'],
      ['language, "kunskaper i"', 'Goda kunskaper i engelska är meriterande.', 'language', 'NVxJ_hLg_TYS', 'engelska'],
      ['municipality after "i"', 'Arbetet är i Jönköping.', 'municipality', 'KURg_KJF_Lwc', 'Jönköping'],
      ['region, short form', 'Uppdrag i hela Västra Götaland.', 'region', 'zdoY_6u5_Krt', 'Västra Götaland'],
      ['region, full label', 'Tjänsten finns i Stockholms län.', 'region', 'CifL_Rzy_Mku', 'Stockholms län'],
      ['skill head of a qualified label', 'Erfarenhet av Python är ett krav.', 'skill', 'qfkh_ZRK_w4W', 'Python'],
    ];
    for (const [what, text, type, id, term] of cases) {
      it(`${what}: "${text}"`, () => {
        const hit = find('', text).find((c) => c.id === id);
        expect(hit, JSON.stringify(find('', text))).to.not.equal(undefined);
        expect(hit).to.deep.include({ type, term });
      });
    }
  });

  describe('leaves out what only looks like a concept', () => {
    const cases: Array<[what: string, text: string, id: string]> = [
      ['a municipality that is a common word', 'Du ska vara flexibel och Vara med från start.', 'fbHM_yhA_BqS'],
      ['a licence letter without a licence word', 'Du kan C och har betyget C i matematik.', 'BKCx_hST_Pcm'],
      ['a short skill name at a sentence start', 'Vi söker dig.', 'mpuQ_isQ_pTU'],
      ['a lower-case place name', 'Du får mark att odla på.', '7HAb_9or_eFM'],
      ['a language as an adjective', 'Vi följer svenska regler och lagar.', 'zSLA_vw2_FXN'],
      ['a teaching skill for a subject', 'Du har erfarenhet av engelska kunder.', 'djrB_81Q_kpv'],
      ['a generic word that is also a skill', 'Vi har en trevlig miljö och barn i verksamheten.', 'rBz4_QSX_yfw'],
    ];
    for (const [what, text, id] of cases) {
      it(`${what}: "${text}"`, () => {
        expect(taxonomy.has(id), `${id} is in the taxonomy`).to.equal(true);
        expect(ids(find('', text))).to.not.include(id);
      });
    }
  });

  it('weighs a headline hit above the same words in the text', () => {
    const inHeadline = find('Lagerarbetare till Jönköping', 'Välkommen med din ansökan.').find((c) => c.id === 'sizv_uPq_nWf')!;
    const inText = find('Välkommen med din ansökan', 'Vi söker lagerarbetare till Jönköping.').find((c) => c.id === 'sizv_uPq_nWf')!;
    expect(inHeadline.confidence).to.be.greaterThan(inText.confidence);
    expect(inHeadline.confidence).to.be.at.most(1);
  });

  it('weighs occupations named only in the text lower when the headline names the job (colleagues)', () => {
    const found = find('Sjuksköterska till avdelning 12', 'Du arbetar nära läkare och undersköterskor.');
    expect(ids(found, 'occupation-name')).to.deep.equal(['bXNH_MNX_dUR']);
  });

  it('reads HTML as the text it shows: tags are not words, entities are decoded, a block tag ends a sentence', () => {
    expect(plainText('<p>Vi s&ouml;ker <strong>lagerarbetare</strong></p><script>x</script>')).to.equal('\nVi söker  lagerarbetare \n x ');
    const found = find('', '<ul><li>B-k&ouml;rkort</li><li>Goda kunskaper i <b>engelska</b></li></ul><p>Ort: <em>Malmö</em></p>');
    expect(ids(found)).to.include.members(['VTK8_WRx_GcM', 'NVxJ_hLg_TYS', 'oYPt_yRA_Smm']);
    expect(found.find((c) => c.id === 'VTK8_WRx_GcM')!.term).to.equal('B-körkort');
    // A tag's own name is never matched: "Strong" and "table" are not read as words.
    expect(tokenise('<table class="Svetsare">x</table>', 1000).tokens.map((t) => t.norm)).to.deep.equal(['x']);
    // A lone "<" is text, not the start of a tag.
    expect(tokenise('lön < 30 000 kr', 1000).tokens.map((t) => t.norm)).to.deep.equal(['lön', '30', '000', 'kr']);
  });

  it('keeps å, ä and ö distinct from a and o', () => {
    expect(ids(find('', 'Arbetet är i Malmö.'))).to.include('oYPt_yRA_Smm');
    expect(ids(find('', 'Arbetet är i Malmo.'))).to.not.include('oYPt_yRA_Smm');
  });

  it('is bounded: a 5 MB text returns promptly, without throwing, and only the first part is read', () => {
    const chunk = 'Vi söker lagerarbetare med B-körkort till vårt lager i Jönköping. ';
    const huge = chunk.repeat(Math.ceil(5_000_000 / chunk.length)) + ' Svetsare i Malmö.';
    const start = performance.now();
    const found = find('Lagerarbetare', huge);
    expect(performance.now() - start).to.be.below(1000);
    expect(ids(found)).to.include('sizv_uPq_nWf');
    expect(ids(found)).to.not.include('oYPt_yRA_Smm'); // past MAX_TEXT_CHARS
    expect(MAX_TEXT_CHARS).to.equal(20_000);
    const oneWord = 'a'.repeat(5_000_000);
    expect(() => find(oneWord, oneWord)).to.not.throw();
    expect(find('', '')).to.deep.equal([]);
  });

  it('builds base forms only from Swedish endings, never below three letters', () => {
    expect(baseForms('undersköterskor').map((f) => f.form)).to.include('undersköterska');
    expect(baseForms('lärarna').map((f) => f.form)).to.include('lärare');
    expect(baseForms('lagret').map((f) => f.form)).to.include('lager');
    expect(baseForms('brandmän').map((f) => f.form)).to.include('brandman');
    expect(baseForms('bar').map((f) => f.form)).to.deep.equal(['bar']);
  });

  it('names only taxonomy concepts of the right kind as general titles', () => {
    for (const [word, id] of Object.entries(GENERAL_TITLES)) {
      expect(taxonomy.get(id)?.type, word).to.equal('occupation-name');
      expect(taxonomy.get(id)!.label.toLowerCase(), word).to.include(word);
    }
  });

  it('meets the quality floor on the labelled set (precision ≥ 0.95, recall ≥ 0.95 overall; each type ≥ 0.9)', () => {
    expect(LABELLED_ADS.length).to.be.at.least(30);
    for (const ad of LABELLED_ADS) for (const id of Object.values(ad.expected).flat()) expect(taxonomy.has(id!), id).to.equal(true);
    const { overall, byType } = measureQuality(enricher, LABELLED_ADS);
    expect(overall.precision).to.be.at.least(0.95);
    expect(overall.recall).to.be.at.least(0.95);
    for (const [type, s] of Object.entries(byType)) {
      expect(s.precision, `${type} precision`).to.be.at.least(0.9);
      expect(s.recall, `${type} recall`).to.be.at.least(0.9);
    }
  });
});

describe('applyEnrichment', () => {
  const found: EnrichedConcept[] = [
    { id: 'jCsR_WQX_CKD', type: 'skill', label: 'Java, programmeringsspråk', term: 'Java', confidence: 0.7 },
    { id: 'fg7B_yov_smw', type: 'occupation-name', label: 'Systemutvecklare/Programmerare', term: 'utvecklare', confidence: 0.9 },
    { id: 'oYPt_yRA_Smm', type: 'municipality', label: 'Malmö', term: 'Malmö', confidence: 0.8 },
    { id: 'NVxJ_hLg_TYS', type: 'language', label: 'Engelska', term: 'engelska', confidence: 0.75 },
    { id: 'VTK8_WRx_GcM', type: 'driving-license', label: 'B', term: 'B-körkort', confidence: 0.85 },
  ];

  it('records every find by confidence and the JobSearch keywords, lower-cased', () => {
    const ad = applyEnrichment({ id: '1' }, found);
    expect(ad.enrichedConcepts!.map((c) => c.confidence)).to.deep.equal([0.9, 0.85, 0.8, 0.75, 0.7]);
    expect(ad.keywords!.enriched).to.deep.equal({
      occupation: ['systemutvecklare/programmerare'], skill: ['java, programmeringsspråk'], location: ['malmö'], language: ['engelska'],
    });
  });

  it('fills a missing occupation from a confident find only', () => {
    expect(applyEnrichment({ id: '1' }, found).occupation).to.deep.equal({ id: 'fg7B_yov_smw', label: 'Systemutvecklare/Programmerare' });
    const unsure = found.map((c) => (c.type === 'occupation-name' ? { ...c, confidence: 0.6 } : c));
    expect(applyEnrichment({ id: '1' }, unsure).occupation).to.equal(undefined);
  });

  it('never overwrites what the source gave', () => {
    const given: JobAd = {
      id: '1',
      occupation: { label: 'Mjukvaruutvecklare' },
      workplaceAddress: { municipality: 'Lund' },
      drivingLicences: [{ id: 'zZu8_iZ9_wMH' }],
      keywords: { extracted: { employer: ['acme'] }, enriched: { skill: ['python'] } },
    };
    const ad = applyEnrichment(given, found);
    expect(ad.occupation).to.deep.equal({ label: 'Mjukvaruutvecklare' });
    expect(ad.workplaceAddress).to.deep.equal({ municipality: 'Lund' });
    expect(ad.drivingLicences).to.deep.equal([{ id: 'zZu8_iZ9_wMH' }]);
    expect(ad.keywords!.extracted).to.deep.equal({ employer: ['acme'] });
    expect(ad.keywords!.enriched.skill).to.deep.equal(['python', 'java, programmeringsspråk']);
    expect(given.enrichedConcepts).to.equal(undefined); // the input is not changed
  });
});
