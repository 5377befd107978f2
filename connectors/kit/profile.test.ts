import { expect } from 'chai';
import { Parser } from 'n3';
import { profileTurtle } from './profile.ts';
import { needsRenewal } from './session.ts';

describe('connector kit: the profile document and token renewal', () => {
  it('writes a profile that parses, with the name kept a literal', () => {
    const turtle = profileTurtle({
      webId: 'https://jobs.example/profile/card#me', document: 'https://jobs.example/profile/card', name: 'Jobs "AB" <x>\n',
      issuers: ['https://pods.example/'], inbox: 'https://jobs.example/inbox/', registrationToken: 'tok',
    });
    const quads = new Parser({ baseIRI: 'https://jobs.example/profile/card' }).parse(turtle);
    const of = (p: string) => quads.filter((q) => q.subject.value === 'https://jobs.example/profile/card#me' && q.predicate.value === p).map((q) => q.object.value);
    expect(of('http://xmlns.com/foaf/0.1/name')).to.deep.equal(['Jobs "AB" <x>\n']);
    expect(of('http://www.w3.org/ns/solid/terms#oidcIssuerRegistrationToken')).to.deep.equal(['tok']);
  });

  const now = 1_000_000;
  for (const [expiresAt, expected] of [[undefined, true], [now + 30_000, true], [now + 59_999, true], [now + 60_000, false], [now + 3_600_000, false]] as const) {
    it(`renews a token expiring at now+${expiresAt === undefined ? '?' : expiresAt - now} ms: ${expected}`, () => expect(needsRenewal(expiresAt, now)).to.equal(expected));
  }
});
