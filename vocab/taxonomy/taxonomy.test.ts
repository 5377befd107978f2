import { expect } from 'chai';
import { getTaxonomy, svKey, foldKey, TaxonomyIndex } from '../index.ts';

const t = getTaxonomy();
const labels = (q: string, type?: string, limit = 10) => t.search(q, { type, limit }).map((h) => h.concept.label);

describe('taxonomy index', () => {
  it('loads every shipped concept and type', () => {
    expect(t.size).to.equal(12495);
    expect(t.byType('skill')).to.have.length(5514);
    expect(t.byType('occupation-name')).to.have.length(3262);
    expect(t.byType('municipality')).to.have.length(290);
    expect(t.types()).to.include.members(['driving-license', 'sun-education-level-3', 'worktime-extent']);
  });

  it('looks up by id and by legacy id', () => {
    expect(t.get('7wdX_4rv_33z')).to.deep.include({ label: 'Backend-utvecklare', type: 'occupation-name', broader: 'DJh5_yyF_hEM' });
    expect(t.get('nope')).to.equal(undefined);
    expect(t.byLegacyId('municipality', '0180')?.label).to.equal('Stockholm');
    expect(t.byLegacyId('occupation-group', '2512')?.id).to.equal('DJh5_yyF_hEM');
  });

  describe('broader / narrower', () => {
    it('walks occupation-name -> occupation-group (SSYK-4) -> occupation-field', () => {
      expect(t.ancestors('7wdX_4rv_33z').map((c) => [c.type, c.label])).to.deep.equal([
        ['occupation-group', 'Mjukvaru- och systemutvecklare m.fl.'], ['occupation-field', 'Data/IT'],
      ]);
    });
    it('walks place -> municipality -> region', () => {
      expect(t.ancestors('AKHd_zTa_smV').map((c) => c.label)).to.deep.equal(['Nacka', 'Stockholms län']);
    });
    it('lists narrower concepts and all descendants', () => {
      const groups = t.narrower('apaJ_2ja_LuF');
      expect(groups.map((c) => c.type)).to.satisfy((ts: string[]) => ts.every((x) => x === 'occupation-group'));
      expect(groups.map((c) => c.label)).to.include('Mjukvaru- och systemutvecklare m.fl.');
      const all = t.descendants('apaJ_2ja_LuF');
      expect(all.length).to.be.greaterThan(groups.length);
      expect(all.map((c) => c.id)).to.include('7wdX_4rv_33z');
      expect(t.narrower('jCsR_WQX_CKD')).to.deep.equal([]);
    });
    it('walks the SUN 2000 level chain', () => {
      expect(t.ancestors('tfUs_Vx3_2hp').map((c) => c.type)).to.deep.equal(['sun-education-level-2', 'sun-education-level-1']);
    });
  });

  it('has ESCO matches with their SKOS relation', () => {
    const m = t.escoMatches('7wdX_4rv_33z');
    expect(m.map((x) => x.relation).sort()).to.deep.equal(['broad', 'narrow']);
    expect(m[0].uri).to.match(/^http:\/\/data\.europa\.eu\/esco\//);
  });

  describe('autocomplete', () => {
    it('is case-insensitive and ranks exact prefix matches first', () => {
      const hits = t.search('JAVA', { type: 'skill', limit: 5 });
      expect(hits[0].position).to.equal('prefix');
      expect(hits.every((h) => h.concept.label.toLowerCase().startsWith('java'))).to.equal(true);
      expect(labels('backend-utvecklare', 'occupation-name')[0]).to.equal('Backend-utvecklare');
    });

    it('finds infix matches after prefix and word matches', () => {
      const hits = t.search('utvecklare', { type: 'occupation-name', limit: 50 });
      const order = hits.map((h) => h.position);
      expect(order).to.include('word');
      expect(order).to.include('infix');
      expect(order.indexOf('infix')).to.be.greaterThan(order.lastIndexOf('word'));
      expect(hits.map((h) => h.concept.label)).to.include('Mjukvaruutvecklare');
    });

    it('treats punctuation as word breaks', () => {
      expect(labels('backend utvecklare', 'occupation-name')).to.deep.equal(['Backend-utvecklare']);
    });

    it('keeps å, ä and ö distinct when the query uses them', () => {
      expect(labels('ä', 'skill', 50).every((l) => svKey(l).includes('ä'))).to.equal(true);
      expect(labels('lä', 'occupation-name', 50).some((l) => /^la/i.test(l))).to.equal(false);
      expect(labels('ö', 'municipality', 50).every((l) => svKey(l).includes('ö'))).to.equal(true);
      expect(labels('Mål', 'skill', 50).every((l) => svKey(l).includes('mål'))).to.equal(true);
    });

    it('finds Swedish letters for users typing without them, flagged and ranked after exact matches', () => {
      const hits = t.search('lakare', { type: 'occupation-name', limit: 5 });
      expect(hits[0].concept.label).to.equal('Läkare');
      expect(hits[0]).to.deep.include({ position: 'full', exact: false });
      const a = t.search('a', { type: 'driving-license', limit: 20 });
      expect(a.every((h) => h.exact)).to.equal(true); // no å/ä in driving licences: nothing folded
      const mixed = t.search('alv', { type: 'municipality', limit: 20 }).map((h) => `${h.concept.label} ${h.position} ${h.exact}`);
      expect(mixed).to.deep.equal(['Alvesta prefix true', 'Älvsbyn prefix false', 'Älvdalen prefix false', 'Älvkarleby prefix false', 'Kungälv infix false']);
    });

    it('folds other diacritics always (é, ü)', () => {
      expect(labels('idehistoriker')).to.include('Idéhistoriker');
      expect(labels('volapuk', 'language')).to.deep.equal(['Volapük']);
    });

    it('sorts equal matches in Swedish alphabetical order (å, ä, ö after z)', () => {
      const small = new TaxonomyIndex([
        { id: '1', type: 'x', label: 'Öl' }, { id: '2', type: 'x', label: 'Al' }, { id: '3', type: 'x', label: 'Ål' }, { id: '4', type: 'x', label: 'Zl' },
      ]);
      expect(small.search('l').map((h) => h.concept.label)).to.deep.equal(['Al', 'Zl', 'Ål', 'Öl']);
    });

    it('returns nothing for an empty query and respects the limit and type filter', () => {
      expect(t.search('   ')).to.deep.equal([]);
      expect(t.search('a', { limit: 3 })).to.have.length(3);
      expect(t.search('stockholm', { type: ['municipality', 'region'] }).map((h) => h.concept.type).sort()).to.deep.equal(['municipality', 'region']);
    });

    it('builds aligned keys', () => {
      expect(svKey('Backend-Utvecklare, ÅÄÖ é')).to.equal('backend utvecklare åäö e');
      expect(foldKey(svKey('Ærø Smörgås'))).to.equal('aro smorgas');
    });
  });
});
