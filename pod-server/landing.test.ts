import { expect } from 'chai';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** `/` is a landing page for people and the root container for RDF clients. */
describe('the landing page at /', function () {
  this.timeout(30_000);
  let pod: TestServer;
  before(async () => { pod = await startTestServer({ config: { identity: true } }); });
  after(() => pod?.stop());

  const get = (accept?: string, path = '') => fetch(`${pod.baseUrl}${path}`, { headers: accept ? { accept } : {} });

  it('answers a browser in Swedish with links to sign-up, log-in, consents, vocabulary and taxonomy', async () => {
    const response = await get(BROWSER_ACCEPT);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    expect(response.headers.get('vary')).to.match(/Accept/);
    const body = await response.text();
    expect(body).to.include('<html lang="sv">');
    for (const href of ['/.account/signup', '/.account/login', '/.account/consent', '/vocab', '/taxonomy']) expect(body).to.include(`href="${href}"`);
    expect(body).to.include('Skapa en pod');
  });

  it('switches to English with ?lang=en and remembers it', async () => {
    const response = await get('text/html', '?lang=en');
    expect(await response.text()).to.include('<html lang="en">');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).to.match(/^lang=en;/);
    const again = await fetch(pod.baseUrl, { headers: { accept: 'text/html', cookie: 'lang=en' } });
    expect(await again.text()).to.include('Create a pod');
    const junk = await fetch(`${pod.baseUrl}?lang=%3Cscript%3E`, { headers: { accept: 'text/html', cookie: 'lang=xx' } });
    expect(await junk.text()).to.include('<html lang="sv">');
  });

  it('still gives RDF clients the root container', async () => {
    for (const accept of ['text/turtle', 'application/ld+json', '*/*', undefined, 'text/turtle, text/html;q=0.5']) {
      const response = await get(accept);
      expect(response.status, String(accept)).to.equal(200);
      expect(response.headers.get('content-type'), String(accept)).to.match(/^(text\/turtle|application\/ld\+json)/);
    }
    const head = await fetch(pod.baseUrl, { method: 'HEAD', headers: { accept: 'text/html' } });
    expect(head.headers.get('content-type')).to.match(/^text\/html/);
  });
});
