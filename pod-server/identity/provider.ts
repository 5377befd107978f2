import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { OIDC_PREFIX } from './oidc-paths.ts';
import type { AccountStore } from './accounts.ts';
import type { IdentityKeys } from './keys.ts';
import { renderLoggedOut, renderLogout, renderProblem } from './provider-pages.ts';
import type { OidcStorage } from './oidc-adapter.ts';

/** Where oidc-provider's endpoints live on the shared origin (discovery stays at the root). */
/** The resource indicator for "any Solid pod": tokens for it carry audience `solid`. */
export const SOLID_RESOURCE = 'urn:solid:pods';
export const ACCESS_TOKEN_TTL = 3600;

export interface ProviderOptions {
  issuer: string;
  keys: IdentityKeys;
  accounts: AccountStore;
  storage: OidcStorage;
}

/**
 * oidc-provider configured for Solid-OIDC: DPoP-bound JWT access tokens with `webid`,
 * `client_id` and audience `solid`; PKCE always; client credentials for services;
 * dynamic registration and Client ID Documents for apps.
 */
export function createProvider(options: ProviderOptions): Provider {
  const { accounts } = options;
  const configuration: Configuration = {
    adapter: options.storage.adapter(),
    jwks: { keys: options.keys.signing as never },
    cookies: { keys: options.keys.cookies, long: { signed: true, sameSite: 'lax' }, short: { signed: true, sameSite: 'lax' } },
    scopes: ['openid', 'webid', 'offline_access'],
    claims: { openid: ['sub'], webid: ['webid'] },
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const account = accounts.byId(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, webid: account.webId }) };
    },
    async extraTokenClaims(_ctx, token) {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const webId = accountId ? accounts.byId(accountId)?.webId : accounts.credential(token.clientId ?? '')?.webId;
      return webId ? { webid: webId, client_id: token.clientId } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: true },
      clientCredentials: { enabled: true },
      registration: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: async (ctx, form) => renderLogout(ctx, form), postLogoutSuccessSource: async (ctx) => renderLoggedOut(ctx) },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => SOLID_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: 'webid',
          audience: 'solid',
          accessTokenTTL: ACCESS_TOKEN_TTL,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    responseTypes: ['code', 'none'],
    pkce: { required: () => true },
    // Solid access tokens are only useful sender-constrained.
    clientDefaults: { grant_types: ['authorization_code', 'refresh_token'], id_token_signed_response_alg: 'ES256', dpop_bound_access_tokens: true } as never,
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    ttl: { AccessToken: ACCESS_TOKEN_TTL, ClientCredentials: ACCESS_TOKEN_TTL, IdToken: ACCESS_TOKEN_TTL, Interaction: 3600, Session: 14 * 24 * 3600, Grant: 365 * 24 * 3600, RefreshToken: 30 * 24 * 3600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `/.account/interaction/${interaction.uid}` },
    routes: {
      authorization: `${OIDC_PREFIX}/auth`,
      token: `${OIDC_PREFIX}/token`,
      jwks: `${OIDC_PREFIX}/jwks`,
      registration: `${OIDC_PREFIX}/reg`,
      revocation: `${OIDC_PREFIX}/token/revocation`,
      userinfo: `${OIDC_PREFIX}/me`,
      end_session: `${OIDC_PREFIX}/session/end`,
      pushed_authorization_request: `${OIDC_PREFIX}/request`,
      introspection: `${OIDC_PREFIX}/token/introspection`,
      code_verification: `${OIDC_PREFIX}/device`,
      device_authorization: `${OIDC_PREFIX}/device/auth`,
      backchannel_authentication: `${OIDC_PREFIX}/backchannel`,
    },
    discovery: { solid_oidc_supported: 'https://solidproject.org/TR/solid-oidc' },
    // Browser apps on any origin talk to the token endpoint.
    clientBasedCORS: () => true,
    renderError: async (ctx: KoaContextWithOIDC, out) => renderProblem(ctx, out.error, out.error_description),
  };
  return new Provider(options.issuer, configuration);
}
