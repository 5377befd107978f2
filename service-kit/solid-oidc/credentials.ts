/**
 * The credentials stage: turns a request into who is asking. The pod server calls exactly
 * one extractor per request; this default only knows "anonymous", and the Solid-OIDC
 * verifier (DPoP-bound access tokens) implements the same interface.
 */
export interface Credentials {
  /** The agent's WebID; undefined for an anonymous request. */
  webId?: string;
  /** The OAuth client the agent is using, when a token says so. */
  clientId?: string;
  /** The issuer that vouched for the WebID. */
  issuer?: string;
}

/** The parts of a request an extractor may look at (no body: it is not read yet). */
export interface CredentialsRequest {
  method: string;
  /** The absolute URL the client addressed, without query or fragment. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface CredentialsExtractor {
  /** Resolves to the credentials, or rejects with an HttpError (401) when they are invalid. */
  extract(request: CredentialsRequest): Promise<Credentials>;
}

export const ANONYMOUS: Credentials = Object.freeze({});

/** Everyone is anonymous: the default until an identity provider is plugged in. */
export const anonymousOnly: CredentialsExtractor = {
  async extract() { return ANONYMOUS; },
};
