import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BrowserApp {
  origin: string;
  clientId: string;
  stop(): Promise<void>;
}

/**
 * Serves a plain-JavaScript Solid app on its own origin, identified by a Client ID Document
 * (client_id is a URL), for browser tests of the authorization code flow.
 */
export async function startBrowserApp(issuer: string): Promise<BrowserApp> {
  const script = await readFile(new URL('./browser-app/app.js', import.meta.url), 'utf8');
  let origin = '';
  const server: Server = createServer((req, res) => {
    const clientId = `${origin}/app/id`;
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/app/id') {
      res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify({
        '@context': ['https://www.w3.org/ns/solid/oidc-context.jsonld'],
        client_id: clientId,
        client_name: 'Test <App> & Co',
        redirect_uris: [`${origin}/app/callback`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        scope: 'openid webid offline_access',
        token_endpoint_auth_method: 'none',
      }));
    } else if (path === '/app/' || path === '/app/callback') {
      const config = JSON.stringify({ issuer, clientId, redirectUri: `${origin}/app/callback` });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><meta charset="utf-8"><title>Test app</title>
<button id="login">Log in with Solid</button><pre id="result"></pre><script type="application/json" id="config">${config}</script><script>${script}</script>`);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    clientId: `${origin}/app/id`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
