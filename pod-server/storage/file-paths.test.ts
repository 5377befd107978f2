import { expect } from 'chai';
import { join } from 'node:path';
import { resourcePathFromUrl, urlForPath } from '../ldp/paths.ts';
import { locate } from './file-paths.ts';

const DATA = '/srv/pods';

describe('URL -> resource path -> file', () => {
  const good: [string, string, string][] = [
    ['/', '/', join(DATA, '.container$')],
    ['/alice/', '/alice/', join(DATA, 'alice', '.container$')],
    ['/alice/profile/card', '/alice/profile/card', join(DATA, 'alice/profile/card')],
    ['/alice/my%20cv.pdf', '/alice/my cv.pdf', join(DATA, 'alice/my cv.pdf')],
    ['/alice/%C3%A5r%C3%B6', '/alice/årö', join(DATA, 'alice/årö')],
    ['/alice/doc?x=1#frag', '/alice/doc', join(DATA, 'alice/doc')],
    ['/alice/.acl', '/alice/.acl', join(DATA, 'alice/.acl')],
    ['/alice/...', '/alice/...', join(DATA, 'alice/...')],
  ];
  for (const [url, path, file] of good) {
    it(`maps ${url}`, () => {
      expect(resourcePathFromUrl(url)).to.equal(path);
      expect(locate(DATA, path).file).to.equal(file);
    });
  }

  const hostile = [
    '/../etc/passwd', '/alice/../../etc/passwd', '/alice/%2e%2e/%2e%2e/etc/passwd', '/alice/%2E%2E/x', '/alice/.%2e/x',
    '/alice/%2fetc%2fpasswd', '/alice/..%2Fx', '/alice/%5c..%5cx', '/alice/x%00.ttl', '/alice/x%0a', '/alice/%E0%A4%A',
    '/alice//x', '/alice/./x', '/alice/x.meta$', '/alice/.container$', '/alice/x%24', 'alice/x', '/a\\..\\b',
  ];
  for (const url of hostile) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      expect(() => resourcePathFromUrl(url)).to.throw().with.property('status', 400);
    });
  }

  it('refuses to map an unsafe path even if URL parsing were bypassed', () => {
    for (const path of ['/../x', '/a/../../x', '/a/\0', '/a/b$', '/a//b']) expect(() => locate(DATA, path), path).to.throw();
  });

  it('round-trips names that need encoding', () => {
    for (const path of ['/a b/c?d', "/it's (1)/*", '/ä/ö#x', '/100%/']) {
      const url = urlForPath('http://localhost:3000/', path);
      expect(resourcePathFromUrl(new URL(url).pathname), url).to.equal(path);
    }
  });
});
