import { expect } from 'chai';
import { AccountStore } from './accounts.ts';
import { openIdentityDatabase } from './database.ts';
import { OidcStorage } from './oidc-adapter.ts';
import { Passwords } from './password.ts';

describe("the identity provider's storage", () => {
  it("ends every provider login session of one account at logout, and no one else's", async () => {
    const db = openIdentityDatabase(undefined);
    const storage = new OidcStorage(db, new AccountStore(db, new Passwords()), false);
    const Session = storage.adapter();
    const sessions = new Session('Session');
    await sessions.upsert('s1', { accountId: 'anna', kind: 'Session' } as never, 3600);
    await sessions.upsert('s2', { accountId: 'anna', kind: 'Session' } as never, 3600);
    await sessions.upsert('s3', { accountId: 'bo', kind: 'Session' } as never, 3600);
    expect(storage.endSessionsOf('anna')).to.equal(2);
    expect(await sessions.find('s1')).to.equal(undefined);
    expect(await sessions.find('s2')).to.equal(undefined);
    expect(await sessions.find('s3')).to.include({ accountId: 'bo' });
    db.close();
  });
});
