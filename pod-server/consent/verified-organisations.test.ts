import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '../config.ts';
import { checkRegistry, isOrganisationNumber, VerifiedRegistry } from './verified-organisations.ts';

const AF = { webId: 'https://af.example/profile#org', name: 'Arbetsförmedlingen', organisationNumber: '202100-2114' };

describe('the registry of verified organisations', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'verified-')); });
  after(() => rm(dir, { recursive: true, force: true }));

  it('checks organisation numbers, with their check digit', () => {
    expect(isOrganisationNumber('202100-2114')).to.equal(true);
    expect(isOrganisationNumber('202100-2115')).to.equal(false);
    expect(isOrganisationNumber('2021002114')).to.equal(false);
  });

  it('is read from the file VERIFIED_ORGANISATIONS names, and a wrong file stops the server with the reason', async () => {
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify([AF]));
    expect(configFromEnv({ VERIFIED_ORGANISATIONS: good }).verifiedOrganisations).to.deep.equal([AF]);
    expect(configFromEnv({}).verifiedOrganisations).to.equal(undefined);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify([{ ...AF, organisationNumber: '202100-2115' }]));
    expect(() => configFromEnv({ VERIFIED_ORGANISATIONS: bad })).to.throw(/entry 1: "organisationNumber"/);
    await writeFile(bad, '{not json');
    expect(() => configFromEnv({ VERIFIED_ORGANISATIONS: bad })).to.throw(/is not JSON/);
    expect(() => configFromEnv({ VERIFIED_ORGANISATIONS: join(dir, 'missing.json') })).to.throw(/cannot read/);
    expect(() => checkRegistry([AF, AF])).to.throw(/listed twice/);
    expect(() => checkRegistry({ webId: AF.webId })).to.throw(/JSON array/);
    expect(() => checkRegistry([{ ...AF, webId: 'javascript:alert(1)' }])).to.throw(/"webId"/);
  });

  it('finds by WebID, and notices a self-declared name copying a verified one', () => {
    const registry = new VerifiedRegistry([AF]);
    expect(registry.byWebId(AF.webId)).to.deep.equal(AF);
    expect(registry.byWebId('https://other.example/#me')).to.equal(undefined);
    expect(registry.impersonated('ARBETSFÖRMEDLINGEN.', 'https://other.example/#me')).to.deep.equal(AF);
    expect(registry.impersonated('Arbetsförmedlingen', AF.webId)).to.equal(undefined);
    expect(registry.impersonated('Volvo', 'https://other.example/#me')).to.equal(undefined);
  });
});
