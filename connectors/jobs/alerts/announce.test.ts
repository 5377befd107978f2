import { expect } from 'chai';
import { parseDocument } from '../../../vocab/index.ts';
import { announceTurtle } from './announce.ts';

const AS = 'https://www.w3.org/ns/activitystreams#';
const SCHEMA = 'http://schema.org/';

describe('alerts: the announcement of an ad', () => {
  const base = 'https://pods.example/anna/inbox/n1';
  const parse = (turtle: string) => parseDocument(turtle, { contentType: 'text/turtle', baseIri: base });

  it('announces the ad with its URL, headline, employer and place', async () => {
    const turtle = announceTurtle({
      ad: { id: 'a1', headline: 'Svetsare', employer: { name: 'Verkstad AB' }, workplaceAddress: { municipality: 'Göteborg' } },
      adUrl: 'https://jobs.example/ads/a1', actor: 'https://jobs.example/profile/card#me', to: 'https://pods.example/anna/profile/card#me',
    });
    const g = await parse(turtle);
    expect(g.node(base, `${AS}object`)).to.equal('https://jobs.example/ads/a1');
    expect(g.string(base, `${AS}summary`)).to.equal('Svetsare');
    const employer = g.node('https://jobs.example/ads/a1', `${SCHEMA}hiringOrganization`)!;
    expect(g.string(employer, `${SCHEMA}name`)).to.equal('Verkstad AB');
  });

  it('keeps hostile or long ad text a literal, whole and bounded', async () => {
    const headline = 'Svetsare"; a <urn:evil>. <x> <y> "\n\\u0000 \ud800 ' + 'x'.repeat(1000);
    const g = await parse(announceTurtle({ ad: { id: 'a2', headline, employer: { name: '<b>AB</b>' } }, adUrl: 'https://jobs.example/ads/a2', actor: 'https://jobs.example/profile/card#me', to: 'https://pods.example/anna/profile/card#me' }));
    const summary = g.string(base, `${AS}summary`)!;
    expect(summary.startsWith('Svetsare"; a <urn:evil>.')).to.equal(true);
    expect(summary.length).to.equal(300);
    expect(g.instancesOf(`${AS}Announce`)).to.deep.equal([base]);
  });

  it('refuses an ad URL that is not an http(s) IRI', () => {
    expect(() => announceTurtle({ ad: { id: 'x' }, adUrl: 'https://jobs.example/ads/x> <urn:y', actor: 'https://a.example/#me', to: 'https://b.example/#me' })).to.throw(RangeError);
  });
});
