import { expect } from 'chai';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basic } from '../../test-support/identity.ts';
import { startTestServer } from '../../test-support/server.ts';
import { Passwords } from './password.ts';

describe('identity database: migration of the earlier JSON files', () => {
  it('imports accounts.json (accounts, credentials, revoked ids) on start and keeps the file as *.migrated', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'identity-migrate-'));
    try {
      await mkdir(join(dataDir, 'identity$'), { recursive: true });
      const passwordHash = await new Passwords().hash('old password');
      const legacy = {
        accounts: [{ id: 'a1', email: 'legacy@example.org', passwordHash, podName: 'legacy', webId: 'http://localhost/legacy/profile/card#me', podUrl: 'http://localhost/legacy/', createdAt: '2026-01-01T00:00:00.000Z' }],
        credentials: [{ clientId: 'script_1', clientSecret: 's', name: 'script', accountId: 'a1', webId: 'http://localhost/legacy/profile/card#me', createdAt: '2026-01-02T00:00:00.000Z' }],
        revoked: ['gone_1'],
      };
      await writeFile(join(dataDir, 'identity$', 'accounts.json'), JSON.stringify(legacy));
      await writeFile(join(dataDir, 'identity$', 'oidc.json'), JSON.stringify({ Grant: { g1: { payload: { accountId: 'a1', clientId: 'c' } } }, Session: { old: { payload: {}, expiresAt: 1 } } }));
      const pod = await startTestServer({ storage: 'file', dataDir, config: { identity: true } });
      try {
        const listed = await fetch(new URL('/.account/credentials', pod.baseUrl), { headers: { authorization: basic('legacy@example.org', 'old password') } });
        expect(listed.status).to.equal(200);
        expect(await listed.json()).to.deep.equal([{ clientId: 'script_1', name: 'script', createdAt: '2026-01-02T00:00:00.000Z' }]);
        expect(pod.server.identity!.accounts.isRevoked('gone_1')).to.equal(true);
        const taken = await fetch(new URL('/.account/pods', pod.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'other', email: 'LEGACY@example.org', password: 'long enough' }) });
        expect(taken.status, 'the migrated email is taken').to.equal(409);
      } finally {
        await pod.stop();
      }
      const files = await readdir(join(dataDir, 'identity$'));
      expect(files).to.include.members(['accounts.json.migrated', 'oidc.json.migrated', 'identity.sqlite']);
      expect(files).to.not.include('accounts.json');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
