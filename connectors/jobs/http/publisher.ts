import type { Request } from 'express';
import { Unauthorized } from '../../../service-kit/errors.ts';
import type { CredentialsExtractor } from '../../../service-kit/solid-oidc/credentials.ts';

/**
 * The WebID a publisher proved with Solid-OIDC (a DPoP-bound token from a trusted issuer). The URL
 * checked against the DPoP proof is the one the client addressed: this service's base + the path.
 */
export async function publisherOf(req: Request, credentials: CredentialsExtractor, baseUrl: string): Promise<string> {
  const url = new URL(req.originalUrl.split('?')[0].replace(/^\/+/, ''), baseUrl).href;
  const who = await credentials.extract({ method: req.method, url, headers: req.headers });
  if (!who.webId) {
    throw new Unauthorized('Publishing ads needs a Solid-OIDC login: send Authorization: DPoP <token> with a DPoP proof', {
      'WWW-Authenticate': `DPoP realm="${baseUrl}", algs="ES256 PS256 RS256"`,
    });
  }
  return who.webId;
}
