import express, { type Request, type Response, type Router } from 'express';
import { BadRequest, Conflict, Forbidden, HttpError, NotFound, Unauthorized, UnsupportedMediaType } from '../../service-kit/errors.ts';
import { readBody } from '../../service-kit/http/body.ts';
import type { Account } from './accounts.ts';
import type { AccountService } from './account-service.ts';
import { clientAddress } from './client-address.ts';
import type { LoginGuard } from './login-guard.ts';
import { REGISTRATION_TOKEN, linkableWebId, proveWebId } from './webid-proof.ts';

/**
 * The JSON account API for scripts, tests and examples. Bodies must be application/json:
 * an HTML form on another site cannot send that without a CORS preflight, which we never grant.
 */
export function accountApi(service: AccountService, login: LoginGuard): Router {
  const router = express.Router();

  router.post('/.account/pods', async (req, res) => {
    const body = await jsonBody(req);
    const account = await service.signUp({ name: body.name, email: body.email, password: body.password }, { address: clientAddress(req) });
    res.status(201).location(account.podUrl).json({ webId: account.webId, podUrl: account.podUrl, issuer: service.issuer });
  });

  router.post('/.account/credentials', async (req, res) => {
    const account = await basicAccount(login, req, res);
    const body = await jsonBody(req);
    if (typeof body.name !== 'string' || body.name.trim() === '' || body.name.length > 100) throw new BadRequest('name is required: a label for these credentials', 'invalid_name');
    // Tokens carry the pod's WebID, or another WebID this account linked (POST /.account/webids).
    let webId = account.webId;
    if (body.webId !== undefined && body.webId !== account.webId) {
      webId = linkableWebId(body.webId, service.baseUrl);
      if (!service.webIds.isLinked(account.id, webId)) throw new Forbidden(`${webId} is not linked to this account: prove it first with POST /.account/webids`);
    }
    const credential = await service.accounts.addCredential(account, body.name.trim(), webId);
    res.status(201).location(`/.account/credentials/${encodeURIComponent(credential.clientId)}`)
      .json({ clientId: credential.clientId, clientSecret: credential.clientSecret, webId: credential.webId, issuer: service.issuer });
  });

  // Linking a WebID on another origin: the first call hands out a registration token, the
  // profile must then show it (and name this issuer); the next call checks and links.
  router.post('/.account/webids', async (req, res) => {
    const account = await basicAccount(login, req, res);
    const body = await jsonBody(req);
    const webId = linkableWebId(body.webId, service.baseUrl);
    if (service.webIds.isLinked(account.id, webId)) {
      res.status(200).json({ webId, linked: true });
      return;
    }
    const open = service.webIds.openChallenge(account.id, webId);
    if (!open) {
      const challenge = service.webIds.newChallenge(account.id, webId);
      if (!challenge) throw new Conflict('This account has too many linked WebIDs or open registration tokens', 'too_many_webids');
      res.status(202).json({
        webId, linked: false, token: challenge.token, predicate: REGISTRATION_TOKEN, issuer: service.issuer,
        expiresAt: new Date(challenge.expiresAt * 1000).toISOString(),
        message: `Add <${webId}> <${REGISTRATION_TOKEN}> "${challenge.token}" and <${webId}> solid:oidcIssuer <${service.issuer}> to the WebID profile, then POST again`,
      });
      return;
    }
    await proveWebId(webId, open.token, service.issuer);
    service.webIds.link(account.id, webId);
    res.status(201).json({ webId, linked: true });
  });

  router.get('/.account/webids', async (req, res) => {
    const account = await basicAccount(login, req, res);
    res.json(service.webIds.linkedTo(account.id));
  });

  router.get('/.account/credentials', async (req, res) => {
    const account = await basicAccount(login, req, res);
    res.json(service.accounts.credentialsOf(account.id).map(({ clientId, name, createdAt }) => ({ clientId, name, createdAt })));
  });

  router.delete('/.account/credentials/:clientId', async (req, res) => {
    const account = await basicAccount(login, req, res);
    if (!(await service.accounts.revokeCredential(account, String(req.params.clientId)))) throw new NotFound('No such credential on this account');
    res.status(204).end();
  });

  return router;
}

async function jsonBody(req: Request): Promise<Record<string, unknown>> {
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) throw new UnsupportedMediaType('Send the request body as application/json');
  const text = (await readBody(req, 16 * 1024)).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BadRequest(`The body is not valid JSON: ${(error as Error).message}`, 'invalid_json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadRequest('The body must be a JSON object', 'invalid_json');
  return parsed as Record<string, unknown>;
}

const BASIC_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="account", charset="UTF-8"' };

/** HTTP Basic email:password, through the login guard; a script that keeps cookies becomes a known device too. */
async function basicAccount(login: LoginGuard, req: Request, res: Response): Promise<Account> {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) throw new Unauthorized('Give your account email and password with HTTP Basic authentication', BASIC_CHALLENGE);
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const account = colon > 0 ? await login.login(req, decoded.slice(0, colon), decoded.slice(colon + 1)) : undefined;
  if (!account) throw new HttpError(401, 'invalid_login', 'Wrong email or password', BASIC_CHALLENGE);
  login.remember(req, res, account);
  return account;
}

