import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import * as consent from './index.ts';

describe('consent package', () => {
  it('exports the functions the pod server and clients use', () => {
    for (const name of ['validateAccessRequest', 'buildRecord', 'signReceipt', 'verifyReceipt', 'receiptStatus', 'decideGrant', 'grantFromRecord',
      'appendEntry', 'serializeEntry', 'verifyChain', 'describeEntry', 'RequesterClient', 'OwnerClient', 'sectionResourceUrl']) {
      expect(consent, name).to.have.property(name).that.is.a('function');
    }
  });

  it('never imports the pod server', () => {
    const dir = new URL('./', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      expect(readFileSync(new URL(f, dir), 'utf8'), f).not.to.match(/from ['"][^'"]*pod-server/);
    }
  });

  it('maps sections to resources; discoverable names none', () => {
    expect(consent.sectionResourceUrl('https://pod.example/anna', 'skills')).to.equal('https://pod.example/anna/competence/skills');
    expect(consent.sectionResourceUrl('https://pod.example/anna/', 'discoverable')).to.equal(undefined);
    expect(consent.sectionOfResource('https://pod.example/anna/competence/skills')).to.equal('skills');
    expect(consent.sectionOfResource('https://pod.example/anna/competence/skills-secret')).to.equal(undefined);
  });
});
