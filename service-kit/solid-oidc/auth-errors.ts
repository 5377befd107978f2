import { Unauthorized } from '../errors.ts';

export const PROOF_ALGS = ['ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512', 'EdDSA'];

/**
 * A 401 whose WWW-Authenticate names the reason (RFC 9449 / RFC 6750 error codes), so a
 * client can tell a stale token from a broken proof.
 */
export function authError(realm: string, error: 'invalid_token' | 'invalid_dpop_proof' | 'invalid_request', description: string): Unauthorized {
  const quoted = description.replace(/["\\\r\n]/g, ' ');
  return new Unauthorized(description, {
    'WWW-Authenticate': `DPoP realm="${realm}", error="${error}", error_description="${quoted}", algs="${PROOF_ALGS.join(' ')}"`,
  });
}
