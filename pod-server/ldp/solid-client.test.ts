import {
  buildThing, createContainerAt, createSolidDataset, deleteSolidDataset, getContainedResourceUrlAll, getFile, getSolidDataset,
  getStringNoLocale, getThing, overwriteFile, saveSolidDatasetAt, setThing,
} from '@inrupt/solid-client';
import { expect } from 'chai';
import { PUBLIC_WRITABLE_ACL, startTestServer, type TestServer } from '../../test-support/server.ts';

const NAME = 'http://schema.org/name';
const SKILL = 'http://schema.org/skills';

for (const storage of ['memory', 'file'] as const) {
  describe(`@inrupt/solid-client against the pod server (${storage})`, () => {
    let pod: TestServer;
    let container: string;

    before(async () => {
      pod = await startTestServer({ storage, seed: { '/test/.acl': PUBLIC_WRITABLE_ACL } });
      container = `${pod.baseUrl}test/`;
    });
    after(() => pod.stop());

    it('creates a container, saves, reads, updates and deletes a dataset', async () => {
      const folder = await createContainerAt(`${container}profiles/`);
      expect(folder).to.have.property('internal_resourceInfo');
      const url = `${container}profiles/alice`;
      const me = buildThing({ url: `${url}#me` }).addStringNoLocale(NAME, 'Alice').addStringNoLocale(SKILL, 'Welding').build();
      await saveSolidDatasetAt(url, setThing(createSolidDataset(), me));

      let dataset = await getSolidDataset(url);
      expect(getStringNoLocale(getThing(dataset, `${url}#me`)!, NAME)).to.equal('Alice');

      // An update of a fetched dataset goes out as a SPARQL Update PATCH.
      const renamed = buildThing(getThing(dataset, `${url}#me`)!).setStringNoLocale(NAME, 'Alice Andersson').build();
      await saveSolidDatasetAt(url, setThing(dataset, renamed));
      dataset = await getSolidDataset(url);
      expect(getStringNoLocale(getThing(dataset, `${url}#me`)!, NAME)).to.equal('Alice Andersson');
      expect(getStringNoLocale(getThing(dataset, `${url}#me`)!, SKILL)).to.equal('Welding');

      expect(getContainedResourceUrlAll(await getSolidDataset(`${container}profiles/`))).to.deep.equal([url]);
      await deleteSolidDataset(url);
      await expectRejection(getSolidDataset(url), 404);
      await deleteSolidDataset(`${container}profiles/`);
      await expectRejection(getSolidDataset(`${container}profiles/`), 404);
    });

    it('writes and reads files byte for byte', async () => {
      const bytes = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
      await overwriteFile(`${container}cv.pdf`, new Blob([bytes], { type: 'application/pdf' }), { contentType: 'application/pdf' });
      const file = await getFile(`${container}cv.pdf`);
      expect(file.type).to.equal('application/pdf');
      expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(bytes))).to.equal(true);
    });

    it('is refused where the ACL does not allow it', async () => {
      await expectRejection(saveSolidDatasetAt(`${pod.baseUrl}elsewhere`, createSolidDataset()), 401);
    });
  });
}

async function expectRejection(promise: Promise<unknown>, status: number): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect((error as { statusCode?: number }).statusCode).to.equal(status);
    return;
  }
  expect.fail(`expected a ${status} error`);
}
