/** Where oidc-provider's endpoints live; a module of its own so routing needs no provider code. */
export const OIDC_PREFIX = '/.oidc';
