// A minimal Solid browser app with no library: PKCE, a DPoP key in WebCrypto, and the
// authorization code flow against the issuer configured in the page. Used by browser tests.
const config = JSON.parse(document.getElementById('config').textContent);
const out = document.getElementById('result');
const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const text = (s) => new TextEncoder().encode(s);
const json64 = (o) => b64url(text(JSON.stringify(o)));
const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));

async function discovery() {
  return (await fetch(new URL('.well-known/openid-configuration', config.issuer))).json();
}

async function dpopKey() {
  const stored = sessionStorage.getItem('dpop');
  if (stored) {
    const { privateJwk, publicJwk } = JSON.parse(stored);
    return { privateKey: await crypto.subtle.importKey('jwk', privateJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']), publicJwk };
  }
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const publicJwk = { kty, crv, x, y };
  sessionStorage.setItem('dpop', JSON.stringify({ privateJwk, publicJwk }));
  return { privateKey: pair.privateKey, publicJwk };
}

async function proof(key, method, url) {
  const header = json64({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.publicJwk });
  const payload = json64({ htm: method, htu: url.split(/[?#]/)[0], jti: random(16), iat: Math.floor(Date.now() / 1000) });
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, text(`${header}.${payload}`));
  return `${header}.${payload}.${b64url(signature)}`;
}

async function login() {
  const op = await discovery();
  const verifier = random(32);
  const state = random(16);
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', text(verifier)));
  const auth = new URL(op.authorization_endpoint);
  Object.entries({ response_type: 'code', client_id: config.clientId, redirect_uri: config.redirectUri, scope: 'openid webid offline_access',
    code_challenge: challenge, code_challenge_method: 'S256', state, prompt: 'consent' }).forEach(([k, v]) => auth.searchParams.set(k, v));
  location.assign(auth.href);
}

async function callback(params) {
  const { verifier, state } = JSON.parse(sessionStorage.getItem('pkce'));
  if (params.get('state') !== state) throw new Error('state mismatch');
  if (params.get('error')) throw new Error(params.get('error'));
  const op = await discovery();
  const key = await dpopKey();
  const response = await fetch(op.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: await proof(key, 'POST', op.token_endpoint) },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: config.redirectUri, client_id: config.clientId, code_verifier: verifier }),
  });
  const tokens = await response.json();
  if (!response.ok) throw new Error(`token: ${JSON.stringify(tokens)}`);
  const idToken = JSON.parse(atob(tokens.id_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  const pod = idToken.webid.replace(/profile\/card#me$/, '');
  const read = await fetch(pod, { headers: { authorization: `DPoP ${tokens.access_token}`, dpop: await proof(key, 'GET', pod), accept: 'text/turtle' } });
  out.textContent = JSON.stringify({ webid: idToken.webid, tokenType: tokens.token_type, refresh: Boolean(tokens.refresh_token), status: read.status, body: await read.text() });
}

const params = new URLSearchParams(location.search);
(params.has('code') || params.has('error') ? callback(params) : Promise.resolve(document.getElementById('login').addEventListener('click', login)))
  .catch((error) => { out.textContent = `error: ${error.message}`; });
