import type { PodServerConfig } from '../config.ts';
import type { Identity } from '../identity/index.ts';
import { SolidOidcVerifier } from '../../service-kit/solid-oidc/solid-oidc.ts';

/** The verifier as the composition root wires it: this server's issuer plus TRUSTED_ISSUERS. */
export function solidOidcVerifier(config: PodServerConfig, identity: Identity): SolidOidcVerifier {
  return new SolidOidcVerifier({
    baseUrl: config.baseUrl,
    trustedIssuers: [identity.issuer, ...(config.trustedIssuers ?? [])],
    local: { issuer: identity.issuer, jwks: identity.jwks, clientRevoked: (clientId) => identity.accounts.isRevoked(clientId) },
    replay: identity.replay,
  });
}
